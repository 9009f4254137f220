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
/// How a client places a run and notices that a silo of its run died, and how it puts the run back on the survivors
/// (docs/cluster.md#recovery). Orleans fails calls to a silo once membership declares it dead, but a call forwarded
/// through a gateway to a silo that died (or through a gateway that died) is answered by nobody, so while a call of the
/// run is outstanding the client also watches the cluster's active silos and gives up on the call when one of the
/// silos noted before it is gone. A cluster with no silo answering for <see cref="NoSiloBudget"/> cannot go on.
/// </summary>
public sealed class RunRecoveryPolicy(IGrainFactory grains) : IDisposable
{
    /// <summary>Rollbacks to the same checkpoint (no progress in between) one run may take before it fails.</summary>
    public const int MaxRecoveries = 3;

    /// <summary>How long one rollback may keep retrying while the cluster notices which silo died.</summary>
    public static readonly TimeSpan RestoreBudget = TimeSpan.FromSeconds(60);

    /// <summary>How long the cluster may list no active silo (or none may answer) before the run fails.</summary>
    public static readonly TimeSpan NoSiloBudget = TimeSpan.FromSeconds(20);

    /// <summary>How long a call may stay unanswered after a silo left before the run is rolled back.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan FirstLook = TimeSpan.FromMilliseconds(500), Look = TimeSpan.FromSeconds(1), AskTimeout = TimeSpan.FromSeconds(3);

    private readonly RunBalancer _balancer = RunBalancer.Of(grains);
    private HashSet<SiloAddress> _silos = [], _active = [];
    private string? _placed;
    private int _epoch;
    private long _lastAnswer = Stopwatch.GetTimestamp();

    /// <summary>How many silos were active when the run was last started or restored.</summary>
    public int SiloCount => _silos.Count;

    /// <summary>Notes the silos alive now (before each start or rollback); losing one of them fails the call outstanding.</summary>
    public async Task<int> NoteSilosAsync()
    {
        Dictionary<SiloAddress, SiloStatus> hosts;
        try
        {
            hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(AskTimeout);
        }
        catch (Exception e)
        {
            // Whatever stops the cluster from listing its silos (a gateway gone, Redis restarting) is retried like a lost silo.
            throw new SiloLostException($"the cluster could not list its silos: {Describe(e)}");
        }
        if (hosts.Count == 0) throw new SiloLostException("the cluster lists no active silo");
        _lastAnswer = Stopwatch.GetTimestamp();
        _silos = hosts.Keys.ToHashSet();
        return _silos.Count;
    }

    /// <summary>Starts the run on the silo the balancer picks; a silo lost meanwhile restarts it from the start elsewhere.</summary>
    public Task<RunInfo> StartAsync(IRunGrain run, RunRequest request, CancellationToken cancellation) => OpenAsync(run, request, -1, start: true, cancellation);

    /// <summary>Runs one tick; throws <see cref="SiloLostException"/> as soon as one of the noted silos is no longer active.</summary>
    public Task<TickResult> TickAsync(IRunGrain run, int tick, CancellationToken cancellation) => WatchAsync(run.Tick(tick), cancellation);

    /// <summary>
    /// Rolls the run back to the checkpoint after <paramref name="tick"/> (-1: its start), retrying while the
    /// cluster still lists the dead silo and places grains on it. Each try is a new epoch, so batches of an
    /// abandoned try are dropped.
    /// </summary>
    public Task<RunInfo> RestoreAsync(IRunGrain run, RunRequest request, int tick, CancellationToken cancellation) => OpenAsync(run, request, tick, start: false, cancellation);

    private async Task<RunInfo> OpenAsync(IRunGrain run, RunRequest request, int tick, bool start, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                await NoteSilosAsync();
                // Read by RunPlacementDirector if this call activates the coordinator (a new run, or its silo died).
                Task<RunInfo> call;
                RequestContext.Set(RunPlacement.LoadKey, _balancer.Loads(_silos));
                try { call = start ? run.Start(request) : run.Restore(request, tick, ++_epoch); }
                finally { RequestContext.Remove(RunPlacement.LoadKey); }
                start = false;
                var info = await WatchAsync(call, cancellation);
                _balancer.Moved(_placed, info.Silo);
                _placed = info.Silo;
                return info;
            }
            catch (Exception e) when (IsStoreFailure(e))
            {
                // The store retried for seconds before giving up (RedisCheckpointStore): Redis is gone, not a silo.
                throw new ClusterLostException($"the run's checkpoints could not be read back to roll it back to tick {tick + 1}: {Describe(e)}");
            }
            catch (Exception e) when (IsSiloLoss(e) && !cancellation.IsCancellationRequested)
            {
                if (Stopwatch.GetElapsedTime(_lastAnswer) >= NoSiloBudget) throw NoSilo(e);
                if (clock.Elapsed >= RestoreBudget)
                    throw new ClusterLostException($"the run could not be {(tick < 0 ? "started" : "restored")} on the remaining silos within {RestoreBudget.TotalSeconds:F0} s: {Describe(e)}");
                await Task.Delay(Look, cancellation);
            }
        }
    }

    /// <summary>
    /// Awaits a call of the run; throws <see cref="SiloLostException"/> when a noted silo left the cluster and the call
    /// is still unanswered <see cref="Grace"/> later. A call answered meanwhile did not need that silo (its run, and the
    /// gateway its answer comes through, live elsewhere): the run goes on and forgets the silo.
    /// </summary>
    private async Task<T> WatchAsync<T>(Task<T> call, CancellationToken cancellation)
    {
        var wait = FirstLook;
        string? lost = null;
        var lostAt = 0L;
        while (true)
        {
            var done = await Task.WhenAny(call, Task.Delay(wait, cancellation));
            if (done == call)
            {
                if (lost is not null) _silos.IntersectWith(_active);
                return await call;
            }
            wait = Look;
            if (!cancellation.IsCancellationRequested)
            {
                if (lost is null && (lost = await LostSiloAsync()) is not null) lostAt = Stopwatch.GetTimestamp();
                if (lost is null || Stopwatch.GetElapsedTime(lostAt) < Grace) continue;
            }
            _ = call.ContinueWith(t => t.Exception, TaskScheduler.Default); // abandoned: observe its failure
            cancellation.ThrowIfCancellationRequested();
            throw new SiloLostException(lost!);
        }
    }

    /// <summary>Why the outstanding call is given up: a noted silo left the cluster, or no silo answered for <see cref="NoSiloBudget"/>; null: keep waiting.</summary>
    private async Task<string?> LostSiloAsync()
    {
        try
        {
            var active = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(AskTimeout);
            if (active.Count > 0) _lastAnswer = Stopwatch.GetTimestamp();
            _active = active.Keys.ToHashSet();
            return _silos.FirstOrDefault(s => !_active.Contains(s)) is { } gone ? $"silo {gone} left the cluster" : null;
        }
        catch (Exception)
        {
            // The gateway asked may be the dead silo, or Redis is restarting; the call itself or the next look will tell, unless none answers.
            return Stopwatch.GetElapsedTime(_lastAnswer) >= NoSiloBudget ? $"no silo answered for {NoSiloBudget.TotalSeconds:F0} s" : null;
        }
    }

    private static ClusterLostException NoSilo(Exception e)
        => new($"no silo of the cluster has answered for {NoSiloBudget.TotalSeconds:F0} s (are its silos running?): {Describe(e)}");

    /// <summary>Frees the run's place in the balancer.</summary>
    public void Dispose()
    {
        _balancer.Moved(_placed, null);
        _placed = null;
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
