using System.Diagnostics;
using System.Text.Json;
using StackExchange.Redis;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// Issue 5: a run survives the loss of a silo (kill -9 mid-run) with byte-identical results, recorded in the
/// console and the manifest; and the cluster's Redis may require a password.
/// </summary>
[Collection(ClusterCollection.Name)]
public class ClusterRecoveryTests
{
    private static string FreshClusterId() => $"test-{Guid.NewGuid():N}";

    [Fact]
    public async Task Should_Give_Identical_Metrics_When_A_Silo_Is_Killed_Mid_Run()
    {
        var embedded = Repo.TempDir("recovery-embedded");
        var clustered = Repo.TempDir("recovery-killed");
        await using var redis = await RedisServer.StartAsync();
        var id = FreshClusterId();
        try
        {
            // Embedded with the default checkpoints (every 12 ticks); the cluster every 6: neither changes results.
            var local = await CliProcess.Run("run", "scenarios/baseline.yaml", "--out", embedded);
            Assert.True(local.ExitCode == 0, local.StdErr + local.StdOut);

            // The baseline (about 2.6 million agents) is split over both silos, so whichever dies held part of the run.
            string[] split = ["--split-above", "500000"];
            var silos = await Task.WhenAll(SiloProcess.StartAsync(redis.Endpoint, id, split), SiloProcess.StartAsync(redis.Endpoint, id, split));
            await using var survivor = silos[0];
            var victim = silos[1];
            var killedAt = TimeSpan.Zero;
            var clock = Stopwatch.StartNew();
            // Kill one once the second simulated year is done.
            var run = await CliProcess.Run(async line =>
            {
                if (killedAt == TimeSpan.Zero && line.Contains("tick 24/156", StringComparison.Ordinal))
                {
                    killedAt = clock.Elapsed;
                    await victim.DisposeAsync(); // SIGKILL: no goodbye to the cluster
                }
            }, "run", "scenarios/baseline.yaml", "--out", clustered, "--redis", redis.Endpoint, "--cluster-id", id, "--checkpoint-every", "6");
            Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
            Assert.True(killedAt > TimeSpan.Zero, "the run never reached tick 24: " + run.StdOut);

            var recovered = run.StdOut.Split('\n').Where(l => l.StartsWith("recovered: a silo was lost at tick", StringComparison.Ordinal)).ToArray();
            Assert.True(recovered.Length == 1, run.StdOut);
            Assert.Contains("rolled back to the checkpoint after tick", recovered[0]);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(embedded, "metrics.csv")), await File.ReadAllBytesAsync(Path.Combine(clustered, "metrics.csv")));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(embedded, "summary.json")), await File.ReadAllBytesAsync(Path.Combine(clustered, "summary.json")));

            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(clustered, "runs", "00-baseline", "r000", "manifest.json")));
            var m = manifest.RootElement;
            Assert.True(m.GetProperty("completed").GetBoolean());
            Assert.Equal(1, m.GetProperty("recovery_count").GetInt32());
            var recovery = m.GetProperty("recoveries")[0];
            var failedAt = recovery.GetProperty("failed_at_tick").GetInt32();
            var restored = recovery.GetProperty("restored_tick").GetInt32();
            Assert.InRange(failedAt, 24, 155);
            Assert.Equal(5, restored % 6); // checkpoints are taken after ticks 5, 11, 17, ... (every 6)
            Assert.InRange(failedAt - restored, 1, 12); // the last checkpoint or the one before it
            Assert.True(recovery.GetProperty("seconds").GetDouble() < 30, recovery.ToString());
            Assert.Equal(6, m.GetProperty("checkpoints").GetProperty("every").GetInt32());
            Assert.True(m.GetProperty("checkpoints").GetProperty("last_bytes").GetInt64() > 1_000_000);

            // The run deleted its checkpoints from Redis when it stopped.
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
            Assert.Empty(connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: $"supplysim/{id}/checkpoints/*"));
        }
        finally
        {
            foreach (var d in new[] { embedded, clustered }) Directory.Delete(d, recursive: true);
        }
    }

    [Fact]
    public async Task Should_Accept_A_Redis_Password_And_Reject_A_Wrong_One_In_One_Line()
    {
        const string password = "s3cret-for-tests";
        var dir = Repo.TempDir("cluster-password");
        await using var redis = await RedisServer.StartAsync(password);
        var id = FreshClusterId();
        try
        {
            await using (var silo = await SiloProcess.StartAsync(redis.Endpoint, id, "--redis-password", password))
            {
                var ok = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--out", dir, "--redis", redis.Endpoint, "--cluster-id", id, "--redis-password", password);
                Assert.True(ok.ExitCode == 0, ok.StdErr + ok.StdOut);
                Assert.Contains("on 1 silo", ok.StdOut);
                Assert.DoesNotContain(password, await File.ReadAllTextAsync(Path.Combine(dir, "manifest.json")));
            }

            var clock = Stopwatch.StartNew();
            var wrong = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--out", dir, "--redis", redis.Endpoint, "--cluster-id", id, "--redis-password", "wrong");
            ClusterTests.AssertOneLineError(wrong, clock.Elapsed, $"error: Redis at {redis.Endpoint} refused the password");

            clock.Restart();
            var none = await CliProcess.Run("silo", "--redis", redis.Endpoint, "--cluster-id", id, "--port", RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--gateway-port", RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            ClusterTests.AssertOneLineError(none, clock.Elapsed, $"error: Redis at {redis.Endpoint} requires a password");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
