using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Overdose deaths by substance combination and region (docs/model.md#metrics): opioid (fentanyl class or nitazene) × stimulant co-use ×
/// xylazine cut, attributed in proportion to each combination's part of the hazard; the parts add up to every other death series.
/// </summary>
public class DeathsByCombinationTests
{
    [Fact]
    public void Should_Split_Deaths_Into_Combinations_That_Add_Up_To_Each_Death_Series()
    {
        // nitazene-emergence.yaml: fentanyl, nitazenes (sold from 2018), xylazine (spreading from US-NE) and stimulant co-use.
        var run = ScenarioRun.Of("nitazene-emergence.yaml");
        var regions = new[] { "US-NE", "US-MW", "US-S", "US-W", "CA" };
        Assert.Equal(8 * regions.Length, run.Catalog.Count(k => k.Metric == "overdose_deaths_by_combination"));
        double Part(int t, string region, Func<string, bool> which)
            => run.Catalog.Select((k, i) => (k, i)).Where(x => x.k.Metric == "overdose_deaths_by_combination" && x.k.Dimension.EndsWith($";region={region}", StringComparison.Ordinal)
                && which(x.k.Dimension)).Sum(x => run.Ticks[t][x.i]);
        var nitazeneDeaths = 0.0;
        for (var t = 0; t < run.Ticks.Count; t++)
            foreach (var region in regions)
            {
                var all = run.Value(t, "overdose_deaths", $"region={region}");
                Assert.Equal(all, Part(t, region, _ => true), 6);
                Assert.Equal(run.Value(t, "overdose_deaths_fentanyl_stimulant", $"region={region}"), Part(t, region, d => d.Contains("+stimulant")), 6);
                Assert.Equal(run.Value(t, "overdose_deaths_xylazine", $"region={region}"), Part(t, region, d => d.Contains("+xylazine")), 6);
                Assert.Equal(run.Value(t, "overdose_deaths_nitazene", $"region={region}"), Part(t, region, d => d.StartsWith("combination=nitazene", StringComparison.Ordinal)), 6);
                nitazeneDeaths += Part(t, region, d => d.StartsWith("combination=nitazene", StringComparison.Ordinal));
            }
        // The split is not empty where it could be: nitazene deaths once nitazenes sell, xylazine deaths in US-NE.
        Assert.True(nitazeneDeaths > 100, $"nitazene deaths over the run: {nitazeneDeaths:N0}");
        Assert.True(run.Sum("overdose_deaths_by_combination", "combination=fentanyl+stimulant+xylazine;region=US-NE", 0, run.Ticks.Count) > 0);
    }
}
