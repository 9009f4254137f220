using SupplySim.Model.Engine;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Shocks reach users through stock (docs/model.md#distribution-stock): on the mean of eight seeds no month of the baseline
/// before 2024 falls more than 10% from the one before, for supply reaching US users and, from 2015 on (earlier months have
/// too few deaths for a mean of eight seeds to be smooth), for US deaths. The observed series rose through 2018-2019.
/// </summary>
public class ShockInertiaTests
{
    private const int Seeds = 8;

    [Fact]
    public void Given_The_Baseline_When_China_Schedules_Then_No_Month_Falls_More_Than_A_Tenth()
    {
        var (deaths, supply, spec) = MeanSeries("baseline.yaml", null);
        AssertNoFall(supply, spec, 2013, "supply_reaching_users_kg");
        AssertNoFall(deaths, spec, 2015, "overdose_deaths");
    }

    [Fact]
    public void Given_No_Distribution_Stock_When_China_Schedules_The_Class_Then_Deaths_Fall_At_Once()
    {
        // The test above can fail: with every arrival sold in its month, May 2019 drops deaths by a fifth or more.
        var (deaths, _, spec) = MeanSeries("baseline.yaml", 0);
        var june = Model.Time.MonthDate.TryParse("2019-06", out var m) ? m.MonthsSince(spec.Start) : throw new InvalidOperationException();
        Assert.True(deaths[june] < 0.85 * deaths[june - 1], $"2019-05 {deaths[june - 1]:N0}, 2019-06 {deaths[june]:N0}");
    }

    private static void AssertNoFall(double[] series, World.WorldSpec spec, int fromYear, string name)
    {
        for (var t = 1; t < series.Length; t++)
        {
            var date = spec.DateOf(t);
            if (date.Year < fromYear || date.Year >= 2024) continue;
            Assert.True(series[t] >= 0.9 * series[t - 1], $"{name} falls {1 - series[t] / series[t - 1]:P1} from {spec.DateOf(t - 1)} ({series[t - 1]:N1}) to {date} ({series[t]:N1})");
        }
    }

    private static (double[] Deaths, double[] Supply, World.WorldSpec Spec) MeanSeries(string file, double? cover)
    {
        var document = ScenarioRun.Edited(file);
        if (cover is { } c) document.Set("parameters.distribution-cover-months", c);
        var scenario = document.Compile();
        var ticks = scenario.Spec.Ticks;
        var runs = new (double[] Deaths, double[] Supply)[Seeds];
        Parallel.For(0, Seeds, k =>
        {
            var engine = new LocalEngine(scenario.Spec with { Seed = scenario.Spec.Seed + (ulong)k }, scenario.FirmsPerShard, scenario.PeoplePerShard);
            var catalog = engine.Coordinator.Metrics.Catalog;
            int[] Us(string m) => Enumerable.Range(0, catalog.Count).Where(i => catalog[i].Metric == m && catalog[i].Dimension.StartsWith("region=US", StringComparison.Ordinal)).ToArray();
            var (d, s) = (Us("overdose_deaths"), Us("supply_reaching_users_kg"));
            runs[k] = (new double[ticks], new double[ticks]);
            for (var t = 0; t < ticks; t++)
            {
                var v = engine.Step();
                runs[k].Deaths[t] = d.Sum(i => v[i]);
                runs[k].Supply[t] = s.Sum(i => v[i]);
            }
        });
        var deaths = Enumerable.Range(0, ticks).Select(t => runs.Average(r => r.Deaths[t])).ToArray();
        var supply = Enumerable.Range(0, ticks).Select(t => runs.Average(r => r.Supply[t])).ToArray();
        return (deaths, supply, scenario.Spec);
    }
}
