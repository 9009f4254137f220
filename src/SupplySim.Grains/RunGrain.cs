using System.Diagnostics;
using Orleans.Runtime;
using SupplySim.Grains.Checkpoints;
using SupplySim.Grains.Telemetry;
using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.World;

namespace SupplySim.Grains;

/// <summary>
/// Coordinates one run: initialises every shard, and for each tick applies the interventions due,
/// awaits every shard's Step (the barrier), and folds the reports in shard-index order. Every
/// <see cref="RunRequest.CheckpointEvery"/> ticks, after the barrier, it has every shard save its state and
/// saves its own (<see cref="ICheckpointStore"/>); <see cref="Restore"/> rolls the run back to such a checkpoint.
/// Its shards live on its silo unless the run is too big for one (<see cref="RunSplitting"/>, <see cref="ShardPlacement"/>).
/// </summary>
[RunPlacement]
public sealed class RunGrain(ICheckpointStore store, RunSplitting splitting) : Grain, IRunGrain
{
    private readonly ICheckpointStore _store = new GuardedCheckpointStore(store); // its failures reach the client as CheckpointStoreException
    private RunCoordinator? _coordinator;
    private RunRequest? _request;
    private IShardGrain[] _shards = [];
    private RunTelemetry? _telemetry;
    private readonly Queue<int> _checkpoints = new(); // ticks of the checkpoints kept (the last two)

    private string RunId => this.GetPrimaryKeyString();

    public Task<RunInfo> Start(RunRequest request) => Open(request, -1, 0);

    public Task<RunInfo> Restore(RunRequest request, int tick, int epoch) => Open(request, tick, epoch);

    private async Task<RunInfo> Open(RunRequest request, int tick, int epoch)
    {
        var spec = SpecJson.Deserialize(request.SpecJson);
        var layout = new Layout(spec, request.FirmsPerShard, request.PeoplePerShard);
        var coordinator = new RunCoordinator(layout);
        _checkpoints.Clear();
        if (tick >= 0)
        {
            var bytes = await _store.LoadAsync(RunId, CheckpointParts.Run(tick))
                ?? throw new CheckpointException($"run {RunId} has no checkpoint after tick {tick}");
            RunCheckpoint.Read(coordinator, bytes);
            _checkpoints.Enqueue(tick);
        }
        _coordinator = coordinator;
        _request = request;
        _shards = layout.Shards.Select(s => ShardAddress.Get(GrainFactory, RunId, s)).ToArray();
        var parts = RunSplitting.Assign(layout, await PartsAsync(layout.TotalAgents));
        var inits = new List<Task>(_shards.Length);
        foreach (var s in layout.Shards)
        {
            // Read by ShardPlacementDirector when this Init activates the shard; a shard already active stays where it is.
            RequestContext.Set(ShardPlacement.PartKey, parts[s.Index]);
            inits.Add(_shards[s.Index].Init(new ShardInit(RunId, request.SpecJson, s.Index, request.FirmsPerShard, request.PeoplePerShard, epoch, tick)));
        }
        RequestContext.Remove(ShardPlacement.PartKey);
        await Task.WhenAll(inits);
        // A fresh run spins up before its start (docs/model.md#spin-up); a restored one is past it.
        while (coordinator.NextTick < 0) await Barrier(coordinator, coordinator.NextTick);
        var catalog = coordinator.Metrics.Catalog;
        var info = new RunInfo(layout.Shards.Length, spec.Ticks, catalog.Select(k => k.Metric).ToArray(),
            catalog.Select(k => k.Dimension).ToArray(), layout.TotalAgents, RuntimeIdentity);
        _telemetry?.Stopped();
        _telemetry = new RunTelemetry(RunId, spec, request.Replicate, info.Shards, info.Metrics, info.Dimensions);
        return info;
    }

    /// <summary>How many silos the run is split over: one unless it has more agents than <see cref="RunSplitting.AgentsPerSilo"/>.</summary>
    private async Task<int> PartsAsync(long agents)
    {
        if (splitting.Parts(agents, int.MaxValue) == 1) return 1;
        var silos = await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return splitting.Parts(agents, silos.Count);
    }

    public async Task<TickResult> Tick(int tick)
    {
        var coordinator = _coordinator ?? throw new RunStateLostException("run not started (its coordinator's silo was lost)");
        using var span = _telemetry!.StartTick(tick);
        var started = Stopwatch.GetTimestamp();
        var applied = coordinator.DueAt(tick).Select(i => i.Label).ToArray();
        var values = await Barrier(coordinator, tick);
        _telemetry.TickCompleted(values, Stopwatch.GetElapsedTime(started));

        // What people saw of their markets goes back only when asked: the source of a "market held" run (HeldMarket).
        var seen = _request!.CaptureMarket ? coordinator.MarketSeen() : null;
        var every = _request.CheckpointEvery;
        if (every <= 0 || (tick + 1) % every != 0 || tick + 1 >= coordinator.Spec.Ticks) return new TickResult(tick, values, applied, MarketSeen: seen);
        var (bytes, seconds) = await Checkpoint(coordinator, tick);
        return new TickResult(tick, values, applied, bytes, seconds, seen);
    }

    /// <summary>One tick on every shard: the signals out, every Step awaited (the barrier), the reports folded in shard order.</summary>
    private async Task<double[]> Barrier(RunCoordinator coordinator, int tick)
    {
        var payload = TickSignalsPayload.Of(coordinator.BeginTick(tick));
        var reports = await Task.WhenAll(_shards.Select(s => s.Step(tick, payload)));
        var folded = coordinator.Reports.New();
        foreach (var report in reports) folded.Add(report.In(coordinator.Reports));
        return coordinator.EndTick(tick, folded);
    }

    /// <summary>
    /// Saves the checkpoint after the barrier of <paramref name="tick"/> (every inbox of tick+1 is complete).
    /// Keeps the previous checkpoint too: the client may not have seen this one yet when a silo dies.
    /// </summary>
    private async Task<(long Bytes, double Seconds)> Checkpoint(RunCoordinator coordinator, int tick)
    {
        var started = Stopwatch.GetTimestamp();
        var sizes = await Task.WhenAll(_shards.Select(s => s.Checkpoint(tick)));
        var run = RunCheckpoint.Write(coordinator);
        await _store.SaveAsync(RunId, CheckpointParts.Run(tick), run);
        _checkpoints.Enqueue(tick);
        if (_checkpoints.Count > 2) await _store.DeleteAsync(RunId, CheckpointParts.All(_checkpoints.Dequeue(), _shards.Length));
        return (sizes.Sum() + run.Length, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    public async Task Stop()
    {
        try
        {
            await Task.WhenAll(_shards.Select(s => s.Release()));
        }
        finally
        {
            await _store.DeleteRunAsync(RunId);
            _coordinator = null;
            _telemetry?.Stopped();
            DeactivateOnIdle();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _telemetry?.Stopped();
        return Task.CompletedTask;
    }
}

/// <summary>A run's coordinator or shard lost its state (its silo died and it was activated afresh elsewhere); the run must be restored.</summary>
[GenerateSerializer, Alias("SupplySim.RunStateLostException")]
public sealed class RunStateLostException : Exception
{
    public RunStateLostException() { }

    public RunStateLostException(string message) : base(message) { }

    public RunStateLostException(string message, Exception inner) : base(message, inner) { }
}
