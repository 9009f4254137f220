using System.Text.Json;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// run --replicates, compare and sweep as a user runs them (the built executable), on the two-year tests/Scenarios world:
/// reproducible bytes whatever the concurrency, common seeds across arms, and the files each command promises.
/// </summary>
public class ExperimentEndToEndTests
{
    private static readonly string Tiny = Path.Combine("tests", "Scenarios", "tiny.yaml");
    private static readonly string TinySurge = Path.Combine("tests", "Scenarios", "tiny-surge.yaml");

    private static string Read(string dir, string file) => File.ReadAllText(Path.Combine(dir, file));

    /// <summary>report.html without the line that quotes the command (its --out and --parallel differ on purpose).</summary>
    private static string Report(string dir) => string.Join("\n", File.ReadLines(Path.Combine(dir, "report.html")).Where(l => !l.StartsWith("<dt>Command</dt>", StringComparison.Ordinal)));

    [Fact]
    public async Task Should_Write_Identical_Files_For_The_Same_Command_Whatever_Runs_In_Parallel()
    {
        var a = Repo.TempDir("rep-a");
        var b = Repo.TempDir("rep-b");
        try
        {
            var first = await CliProcess.Run("run", Tiny, "--replicates", "3", "--parallel", "3", "--out", a);
            Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
            var second = await CliProcess.Run("run", Tiny, "--replicates", "3", "--parallel", "1", "--out", b);
            Assert.True(second.ExitCode == 0, second.StdErr + second.StdOut);

            foreach (var f in new[] { "metrics.csv", "replicates.csv", "timeseries.csv", "summary.json", "charts/timeseries-overdose-deaths.png", "charts/timeseries-overdose-deaths.svg" })
                Assert.True(Read(a, f) == Read(b, f), $"{f} differs between --parallel 3 and --parallel 1");
            Assert.Equal(Report(a), Report(b));

            var replicates = File.ReadLines(Path.Combine(a, "metrics.csv")).Skip(1).Select(l => l.Split(',')[1]).Distinct();
            Assert.Equal(["0", "1", "2"], replicates); // in replicate order, each replicate's rows together
            using var summary = JsonDocument.Parse(Read(a, "summary.json"));
            Assert.Equal(42UL, summary.RootElement.GetProperty("replicate_seeds")[0].GetUInt64());
            var deaths = summary.RootElement.GetProperty("runs")[0].GetProperty("statistics").GetProperty("overdose_deaths_total");
            Assert.Equal(3, deaths.GetProperty("n").GetInt32());
            Assert.True(deaths.GetProperty("ci95_low").GetDouble() <= deaths.GetProperty("mean").GetDouble());
            Assert.Contains("  3/3 tiny r2: ", first.StdOut);
            Assert.Contains("report.html", first.StdOut);
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }

    [Fact]
    public async Task Should_Compare_Scenarios_On_Common_Seeds_And_Write_The_Comparison()
    {
        var dir = Repo.TempDir("compare");
        try
        {
            var r = await CliProcess.Run("compare", Tiny, TinySurge, "--replicates", "2", "--out", dir);
            Assert.True(r.ExitCode == 0, r.StdErr + r.StdOut);
            foreach (var f in new[] { "compare.csv", "compare.json", "report.html", "charts/compare-differences.png", "charts/compare-differences.svg" })
                Assert.True(File.Exists(Path.Combine(dir, f)), f);

            // Replicate i of each scenario runs on the same seed.
            using var m0 = JsonDocument.Parse(Read(dir, "runs/00-tiny/r001/manifest.json"));
            using var m1 = JsonDocument.Parse(Read(dir, "runs/01-tiny-surge/r001/manifest.json"));
            Assert.Equal(m0.RootElement.GetProperty("seed").GetUInt64(), m1.RootElement.GetProperty("seed").GetUInt64());
            Assert.NotEqual(42UL, m0.RootElement.GetProperty("seed").GetUInt64());

            Assert.Contains("Compared with tiny (2 replicates each, common random numbers)", r.StdOut);
            Assert.Contains("Deaths averted per USD 1M of extra enforcement spend", r.StdOut);
            var csv = File.ReadAllLines(Path.Combine(dir, "compare.csv"));
            Assert.StartsWith("outcome,run,n,mean,", csv[0]);
            Assert.Contains(csv, l => l.StartsWith("enforcement_spend_usd_total,tiny-surge,2,", StringComparison.Ordinal));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Should_Sweep_The_Files_Sweep_Block_And_Report_Marginal_Effects()
    {
        var dir = Repo.TempDir("sweep");
        try
        {
            var r = await CliProcess.Run("sweep", Tiny, "--out", dir);
            Assert.True(r.ExitCode == 0, r.StdErr + r.StdOut);
            Assert.Contains("running 6 runs (3 x 2 replicates)", r.StdOut);
            Assert.Contains("Enforcement spend (total) (USD)", r.StdOut);
            foreach (var f in new[] { "sweep.csv", "marginal.csv", "sweep.json", "charts/dose-enforcement-spend-usd-total.svg", "charts/marginal-overdose-deaths-total.png" })
                Assert.True(File.Exists(Path.Combine(dir, f)), f);
            // Spend is linear in the budget: its marginal effect never shrinks.
            Assert.Contains(File.ReadLines(Path.Combine(dir, "marginal.csv")), l => l.StartsWith("enforcement_spend_usd_total,,2,100000000,150000000,", StringComparison.Ordinal) && l.EndsWith(",1,false", StringComparison.Ordinal));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("--vary", "actors.agencies[7].budget-usd-per-month=1:2:1", "error: --vary actors.agencies[7].budget-usd-per-month=1:2:1: actors.agencies[7].budget-usd-per-month: actors.agencies has 1 item(s) (0 to 0), so there is no [7]")]
    [InlineData("--vary", "name=1:2:1", "error: --vary name=1:2:1: name: holds 'tiny', which is neither a number nor a month (YYYY-MM); only numbers and dates can be varied")]
    [InlineData("--vary", "actors.suppliers[0].kyc-share=0:1.5:0.5", "error: --vary actors.suppliers[0].kyc-share=0:1.5:0.5: at actors.suppliers[0].kyc-share=1.5: actors.suppliers[0].kyc-share is 1.5; allowed: a share between 0 and 1")]
    [InlineData("--vary", "parameters.penalty-multipel=1:3:1", "error: --vary parameters.penalty-multipel=1:3:1: at parameters.penalty-multipel=1: unknown parameter 'penalty-multipel'; allowed: ")]
    [InlineData("--vary", "actors.agencies[0].budget-usd-per-month=1:2:0", "error: --vary actors.agencies[0].budget-usd-per-month=1:2:0: STEP is 0; give a step that moves from 1 to 2")]
    [InlineData("--vary", "interventions[0].date=1:3:1", "error: --vary interventions[0].date=1:3:1: interventions[0].date holds the month 2017-06; vary it with months, e.g. 2018-01:2020-01:6 (step in months)")]
    [InlineData("--vary", "interventions[0].date=2016-01:2017-06:3", "error: --vary interventions[0].date=2016-01:2017-06:3: at interventions[0].date=2016-01: interventions[0].date 2016-01 is outside the run; allowed: 2017-01 to 2018-12")]
    [InlineData("--vary", "budget", "error: --vary budget: write PATH=FROM:TO:STEP (or PATH=V1,V2,...), e.g. actors.agencies[0].budget-usd-per-month=0:2e8:5e7")]
    public async Task Should_Reject_A_Bad_Vary_With_One_Line_Exit_Code_2_And_Nothing_Written(string option, string value, string expected)
    {
        var dir = Path.Combine(Repo.TempDir("bad-vary"), "out");
        try
        {
            var r = await CliProcess.Run("sweep", Tiny, option, value, "--out", dir);
            Assert.Equal(2, r.ExitCode);
            var lines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith(expected, lines[0]);
            Assert.DoesNotContain("   at ", r.StdErr + r.StdOut);
            Assert.False(Directory.Exists(dir), "nothing is written for a bad --vary");
        }
        finally { Directory.Delete(Path.GetDirectoryName(dir)!, true); }
    }

    [Theory]
    [InlineData("compare", "scenarios/quickstart.yaml")]
    [InlineData("run", "scenarios/quickstart.yaml", "--replicates", "0")]
    [InlineData("sweep", "scenarios/quickstart.yaml")]
    [InlineData("compare", "scenarios/quickstart.yaml", "tests/Scenarios/tiny.yaml")]
    public async Task Should_Reject_A_Bad_Experiment_With_One_Line_And_Exit_Code_2(params string[] args)
    {
        var r = await CliProcess.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", r.StdErr);
    }

    [Fact]
    public async Task Should_Write_The_Schema_Committed_In_Docs()
    {
        var dir = Repo.TempDir("schema");
        try
        {
            var r = await CliProcess.Run("schema", "--out", Path.Combine(dir, "s.json"));
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(File.ReadAllText(Repo.Path("docs", "scenario.schema.json")), Read(dir, "s.json"));
            Assert.Equal(File.ReadAllText(Repo.Path("docs", "scenario.schema.json")), (await CliProcess.Run("schema")).StdOut);
        }
        finally { Directory.Delete(dir, true); }
    }
}
