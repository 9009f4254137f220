using System.Diagnostics;
using System.Text.Json;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// Two `supplysim silo` processes and a client on 127.0.0.1 with a real redis-server (issue 5): the same
/// results as embedded, runs spread over both silos, and one-line errors (exit code 2, within 15 s).
/// </summary>
[Collection(ClusterCollection.Name)]
public class ClusterTests
{
    private static readonly TimeSpan ErrorBudget = TimeSpan.FromSeconds(15);

    private static string FreshClusterId() => $"test-{Guid.NewGuid():N}";

    [Fact]
    public async Task Should_Give_Identical_Metrics_To_Embedded_And_Spread_Replicates_Over_Both_Silos()
    {
        var embedded = Repo.TempDir("cluster-embedded");
        var clustered = Repo.TempDir("cluster-one");
        var replicates = Repo.TempDir("cluster-r4");
        await using var redis = await RedisServer.StartAsync();
        var id = FreshClusterId();
        try
        {
            var embeddedRun = CliProcess.Run("run", "scenarios/quickstart.yaml", "--seed", "7", "--out", embedded);
            var silos = await Task.WhenAll(SiloProcess.StartAsync(redis.Endpoint, id), SiloProcess.StartAsync(redis.Endpoint, id));
            await using var a = silos[0];
            await using var b = silos[1];

            var one = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--seed", "7", "--out", clustered, "--redis", redis.Endpoint, "--cluster-id", id);
            Assert.True(one.ExitCode == 0, one.StdErr + one.StdOut);
            Assert.Contains("on 2 silos", one.StdOut);
            var local = await embeddedRun;
            Assert.True(local.ExitCode == 0, local.StdErr + local.StdOut);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(embedded, "metrics.csv")), await File.ReadAllBytesAsync(Path.Combine(clustered, "metrics.csv")));

            var four = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--seed", "7", "--replicates", "4", "--out", replicates, "--redis", redis.Endpoint, "--cluster-id", id);
            Assert.True(four.ExitCode == 0, four.StdErr + four.StdOut);
            var hosts = new List<string>();
            foreach (var manifest in Directory.GetFiles(Path.Combine(replicates, "runs"), "manifest.json", SearchOption.AllDirectories))
            {
                using var json = JsonDocument.Parse(await File.ReadAllTextAsync(manifest));
                Assert.Equal(2, json.RootElement.GetProperty("silos").GetInt32());
                hosts.Add(json.RootElement.GetProperty("silo").GetString()!);
            }
            Assert.Equal(4, hosts.Count);
            Assert.Contains(hosts, h => h.Contains($"127.0.0.1:{a.Port}:", StringComparison.Ordinal));
            Assert.Contains(hosts, h => h.Contains($"127.0.0.1:{b.Port}:", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var d in new[] { embedded, clustered, replicates }) Directory.Delete(d, recursive: true);
        }
    }

    [Fact]
    public async Task Should_Fail_In_One_Line_When_Redis_Is_Down()
    {
        var port = RedisServer.FreePort();
        var dir = Repo.TempDir("cluster-down");
        try
        {
            var clock = Stopwatch.StartNew();
            var result = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--out", dir, "--redis", $"127.0.0.1:{port}", "--cluster-id", FreshClusterId());
            clock.Stop();
            AssertOneLineError(result, clock.Elapsed, $"error: cannot reach Redis at 127.0.0.1:{port}");

            clock.Restart();
            var silo = await CliProcess.Run("silo", "--redis", $"127.0.0.1:{port}", "--cluster-id", FreshClusterId(), "--port", RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--gateway-port", RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            AssertOneLineError(silo, clock.Elapsed, $"error: cannot reach Redis at 127.0.0.1:{port}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Should_Fail_In_One_Line_When_The_Cluster_Has_No_Silo()
    {
        var dir = Repo.TempDir("cluster-empty");
        await using var redis = await RedisServer.StartAsync();
        try
        {
            // A cluster id no silo joined (a wrong --cluster-id).
            var clock = Stopwatch.StartNew();
            var wrong = await CliProcess.Run("compare", "scenarios/quickstart.yaml", "scenarios/quickstart.yaml", "--out", dir, "--redis", redis.Endpoint, "--cluster-id", FreshClusterId());
            AssertOneLineError(wrong, clock.Elapsed, "error: no silo has joined cluster");

            // A cluster whose only silo died without leaving: its entry still says "Active".
            var id = FreshClusterId();
            await (await SiloProcess.StartAsync(redis.Endpoint, id)).DisposeAsync();
            clock.Restart();
            var dead = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--out", dir, "--redis", redis.Endpoint, "--cluster-id", id);
            AssertOneLineError(dead, clock.Elapsed, $"error: cannot connect to cluster '{id}'");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Should_Reject_Bad_Cluster_Flags_In_One_Line()
    {
        var noRedis = await CliProcess.Run("silo", "--cluster-id", "x");
        AssertOneLineError(noRedis, TimeSpan.Zero, "error: --redis HOST:PORT is required");
        var noId = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--redis", "127.0.0.1:6379");
        AssertOneLineError(noId, TimeSpan.Zero, "error: --cluster-id is required with --redis");
        var badAddress = await CliProcess.Run("silo", "--redis", "127.0.0.1:6379", "--cluster-id", "x", "--advertise", "not an address");
        AssertOneLineError(badAddress, TimeSpan.Zero, "error: --advertise must be an IP address or a host name");
    }

    internal static void AssertOneLineError(CliProcess.Result result, TimeSpan took, string start)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.StdErr}{result.StdOut}");
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.StdErr);
        Assert.StartsWith(start, lines[0]);
        Assert.True(took < ErrorBudget, $"took {took.TotalSeconds:F1} s: {result.StdErr}");
    }
}
