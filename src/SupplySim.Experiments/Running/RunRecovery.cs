using System.Diagnostics;
using Orleans.Runtime;
using SupplySim.Grains;
using SupplySim.Grains.Checkpoints;

namespace SupplySim.Experiments.Running;

/// <summary>
/// One rollback of a run: the tick whose call failed, the checkpoint it went back to (-1: the start), how long it
/// took, and why; <see cref="SiloLost"/> is false when the checkpoint store (Redis) failed instead of a silo.
/// </summary>
public sealed record RunRecovery(int FailedAtTick, int RestoredTick, TimeSpan Took, string Cause, bool SiloLost = true);

/// <summary>The run lost more silos than it may recover from, or no silo could take it over: one line, exit code 2.</summary>
public sealed class ClusterLostException(string message) : Exception(message);

/// <summary>
/// How a client notices that a silo of its run died, and how it puts the run back on the survivors
/// (docs/cluster.md). Orleans fails calls to a silo once membership declares it dead, but a call
/// forwarded through a gateway to a silo that died is answered by nobody, so while a tick is outstanding the
/// client also watches the cluster's active silos and gives up on the call when one of the run's silos is gone.
/// </summary>
public sealed class RunRecoveryPolicy(IGrainFactory grains)
{
    /// <summary>Rollbacks one run may take before it fails.</summary>
    public const int MaxRecoveries = 3;

    /// <summary>How long one rollback may keep retrying while the cluster notices which silo died.</summary>
    public static readonly TimeSpan RestoreBudget = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan FirstLook = TimeSpan.FromMilliseconds(500), Look = TimeSpan.FromSeconds(1), AskTimeout = TimeSpan.FromSeconds(3);

    private HashSet<SiloAddress> _silos = [];

    /// <summary>Notes the silos alive now (at the start, and after each rollback); losing one of them fails the current tick.</summary>
    public async Task<int> NoteSilosAsync()
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        _silos = hosts.Keys.ToHashSet();
        return _silos.Count;
    }

    /// <summary>Runs one tick; throws <see cref="SiloLostException"/> as soon as one of the noted silos is no longer active.</summary>
    public async Task<TickResult> TickAsync(IRunGrain run, int tick, CancellationToken cancellation)
    {
        var call = run.Tick(tick);
        var wait = FirstLook;
        while (true)
        {
            var done = await Task.WhenAny(call, Task.Delay(wait, cancellation));
            if (done == call) return await call;
            cancellation.ThrowIfCancellationRequested();
            if (await LostSiloAsync() is { } lost)
            {
                _ = call.ContinueWith(t => t.Exception, TaskScheduler.Default); // abandoned: observe its failure
                throw new SiloLostException($"silo {lost} left the cluster");
            }
            wait = Look;
        }
    }

    private async Task<SiloAddress?> LostSiloAsync()
    {
        try
        {
            var active = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(AskTimeout);
            return _silos.FirstOrDefault(s => !active.ContainsKey(s));
        }
        catch (Exception e) when (IsSiloLoss(e))
        {
            return null; // the gateway asked may be the dead silo; the tick's own call or the next look will tell
        }
    }

    /// <summary>
    /// Rolls the run back to the checkpoint after <paramref name="tick"/> (-1: its start), retrying while the
    /// cluster still lists the dead silo and places grains on it. Each try is a new epoch, so batches of an
    /// abandoned try are dropped.
    /// </summary>
    public async Task<RunInfo> RestoreAsync(IRunGrain run, RunRequest request, int tick, Func<int> nextEpoch, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                var info = await run.Restore(request, tick, nextEpoch()).WaitAsync(RestoreBudget, cancellation);
                await NoteSilosAsync();
                return info;
            }
            catch (Exception e) when (IsStoreFailure(e))
            {
                // The store retried for seconds before giving up (RedisCheckpointStore): Redis is gone, not a silo.
                throw new ClusterLostException($"the run's checkpoints could not be read back to roll it back to tick {tick + 1}: {Describe(e)}");
            }
            catch (Exception e) when (IsSiloLoss(e) && clock.Elapsed < RestoreBudget)
            {
                await Task.Delay(Look, cancellation);
            }
            catch (Exception e) when (IsSiloLoss(e))
            {
                throw new ClusterLostException($"the run could not be restored on the remaining silos within {RestoreBudget.TotalSeconds:F0} s: {Describe(e)}");
            }
        }
    }

    /// <summary>
    /// Whether a grain call failed in a way a rollback to the last checkpoint cures: a silo died (or a grain lost its
    /// state with it), or the checkpoint store failed (<see cref="IsStoreFailure"/>); not a bug.
    /// </summary>
    public static bool IsRecoverable(Exception e) => IsSiloLoss(e) || IsStoreFailure(e);

    /// <summary>Whether a grain call failed because the checkpoint store (Redis) failed after its retries.</summary>
    public static bool IsStoreFailure(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is AggregateException { InnerExceptions.Count: > 0 } a && a.InnerExceptions.Any(IsStoreFailure)) return true;
            if (x is CheckpointStoreException) return true;
        }
        return false;
    }

    /// <summary>Whether a grain call failed because a silo died (or a grain lost its state with it), not because of a bug.</summary>
    public static bool IsSiloLoss(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is AggregateException { InnerExceptions.Count: > 0 } a && a.InnerExceptions.Any(IsSiloLoss)) return true;
            if (x is SiloLostException or SiloUnavailableException or OrleansMessageRejectionException or RunStateLostException
                or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException or System.Net.Sockets.SocketException
                or Microsoft.AspNetCore.Connections.ConnectionAbortedException or Microsoft.AspNetCore.Connections.ConnectionResetException)
                return true;
        }
        return false;
    }

    /// <summary>The exception's type and first line, for the console and the manifest.</summary>
    public static string Describe(Exception e) => $"{e.GetType().Name}: {SerializableExceptions.FirstLine(e.Message)}";
}

/// <summary>The client saw one of the run's silos leave the cluster while a tick was outstanding.</summary>
public sealed class SiloLostException(string message) : Exception(message);
