using System.Diagnostics;
using SupplySim.Grains.Checkpoints;
using SupplySim.Grains.Telemetry;
using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.World;

namespace SupplySim.Grains;

/// <summary>
/// A thin shell around a Model <see cref="Shard"/>: keeps the inbox per tick, runs the shard's step, and
/// delivers its outgoing batches before answering, so that when every Step of tick t has returned, every
/// message for t+1 is in place (docs/architecture.md#the-tick). Shards are placed with their run's coordinator, or by
/// part when the run is split over silos (<see cref="ShardPlacement"/>); placement never changes results (tested at
/// 1, 2 and 3 silos, split and whole). It saves
/// its state, pending batches included, when the run checkpoints, and is initialised from such a checkpoint
/// when the run rolls back; batches of an earlier epoch (sent before the rollback) are dropped.
/// </summary>
[ShardPlacement]
public abstract class ShardGrain(ICheckpointStore store) : Grain, IShardGrain
{
    private readonly ICheckpointStore _store = new GuardedCheckpointStore(store); // its failures reach the caller as CheckpointStoreException
    private readonly Dictionary<int, List<(int Source, byte[] Payload)>> _inbox = new();
    private Shard? _shard;
    private Outbox? _outbox;
    private IShardGrain[] _peers = [];
    private string _runId = "";
    private int _lastTick = -1;
    private int _epoch;
    private ShardReportPayload? _lastReport;
    private ShardTelemetry? _telemetry;

    public async Task Init(ShardInit init)
    {
        var spec = SpecJson.Deserialize(init.SpecJson);
        var layout = new Layout(spec, init.FirmsPerShard, init.PeoplePerShard);
        var info = layout.Shards[init.ShardIndex];
        _runId = init.RunId;
        _shard = Shard.Create(layout, info);
        _outbox = new Outbox(layout);
        _peers = layout.Shards.Select(s => ShardAddress.Get(GrainFactory, _runId, s)).ToArray();
        _inbox.Clear();
        _lastTick = spec.FirstTick - 1; // a fresh shard's first tick is the spin-up's first
        _epoch = init.Epoch;
        if (init.RestoreTick >= 0)
        {
            var bytes = await _store.LoadAsync(_runId, CheckpointParts.Shard(init.RestoreTick, info.Index))
                ?? throw new CheckpointException($"run {_runId} has no checkpoint of shard {info.Index} after tick {init.RestoreTick}");
            var (tick, pending) = ShardCheckpoint.Read(_shard, bytes);
            foreach (var b in pending) Queue(b.Tick, b.Source, b.Payload);
            _lastTick = tick;
        }
        _telemetry?.Released();
        _telemetry = new ShardTelemetry(_runId, info);
    }

    public async Task<ShardReportPayload> Step(int tick, TickSignalsPayload signals)
    {
        var shard = _shard ?? throw new RunStateLostException("shard not initialised (its silo was lost)");
        if (tick == _lastTick) return _lastReport!;
        if (tick != _lastTick + 1) throw new InvalidOperationException($"shard {shard.Info.Index} asked for tick {tick} after {_lastTick}");

        // A spin-up tick is not reported: no span and no step metrics (docs/model.md#spin-up).
        var reported = tick >= 0;
        using var span = reported ? _telemetry!.StartStep(tick) : null;
        var started = Stopwatch.GetTimestamp();
        var batches = _inbox.Remove(tick, out var list) ? list : [];
        var inbox = Inbox.Assemble(batches);
        var report = shard.Layout.Reports.New();
        shard.Step(new StepContext(tick, signals.In(shard.Layout.Signals)), inbox, _outbox!, report);

        var sends = _outbox!.Drain().Select(b => _peers[b.Destination].Deliver(new MessageBatch(tick + 1, shard.Info.Index, b.Payload, _epoch)));
        await Task.WhenAll(sends);
        _lastTick = tick;
        _lastReport = ShardReportPayload.Of(report);
        if (reported) _telemetry!.Stepped(Stopwatch.GetElapsedTime(started));
        return _lastReport;
    }

    public Task Deliver(MessageBatch batch)
    {
        if (batch.Epoch == _epoch) Queue(batch.Tick, batch.Source, batch.Payload);
        return Task.CompletedTask;
    }

    private void Queue(int tick, int source, byte[] payload)
    {
        if (!_inbox.TryGetValue(tick, out var list)) _inbox[tick] = list = new List<(int, byte[])>();
        list.Add((source, payload));
    }

    public async Task<long> Checkpoint(int tick)
    {
        var shard = _shard ?? throw new RunStateLostException("shard not initialised (its silo was lost)");
        if (tick != _lastTick) throw new InvalidOperationException($"shard {shard.Info.Index} asked to checkpoint after tick {tick} but its last tick is {_lastTick}");
        var pending = _inbox.Where(e => e.Key > tick).SelectMany(e => e.Value.Select(b => new PendingBatch(e.Key, b.Source, b.Payload)));
        var bytes = ShardCheckpoint.Write(shard, tick, pending);
        await _store.SaveAsync(_runId, CheckpointParts.Shard(tick, shard.Info.Index), bytes);
        return bytes.Length;
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

public sealed class PrecursorSupplierShardGrain(ICheckpointStore store) : ShardGrain(store), IPrecursorSupplierShardGrain;
public sealed class BrokerShardGrain(ICheckpointStore store) : ShardGrain(store), IBrokerShardGrain;
public sealed class CartelLabShardGrain(ICheckpointStore store) : ShardGrain(store), ICartelLabShardGrain;
public sealed class MoneyLaundererShardGrain(ICheckpointStore store) : ShardGrain(store), IMoneyLaundererShardGrain;
public sealed class EnforcementAgencyShardGrain(ICheckpointStore store) : ShardGrain(store), IEnforcementAgencyShardGrain;
public sealed class UserPopulationShardGrain(ICheckpointStore store) : ShardGrain(store), IUserPopulationShardGrain;
