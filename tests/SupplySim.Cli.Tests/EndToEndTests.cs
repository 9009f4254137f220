using System.Text.Json;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests;

public class EndToEndTests
{
    [Fact]
    public async Task Should_Run_A_Shipped_Scenario_And_Write_Its_Files_Identically_Twice()
    {
        var a = Repo.TempDir("e2e-a");
        var b = Repo.TempDir("e2e-b");
        try
        {
            var first = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--seed", "11", "--out", a);
            Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
            var second = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--seed", "11", "--out", b);
            Assert.Equal(0, second.ExitCode);

            Assert.Equal(["manifest.json", "metrics.csv", "replicates.csv", "report.html", "summary.json", "timeseries.csv"], Directory.GetFiles(a).Select(Path.GetFileName).Order());
            var csv = await File.ReadAllTextAsync(Path.Combine(a, "metrics.csv"));
            Assert.StartsWith("run,replicate,tick,date,metric,dimension,value\n", csv);
            Assert.Contains("\nquickstart,0,59,2021-12,overdose_deaths,region=US-S,", csv);
            Assert.Equal(csv, await File.ReadAllTextAsync(Path.Combine(b, "metrics.csv")));

            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(a, "manifest.json")));
            Assert.True(manifest.RootElement.GetProperty("completed").GetBoolean());
            Assert.Equal(11UL, manifest.RootElement.GetProperty("seed").GetUInt64());
            Assert.Equal(60, manifest.RootElement.GetProperty("ticks_run").GetInt32());
            Assert.Equal(64, manifest.RootElement.GetProperty("scenario_sha256").GetString()!.Length);

            using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(a, "summary.json")));
            var headline = summary.RootElement.GetProperty("headline");
            Assert.True(headline.GetProperty("overdose_deaths_total").GetDouble() > 0);
            Assert.Equal(5, headline.GetProperty("overdose_deaths_by_year").EnumerateObject().Count());
            Assert.Contains("wrote", first.StdOut);
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }

    [Fact]
    public async Task Should_Reject_A_Malformed_Scenario_With_One_Line_Exit_Code_2_And_No_Output_Folder()
    {
        var dir = Repo.TempDir("bad");
        var file = Path.Combine(dir, "bad.yaml");
        var bad = ScenarioDocument.Load(Repo.Scenario("quickstart.yaml")).Set("actors.suppliers[0].kyc-share", 1.1);
        await File.WriteAllTextAsync(file, bad.Yaml());
        var (line, column) = bad.Locate("actors.suppliers[0].kyc-share");
        var outDir = Path.Combine(dir, "out");
        try
        {
            var r = await CliProcess.Run("run", file, "--out", outDir);
            Assert.Equal(2, r.ExitCode);
            var lines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.Matches($@"^error: .*bad\.yaml:{line}:{column}: actors\.suppliers\[0\]\.kyc-share is 1\.1; allowed: a share between 0 and 1$", lines[0]);
            Assert.DoesNotContain("   at ", r.StdErr + r.StdOut);
            Assert.False(Directory.Exists(outDir), "no results folder for a scenario that does not validate");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("run", "scenarios/quickstart.yaml", "--seed", "abc")]
    [InlineData("run", "scenarios/no-such-file.yaml")]
    [InlineData("run")]
    [InlineData("frobnicate")]
    public async Task Should_Answer_A_Bad_Command_Line_With_One_Line_And_Exit_Code_2(params string[] args)
    {
        var r = await CliProcess.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr + r.StdOut);
    }

    [Fact]
    public async Task Should_Validate_Shipped_Scenarios()
    {
        var r = await CliProcess.Run("validate", "scenarios/quickstart.yaml");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ok", r.StdOut);
    }
}
