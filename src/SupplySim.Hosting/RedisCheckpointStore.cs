using System.Diagnostics;
using StackExchange.Redis;
using SupplySim.Grains;
using SupplySim.Grains.Checkpoints;

namespace SupplySim.Hosting;

/// <summary>
/// Checkpoints of a clustered run in the cluster's Redis server, so they outlive the silo that wrote them:
/// one hash per run, "supplysim/{cluster id}/checkpoints/{run id}", with one field per part. The run deletes
/// its hash when it stops; <see cref="Expiry"/> removes what a run that never stopped (its client died) left.
/// A transient failure (connection lost, timeout, server loading) is retried with a growing pause for up to
/// <see cref="RetryBudget"/>; then the operation fails with a <see cref="CheckpointStoreException"/> naming the
/// server, which Orleans carries to the client (a StackExchange.Redis exception it could not).
/// </summary>
public sealed class RedisCheckpointStore(RedisClusterSettings settings) : ICheckpointStore, IAsyncDisposable
{
    /// <summary>How long a run's checkpoints outlive its last checkpoint when nobody deletes them.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromHours(24);

    /// <summary>How long one operation keeps retrying transient failures before it fails.</summary>
    public static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250), LongestPause = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private Task<ConnectionMultiplexer>? _redis;

    /// <summary>The Redis key of a run's checkpoints.</summary>
    public static string Key(string clusterId, string runId) => $"{SupplySimSilo.ServiceId}/{clusterId}/checkpoints/{runId}";

    /// <summary>
    /// Options of the store's connection: while it is down, commands fail at once (instead of waiting in a backlog for the
    /// 15 s timeout) and are retried here, and it reconnects every half second.
    /// </summary>
    public ConfigurationOptions Options()
    {
        var options = settings.Redis(abortOnConnectFail: false);
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(500);
        return options;
    }

    private Task<ConnectionMultiplexer> Connection()
    {
        lock (_lock)
        {
            if (_redis is null || _redis.IsFaulted || _redis.IsCanceled) _redis = ConnectionMultiplexer.ConnectAsync(Options());
            return _redis;
        }
    }

    public Task SaveAsync(string runId, string part, byte[] data)
        => Retry($"save checkpoint part {part}", async db =>
        {
            var key = Key(settings.ClusterId, runId);
            await db.HashSetAsync(key, part, data);
            await db.KeyExpireAsync(key, Expiry);
            return true;
        });

    public async Task<byte[]?> LoadAsync(string runId, string part)
    {
        var value = await Retry($"load checkpoint part {part}", db => db.HashGetAsync(Key(settings.ClusterId, runId), part));
        return value.IsNull ? null : (byte[]?)value;
    }

    public Task DeleteAsync(string runId, IReadOnlyCollection<string> parts)
        => Retry("delete old checkpoint parts", db => db.HashDeleteAsync(Key(settings.ClusterId, runId), parts.Select(p => (RedisValue)p).ToArray()));

    public Task DeleteRunAsync(string runId) => Retry("delete the run's checkpoints", db => db.KeyDeleteAsync(Key(settings.ClusterId, runId)));

    private async Task<T> Retry<T>(string what, Func<IDatabase, Task<T>> operation)
    {
        var clock = Stopwatch.StartNew();
        var pause = FirstPause;
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await operation((await Connection()).GetDatabase());
            }
            catch (Exception e) when (IsTransient(e) && clock.Elapsed + pause < RetryBudget)
            {
                await Task.Delay(pause);
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }
            catch (Exception e) when (e is RedisException or TimeoutException or System.Net.Sockets.SocketException)
            {
                throw new CheckpointStoreException(
                    $"Redis at {settings.Endpoint} could not {what} ({tries} tries in {clock.Elapsed.TotalSeconds:F1} s): {SerializableExceptions.Describe(e)}");
            }
        }
    }

    /// <summary>Failures that may pass: the connection dropped or is being re-established, a timeout, a server loading its data.</summary>
    public static bool IsTransient(Exception e)
        => e is RedisConnectionException or TimeoutException or System.Net.Sockets.SocketException
           || (e is RedisServerException s && (s.Message.StartsWith("LOADING", StringComparison.Ordinal) || s.Message.StartsWith("BUSY", StringComparison.Ordinal)
                                               || s.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        Task<ConnectionMultiplexer>? redis;
        lock (_lock) redis = _redis;
        if (redis is { IsCompletedSuccessfully: true }) await redis.Result.DisposeAsync();
    }
}
