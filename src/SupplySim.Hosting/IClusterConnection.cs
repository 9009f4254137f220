using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using SupplySim.Grains;
using SupplySim.Grains.Checkpoints;

namespace SupplySim.Hosting;

/// <summary>
/// Where an experiment's grains live: the <see cref="EmbeddedSilo"/> in this process, or a Redis cluster of
/// `supplysim silo` processes reached as a client (<see cref="RedisClusterClient"/>). Disposing disconnects.
/// </summary>
public interface IClusterConnection : IAsyncDisposable
{
    /// <summary>The grain factory runs are started on.</summary>
    IGrainFactory Grains { get; }
}

/// <summary>Silo configuration every SupplySim silo shares, whatever its clustering.</summary>
public static class SupplySimSilo
{
    /// <summary>The Orleans service id of every SupplySim cluster.</summary>
    public const string ServiceId = "supplysim";

    /// <summary>
    /// Registers what SupplySim's grains need on every silo: the placement directors of <see cref="RunPlacement"/> (RunGrain)
    /// and <see cref="ShardPlacement"/> (shards), when runs are split (<paramref name="splitting"/>, default
    /// <see cref="RunSplitting.Default"/>), and the process's checkpoint store in memory unless one was registered before (a clustered silo keeps
    /// its checkpoints in Redis: <see cref="RedisCheckpointStore"/>), and <see cref="SerializableExceptionFilter"/>, so that an
    /// exception Orleans has no codec for never leaves a grain.
    /// </summary>
    public static ISiloBuilder AddSupplySimGrains(this ISiloBuilder silo, RunSplitting? splitting = null)
    {
        silo.Services.TryAddSingleton<ICheckpointStore>(InMemoryCheckpointStore.Process);
        silo.Services.AddSingleton(splitting ?? RunSplitting.Default);
        silo.AddIncomingGrainCallFilter<SerializableExceptionFilter>();
        silo.AddPlacementDirector<ShardPlacement, ShardPlacementDirector>();
        return silo.AddPlacementDirector<RunPlacement, RunPlacementDirector>();
    }

    /// <summary>
    /// Membership settings of a clustered silo (docs/cluster.md#failure-detection-and-timeouts). A silo killed mid-run
    /// is declared dead within about 3 seconds (a probe a second, three missed; two votes, or one while the cluster has
    /// two silos), so the runs it hosted roll back quickly. Every silo writes "I am alive" to the table every 2 s, so one
    /// that missed two such writes (4 s) is stale: its vote is not waited for, and a survivor of two silos killed at
    /// once can declare both dead alone, and a joining silo does not wait for it. Stale members of a dead cluster are
    /// probed for at most 60 s when joining (the default is 5 minutes).
    /// </summary>
    public static void FailureDetection(Orleans.Configuration.ClusterMembershipOptions o)
    {
        o.MaxJoinAttemptTime = TimeSpan.FromSeconds(60);
        o.ProbeTimeout = TimeSpan.FromSeconds(1);
        o.NumMissedProbesLimit = 3;
        o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
        o.NumMissedTableIAmAliveLimit = 2;
    }
}
