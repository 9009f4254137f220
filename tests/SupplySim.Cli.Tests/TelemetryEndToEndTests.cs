using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// Watching a run as a user would (docs/observability.md): scrape Prometheus and open the dashboard
/// while `supplysim run` lingers, receive its OTLP export, and check none of it changes the results.
/// </summary>
public partial class TelemetryEndToEndTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [GeneratedRegex(@"^supplysim_ticks_total\{[^}]*supplysim_scenario=""quickstart""[^}]*\} (\d+)$", RegexOptions.Multiline)]
    private static partial Regex TicksTotal();

    /// <summary>
    /// Starts the watched run on two free ports. A port found free can be taken by another process of the parallel
    /// suite before the run binds it (the run then stops with "is in use", exit 2); that is retried on new ports.
    /// </summary>
    private static async Task<(CliSession Session, int Prometheus, int Dashboard)> StartWatched(string watched, int collectorPort)
    {
        for (var attempt = 1; ; attempt++)
        {
            var prometheus = CliSession.FreePort();
            var dashboard = CliSession.FreePort();
            var session = CliSession.Start("run", "scenarios/quickstart.yaml", "--seed", "11", "--out", watched,
                "--prometheus-port", $"{prometheus}", "--dashboard-port", $"{dashboard}",
                "--otlp-endpoint", $"http://127.0.0.1:{collectorPort}", "--otlp-protocol", "http/protobuf",
                "--console-telemetry", "--linger", "120");
            try
            {
                await session.WaitForOutput("lingering 120 s", RunTimeout);
                return (session, prometheus, dashboard);
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("is in use", StringComparison.Ordinal))
            {
                await session.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Should_Serve_Prometheus_The_Dashboard_And_Otlp_During_A_Run_Without_Changing_Its_Results()
    {
        var watched = Repo.TempDir("watched");
        var plain = Repo.TempDir("plain");
        using var collector = new OtlpCollector();
        try
        {
            string scrape, contentType, page;
            HttpStatusCode dashboardStatus;
            var (session, prometheus, dashboard) = await StartWatched(watched, collector.Port);
            await using (session)
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                using (var response = await http.GetAsync(new Uri($"http://127.0.0.1:{prometheus}/metrics")))
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    contentType = response.Content.Headers.ContentType?.ToString() ?? "";
                    scrape = await response.Content.ReadAsStringAsync();
                }
                using (var response = await http.GetAsync(new Uri($"http://127.0.0.1:{dashboard}/")))
                {
                    dashboardStatus = response.StatusCode;
                    page = await response.Content.ReadAsStringAsync();
                }
                // OTLP exports every 5 s (metrics) and in 5 s batches (spans): wait for both, so the test does not rest on the flush at exit.
                Assert.True(await collector.WaitFor(["/v1/traces", "/v1/metrics"], TimeSpan.FromSeconds(30)), string.Join(", ", collector.Requests));
                Assert.Equal(0, await session.Terminate(TimeSpan.FromSeconds(30)));
                Assert.Contains("SupplySim metrics every 10 s", session.StdOut);
                Assert.Contains("Activity.DisplayName:        supplysim.tick", session.StdOut);
                Assert.Equal("", session.StdErr);
            }

            // Prometheus: the exposition format with SupplySim's, Orleans' and the runtime's metrics; the ticks counter is the ticks run.
            Assert.StartsWith("text/plain; version=0.0.4", contentType);
            Assert.Contains("# TYPE supplysim_ticks_total counter", scrape);
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(watched, "manifest.json")));
            var ticksRun = manifest.RootElement.GetProperty("ticks_run").GetInt32();
            Assert.Equal(60, ticksRun);
            Assert.Equal(ticksRun, int.Parse(TicksTotal().Match(scrape).Groups[1].Value, CultureInfo.InvariantCulture));
            Assert.Matches(@"supplysim_tick_duration_seconds_count\{[^}]*\} 60\n", scrape);
            Assert.Matches(@"supplysim_overdose_deaths\{[^}]*region=""US-NE""[^}]*\} \d", scrape);
            Assert.Contains("supplysim_agent_steps_total{", scrape);
            Assert.Contains("supplysim_runs_in_flight{", scrape);
            Assert.Contains("\norleans_", scrape);

            // Dashboard: the Orleans dashboard page.
            Assert.Equal(HttpStatusCode.OK, dashboardStatus);
            Assert.Contains("Orleans Dashboard", page);

            // OTLP: traces and metrics arrived as protobuf.
            Assert.True(collector.Requests.GetValueOrDefault("/v1/traces application/x-protobuf") > 0, string.Join(", ", collector.Requests));
            Assert.True(collector.Requests.GetValueOrDefault("/v1/metrics application/x-protobuf") > 0, string.Join(", ", collector.Requests));

            // Results: byte-identical to a run with nothing exported.
            var baseline = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--seed", "11", "--out", plain);
            Assert.Equal(0, baseline.ExitCode);
            foreach (var file in new[] { "metrics.csv", "summary.json" })
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(plain, file)), await File.ReadAllBytesAsync(Path.Combine(watched, file)));
            Assert.DoesNotContain("prometheus:", baseline.StdOut);
        }
        finally
        {
            Directory.Delete(watched, true);
            Directory.Delete(plain, true);
        }
    }

    [Theory]
    [InlineData("--prometheus-port")]
    [InlineData("--dashboard-port")]
    public async Task Should_Refuse_A_Port_In_Use_With_One_Line_And_Exit_Code_2_Before_Running(string flag)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var outDir = Path.Combine(Path.GetTempPath(), $"supplysim-busy-{Guid.NewGuid():N}");

        var r = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--out", outDir, flag, $"{port}");

        Assert.Equal(2, r.ExitCode);
        var lines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Matches($"^error: {flag} {port}: port {port} is in use on 127\\.0\\.0\\.1", lines[0]);
        Assert.DoesNotContain("   at ", r.StdErr + r.StdOut);
        Assert.False(Directory.Exists(outDir), "nothing runs when a port is taken");
    }

    [Theory]
    [InlineData("--prometheus-port", "0")]
    [InlineData("--dashboard-port", "65536")]
    [InlineData("--otlp-endpoint", "127.0.0.1:4317")]
    [InlineData("--otlp-protocol", "thrift")]
    [InlineData("--linger", "-1")]
    public async Task Should_Reject_A_Bad_Telemetry_Flag_With_One_Line_And_Exit_Code_2(string flag, string value)
    {
        var r = await CliProcess.Run("run", "scenarios/quickstart.yaml", flag, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", r.StdErr);
    }
}
