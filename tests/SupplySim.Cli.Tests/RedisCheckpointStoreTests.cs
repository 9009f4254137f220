using System.Diagnostics;
using SupplySim.Grains.Checkpoints;
using SupplySim.Hosting;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// The checkpoint store against a real redis-server that stops: a save that meets a Redis restarted within its retry
/// budget succeeds; a Redis that stays down fails the save with one CheckpointStoreException (which Orleans can carry
/// to the client) naming the server, within the budget.
/// </summary>
[Collection(ClusterCollection.Name)]
public class RedisCheckpointStoreTests
{
    [Fact]
    public async Task Should_Retry_Through_A_Redis_Restart_And_Fail_In_One_Clear_Exception_When_Redis_Stays_Down()
    {
        var redis = await RedisServer.StartAsync();
        var port = redis.Port;
        var settings = new RedisClusterSettings("127.0.0.1", port, $"test-{Guid.NewGuid():N}", null, false);
        await using var store = new RedisCheckpointStore(settings);
        try
        {
            await store.SaveAsync("run", "5/run", [1, 2, 3]);
            Assert.Equal(new byte[] { 1, 2, 3 }, await store.LoadAsync("run", "5/run"));

            // Redis goes away; the save waits and retries, and Redis is back 1.5 s later (empty: no persistence).
            await redis.DisposeAsync();
            var save = store.SaveAsync("run", "11/run", [4, 5]);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            redis = await RedisServer.StartAsync(onPort: port);
            await save.WaitAsync(RedisCheckpointStore.RetryBudget + TimeSpan.FromSeconds(5));
            Assert.Equal(new byte[] { 4, 5 }, await store.LoadAsync("run", "11/run"));

            // Redis goes away for good: one exception, within the retry budget (plus a connect timeout under load).
            await redis.DisposeAsync();
            var clock = Stopwatch.StartNew();
            var failure = await Assert.ThrowsAsync<CheckpointStoreException>(() => store.SaveAsync("run", "17/run", [6]));
            Assert.True(clock.Elapsed < RedisCheckpointStore.RetryBudget + TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:F1} s");
            Assert.StartsWith($"Redis at 127.0.0.1:{port} could not save checkpoint part 17/run (", failure.Message);
            Assert.Null(failure.InnerException);
            Assert.DoesNotContain('\n', failure.Message);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }
}
