using Orleans.Concurrency;

namespace SupplySim.Grains;

/// <summary>The run coordinator (docs/architecture.md#the-tick): applies interventions, runs the barrier, folds reports.</summary>
[Alias("SupplySim.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    [Alias("Start")] Task<RunInfo> Start(RunRequest request);

    /// <summary>
    /// Rolls the run back to the checkpoint taken after <paramref name="tick"/> (-1: to the start) on whatever
    /// silos are alive, as rollback number <paramref name="epoch"/>; the next call is Tick(tick + 1).
    /// </summary>
    [Alias("Restore")] Task<RunInfo> Restore(RunRequest request, int tick, int epoch);
    [Alias("Tick")] Task<TickResult> Tick(int tick);
    [Alias("Stop")] Task Stop();
}

/// <summary>A shard of agents of one kind; one grain interface per kind derives from it.</summary>
[Alias("SupplySim.IShardGrain")]
public interface IShardGrain : IGrainWithStringKey
{
    [Alias("Init")] Task Init(ShardInit init);

    /// <summary>Runs tick t and returns the shard's report; repeated calls for the same tick return the same report.</summary>
    [Alias("Step")] Task<ShardReportPayload> Step(int tick, TickSignalsPayload signals);

    /// <summary>Queues a batch for its tick; runs interleaved with a Step in progress and touches nothing else.</summary>
    [AlwaysInterleave, Alias("Deliver")] Task Deliver(MessageBatch batch);

    /// <summary>Saves the shard's checkpoint after tick t (its last step) to the checkpoint store; returns its size in bytes.</summary>
    [Alias("Checkpoint")] Task<long> Checkpoint(int tick);

    [Alias("Release")] Task Release();
}

[Alias("SupplySim.IPrecursorSupplierShardGrain")] public interface IPrecursorSupplierShardGrain : IShardGrain;
[Alias("SupplySim.IBrokerShardGrain")] public interface IBrokerShardGrain : IShardGrain;
[Alias("SupplySim.ICartelLabShardGrain")] public interface ICartelLabShardGrain : IShardGrain;
[Alias("SupplySim.IMoneyLaundererShardGrain")] public interface IMoneyLaundererShardGrain : IShardGrain;
[Alias("SupplySim.IEnforcementAgencyShardGrain")] public interface IEnforcementAgencyShardGrain : IShardGrain;
[Alias("SupplySim.IUserPopulationShardGrain")] public interface IUserPopulationShardGrain : IShardGrain;
