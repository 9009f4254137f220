using System.Globalization;
using SupplySim.Experiments.Results;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Tables;

/// <summary>--metrics keeps only the named metrics and --every K only ticks with tick % K = K − 1; summary.json is computed from everything (docs/experiments.md#output-formats).</summary>
[Collection(OutputFormatFixture.Collection)]
public class MetricsSelectionTests(OutputFormatFixture fixture)
{
    private string[][] Rows(string dir) => File.ReadLines(Path.Combine(dir, "metrics.csv")).Skip(1).Select(CsvLine.Split).ToArray();

    [Fact]
    public void Should_Write_Only_The_Listed_Metrics_When_Given_Metrics()
        => Assert.Equal(["overdose_deaths", "retail_price_per_mg"], Rows(fixture.Thinned).Select(r => r[4]).Distinct().Order());

    [Fact]
    public void Should_Write_The_Last_Tick_Of_Every_Block_Of_K_When_Given_Every()
        => Assert.Equal([11, 23], Rows(fixture.Thinned).Select(r => int.Parse(r[2], CultureInfo.InvariantCulture)).Distinct());

    [Fact]
    public void Should_Write_The_Same_Rows_As_The_Full_Table_For_What_It_Keeps()
    {
        var kept = Rows(fixture.Full).Where(r => r[4] is "overdose_deaths" or "retail_price_per_mg" && int.Parse(r[2], CultureInfo.InvariantCulture) % 12 == 11);
        Assert.Equal(kept.Select(r => string.Join(',', r)), Rows(fixture.Thinned).Select(r => string.Join(',', r)));
    }

    [Fact]
    public void Should_Compute_Summary_From_Every_Tick_And_Metric_When_Thinned()
        => Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.Full, "summary.json")), File.ReadAllBytes(Path.Combine(fixture.Thinned, "summary.json")));

    [Fact]
    public async Task Should_Exit_2_With_One_Line_And_Write_Nothing_When_A_Metric_Is_Unknown()
    {
        var dir = Path.Combine(fixture.Root, "unknown");
        var r = await CliProcess.Run("run", Repo.Path("tests", "Scenarios", "tiny.yaml"), "--out", dir, "--metrics", "overdose_deaths,overdose_death");

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: --metrics: unknown metric overdose_death (did you mean overdose_deaths?); known: overdose_deaths, ", r.StdErr);
        Assert.Single(r.StdErr.TrimEnd('\n').Split('\n'));
        Assert.False(Directory.Exists(dir));
    }
}
