using System.Diagnostics;
using Orleans.Placement;
using SupplySim.Grains.Telemetry;
using SupplySim.Model.Engine;
using SupplySim.Model.World;

namespace SupplySim.Grains;

/// <summary>
/// A thin shell around a Model <see cref="Shard"/>: keeps the inbox per tick, runs the shard's step, and
/// delivers its outgoing batches before answering, so that when every Step of tick t has returned, every
/// message for t+1 is in place (architecture.md §2). Shards are placed at random so that a run spreads
/// over every silo of a cluster; placement never changes results (tested at 1, 2 and 3 silos).
/// </summary>
[RandomPlacement]
public abstract class ShardGrain : Grain, IShardGrain
{
    private readonly Dictionary<int, List<(int Source, byte[] Payload)>> _inbox = new();
    private Shard? _shard;
    private Outbox? _outbox;
    private IShardGrain[] _peers = [];
    private string _runId = "";
    private int _lastTick = -1;
    private double[] _lastReport = [];
    private ShardTelemetry? _telemetry;

    public Task Init(ShardInit init)
    {
        var spec = SpecJson.Deserialize(init.SpecJson);
        var layout = new Layout(spec, init.FirmsPerShard, init.PeoplePerShard);
        var info = layout.Shards[init.ShardIndex];
        _runId = init.RunId;
        _shard = Shard.Create(layout, info);
        _outbox = new Outbox(layout);
        _peers = layout.Shards.Select(s => ShardAddress.Get(GrainFactory, _runId, s)).ToArray();
        _inbox.Clear();
        _lastTick = -1;
        _telemetry?.Released();
        _telemetry = new ShardTelemetry(_runId, info);
        return Task.CompletedTask;
    }

    public async Task<double[]> Step(int tick, double[] signals)
    {
        var shard = _shard ?? throw new InvalidOperationException("shard not initialised");
        if (tick == _lastTick) return _lastReport;
        if (tick != _lastTick + 1) throw new InvalidOperationException($"shard {shard.Info.Index} asked for tick {tick} after {_lastTick}");

        using var span = _telemetry!.StartStep(tick);
        var started = Stopwatch.GetTimestamp();
        var batches = _inbox.Remove(tick, out var list) ? list : [];
        var inbox = Inbox.Assemble(batches);
        var report = new double[new Model.Metrics.Raw(shard.Layout).Length];
        shard.Step(new StepContext(tick, new Signals(shard.Layout, signals)), inbox, _outbox!, report);

        var sends = _outbox!.Drain().Select(b => _peers[b.Destination].Deliver(new MessageBatch(tick + 1, shard.Info.Index, b.Payload)));
        await Task.WhenAll(sends);
        _lastTick = tick;
        _lastReport = report;
        _telemetry.Stepped(Stopwatch.GetElapsedTime(started));
        return report;
    }

    public Task Deliver(MessageBatch batch)
    {
        if (!_inbox.TryGetValue(batch.Tick, out var list)) _inbox[batch.Tick] = list = new List<(int, byte[])>();
        list.Add((batch.Source, batch.Payload));
        return Task.CompletedTask;
    }

    public Task Release()
    {
        _shard = null;
        _inbox.Clear();
        _telemetry?.Released();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _telemetry?.Released();
        return Task.CompletedTask;
    }
}

public sealed class PrecursorSupplierShardGrain : ShardGrain, IPrecursorSupplierShardGrain;
public sealed class BrokerShardGrain : ShardGrain, IBrokerShardGrain;
public sealed class CartelLabShardGrain : ShardGrain, ICartelLabShardGrain;
public sealed class MoneyLaundererShardGrain : ShardGrain, IMoneyLaundererShardGrain;
public sealed class EnforcementAgencyShardGrain : ShardGrain, IEnforcementAgencyShardGrain;
public sealed class UserPopulationShardGrain : ShardGrain, IUserPopulationShardGrain;
