namespace SupplySim.Model.Engine.Checkpoints;

/// <summary>A batch of messages a shard has received for a tick it has not run yet.</summary>
public readonly record struct PendingBatch(int Tick, int Source, byte[] Payload);

/// <summary>
/// One shard's checkpoint after the barrier of tick t: the batches already delivered for ticks after t (the
/// inbox of t+1 is complete then), and the shard's own state (<see cref="Shard.Save"/>). Restored into a
/// shard built from the same scenario and layout, it steps on from t+1 exactly as the original would.
/// </summary>
public static class ShardCheckpoint
{
    private const string Magic = "supplysim.shard-checkpoint";
    private const int Version = 1;

    public static byte[] Write(Shard shard, int tick, IEnumerable<PendingBatch> pending)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(shard.Info.Index);
            w.Write((int)shard.Info.Kind);
            w.Write(tick);
            var batches = pending.OrderBy(b => b.Tick).ThenBy(b => b.Source).ToArray();
            w.Write(batches.Length);
            foreach (var b in batches)
            {
                w.Write(b.Tick);
                w.Write(b.Source);
                w.WriteArray(b.Payload);
            }
            w.WriteMarker("state");
            shard.Save(w);
            w.WriteMarker("end");
        }
        return stream.ToArray();
    }

    /// <summary>Loads a checkpoint into <paramref name="shard"/>; returns the tick it was taken after and the pending batches.</summary>
    public static (int Tick, List<PendingBatch> Pending) Read(Shard shard, byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
        if (r.ReadString() != Magic || r.ReadInt32() != Version) throw new CheckpointException("not a shard checkpoint of this version");
        var index = r.ReadInt32();
        var kind = r.ReadInt32();
        if (index != shard.Info.Index || kind != (int)shard.Info.Kind)
            throw new CheckpointException($"checkpoint of shard {index} ({kind}) restored into shard {shard.Info.Index} ({(int)shard.Info.Kind})");
        var tick = r.ReadInt32();
        var count = r.ReadInt32();
        var pending = new List<PendingBatch>(count);
        for (var i = 0; i < count; i++)
        {
            var t = r.ReadInt32();
            var source = r.ReadInt32();
            pending.Add(new PendingBatch(t, source, r.ReadArray<byte>()));
        }
        r.ReadMarker("state");
        shard.Load(r);
        r.ReadMarker("end");
        return (tick, pending);
    }
}

/// <summary>The run coordinator's checkpoint after the barrier of a tick (<see cref="RunCoordinator.Save"/>).</summary>
public static class RunCheckpoint
{
    private const string Magic = "supplysim.run-checkpoint";
    private const int Version = 1;

    public static byte[] Write(RunCoordinator coordinator)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            coordinator.Save(w);
            w.WriteMarker("end");
        }
        return stream.ToArray();
    }

    /// <summary>Loads a checkpoint into a fresh coordinator of the same scenario; returns the tick it was taken after.</summary>
    public static int Read(RunCoordinator coordinator, byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
        if (r.ReadString() != Magic || r.ReadInt32() != Version) throw new CheckpointException("not a run checkpoint of this version");
        coordinator.Load(r);
        r.ReadMarker("end");
        return coordinator.NextTick - 1;
    }
}
