using StackExchange.Redis;
using SupplySim.Grains.Checkpoints;

namespace SupplySim.Cli.Hosting;

/// <summary>
/// Checkpoints of a clustered run in the cluster's Redis server, so they outlive the silo that wrote them:
/// one hash per run, "supplysim/{cluster id}/checkpoints/{run id}", with one field per part. The run deletes
/// its hash when it stops; <see cref="Expiry"/> removes what a run that never stopped (its client died) left.
/// </summary>
public sealed class RedisCheckpointStore(RedisClusterSettings settings) : ICheckpointStore, IAsyncDisposable
{
    /// <summary>How long a run's checkpoints outlive its last checkpoint when nobody deletes them.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromHours(24);

    private readonly Lazy<Task<ConnectionMultiplexer>> _redis = new(() => ConnectionMultiplexer.ConnectAsync(settings.Redis(abortOnConnectFail: false)));

    /// <summary>The Redis key of a run's checkpoints.</summary>
    public static string Key(string clusterId, string runId) => $"{SupplySimSilo.ServiceId}/{clusterId}/checkpoints/{runId}";

    private async Task<IDatabase> Db() => (await _redis.Value).GetDatabase();

    public async Task SaveAsync(string runId, string part, byte[] data)
    {
        var db = await Db();
        var key = Key(settings.ClusterId, runId);
        await db.HashSetAsync(key, part, data);
        await db.KeyExpireAsync(key, Expiry);
    }

    public async Task<byte[]?> LoadAsync(string runId, string part)
    {
        var value = await (await Db()).HashGetAsync(Key(settings.ClusterId, runId), part);
        return value.IsNull ? null : (byte[]?)value;
    }

    public async Task DeleteAsync(string runId, IReadOnlyCollection<string> parts)
        => await (await Db()).HashDeleteAsync(Key(settings.ClusterId, runId), parts.Select(p => (RedisValue)p).ToArray());

    public async Task DeleteRunAsync(string runId) => await (await Db()).KeyDeleteAsync(Key(settings.ClusterId, runId));

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated) await (await _redis.Value).DisposeAsync();
    }
}
