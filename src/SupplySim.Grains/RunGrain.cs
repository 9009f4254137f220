using System.Diagnostics;
using SupplySim.Grains.Telemetry;
using SupplySim.Model.Engine;
using SupplySim.Model.World;

namespace SupplySim.Grains;

/// <summary>
/// Coordinates one run: initialises every shard, and for each tick applies the interventions due,
/// awaits every shard's Step (the barrier), and folds the reports in shard-index order.
/// </summary>
[RoundRobinPlacement]
public sealed class RunGrain : Grain, IRunGrain
{
    private RunCoordinator? _coordinator;
    private IShardGrain[] _shards = [];
    private RunTelemetry? _telemetry;

    public async Task<RunInfo> Start(RunRequest request)
    {
        var spec = SpecJson.Deserialize(request.SpecJson);
        var layout = new Layout(spec, request.FirmsPerShard, request.PeoplePerShard);
        _coordinator = new RunCoordinator(layout);
        var runId = this.GetPrimaryKeyString();
        _shards = layout.Shards.Select(s => ShardAddress.Get(GrainFactory, runId, s)).ToArray();
        await Task.WhenAll(layout.Shards.Select((s, i) =>
            _shards[i].Init(new ShardInit(runId, request.SpecJson, s.Index, request.FirmsPerShard, request.PeoplePerShard))));
        var catalog = _coordinator.Metrics.Catalog;
        var info = new RunInfo(layout.Shards.Length, spec.Ticks, catalog.Select(k => k.Metric).ToArray(),
            catalog.Select(k => k.Dimension).ToArray(), layout.TotalAgents, RuntimeIdentity);
        _telemetry?.Stopped();
        _telemetry = new RunTelemetry(runId, spec, request.Replicate, info.Shards, info.Metrics, info.Dimensions);
        return info;
    }

    public async Task<TickResult> Tick(int tick)
    {
        var coordinator = _coordinator ?? throw new InvalidOperationException("run not started");
        using var span = _telemetry!.StartTick(tick);
        var started = Stopwatch.GetTimestamp();
        var applied = coordinator.DueAt(tick).Select(i => i.Label).ToArray();
        var signals = coordinator.BeginTick(tick);
        var reports = await Task.WhenAll(_shards.Select(s => s.Step(tick, signals.Values)));
        var folded = coordinator.Raw.New();
        foreach (var report in reports) RunCoordinator.Fold(folded, report);
        var values = coordinator.EndTick(tick, folded);
        _telemetry.TickCompleted(values, Stopwatch.GetElapsedTime(started));
        return new TickResult(tick, values, applied);
    }

    public async Task Stop()
    {
        await Task.WhenAll(_shards.Select(s => s.Release()));
        _coordinator = null;
        _telemetry?.Stopped();
        DeactivateOnIdle();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _telemetry?.Stopped();
        return Task.CompletedTask;
    }
}
