using SupplySim.Model.Metrics;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.World;

namespace SupplySim.Model.Engine;

/// <summary>
/// The bulk-synchronous loop in one process, without Orleans: the reference the grains must match
/// bit for bit, and the kernel the benchmarks time.
/// </summary>
public sealed class LocalEngine
{
    private readonly Shard[] _shards;
    private List<(int, byte[])>[] _current;
    private List<(int, byte[])>[] _next;
    private readonly Outbox[] _outboxes;

    public RunCoordinator Coordinator { get; }
    /// <summary>The folded reports of the last tick run: after construction, the spin-up's last (null without a spin-up).</summary>
    public ShardReport? LastFolded { get; private set; }
    public int NextTick { get; private set; }

    public LocalEngine(WorldSpec spec, int maxFirmsPerShard = 5_000, int maxPeoplePerShard = 250_000)
    {
        var layout = new Layout(spec, maxFirmsPerShard, maxPeoplePerShard);
        Coordinator = new RunCoordinator(layout);
        _shards = layout.Shards.Select(s => Shard.Create(layout, s)).ToArray();
        _current = _shards.Select(_ => new List<(int, byte[])>()).ToArray();
        _next = _shards.Select(_ => new List<(int, byte[])>()).ToArray();
        _outboxes = _shards.Select(_ => new Outbox(layout)).ToArray();
        NextTick = Coordinator.FirstTick;
        while (NextTick < 0) Step(); // the spin-up: the run then stands at its start, as the run grain's does after Start
    }

    public IReadOnlyList<Shard> Shards => _shards;

    /// <summary>Runs the next tick; returns its metrics in catalogue order (none for a spin-up tick).</summary>
    public double[] Step()
    {
        var tick = NextTick;
        var signals = Coordinator.BeginTick(tick);
        var ctx = new StepContext(tick, signals);
        var folded = Coordinator.Reports.New();
        for (var k = 0; k < _shards.Length; k++)
        {
            var report = Coordinator.Reports.New();
            var inbox = Inbox.Assemble(_current[k]);
            _shards[k].Step(ctx, inbox, _outboxes[k], report);
            foreach (var (dest, payload) in _outboxes[k].Drain()) _next[dest].Add((k, payload));
            folded.Add(report);
        }
        foreach (var list in _current) list.Clear();
        (_current, _next) = (_next, _current);
        LastFolded = folded;
        NextTick++;
        return Coordinator.EndTick(tick, folded);
    }

    /// <summary>Checkpoints the run between two ticks, as the grains do (the coordinator, then every shard with its pending inbox).</summary>
    public (byte[] Run, byte[][] Shards) Save()
    {
        var tick = NextTick - 1;
        var shards = new byte[_shards.Length][];
        for (var k = 0; k < _shards.Length; k++)
            shards[k] = ShardCheckpoint.Write(_shards[k], tick, _current[k].Select(b => new PendingBatch(NextTick, b.Item1, b.Item2)));
        return (RunCheckpoint.Write(Coordinator), shards);
    }

    /// <summary>Restores a checkpoint of the same scenario and sharding into this (fresh) engine.</summary>
    public void Restore((byte[] Run, byte[][] Shards) checkpoint)
    {
        var tick = RunCheckpoint.Read(Coordinator, checkpoint.Run);
        for (var k = 0; k < _shards.Length; k++)
        {
            var (shardTick, pending) = ShardCheckpoint.Read(_shards[k], checkpoint.Shards[k]);
            if (shardTick != tick) throw new CheckpointException($"shard {k} was checkpointed after tick {shardTick}, the run after {tick}");
            _current[k].Clear();
            foreach (var b in pending) _current[k].Add((b.Source, b.Payload));
            _next[k].Clear();
        }
        NextTick = tick + 1;
        LastFolded = null;
    }
}
