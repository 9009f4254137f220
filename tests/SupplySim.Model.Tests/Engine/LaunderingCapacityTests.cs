using SupplySim.Scenarios;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Launderer capacity and a latent method over whole runs (docs/model.md#the-six-actor-kinds money launderer; docs/model.md#reactions-and-rules; report L425, L441-L444), on
/// scenarios/laundering-capacity.yaml: with bulk cash and wildlife barter capped, MX AML cooperation from 2024 pushes much less
/// money off the bank-touching methods than in aml-cooperation.yaml, because the channels it pushes towards are full; the latent
/// MX crypto group opens once the run's seizures reach its threshold, sooner with AML cooperation, and never without seizures.
/// </summary>
public class LaunderingCapacityTests
{
    private const string Scenario = "laundering-capacity.yaml";
    private static readonly Action<ScenarioDocument> WithoutAml = d => d.Set("extends", "baseline.yaml");
    private const double BulkCashCapacity = 1.7e8, Threshold = 5.8e8;

    private static double BankUsd(ScenarioRun run, int from, int to)
        => run.Sum("laundered_usd", "method=mirror", from, to) + run.Sum("laundered_usd", "method=trade-based", from, to) + run.Sum("laundered_usd", "method=casino", from, to);

    /// <summary>First tick at which the latent group is open (the series counts 7 then), or -1.</summary>
    private static int Opened(ScenarioRun run)
    {
        for (var t = 0; t < run.Ticks.Count; t++)
            if (run.Value(t, "laundering_groups_open") == 7) return t;
        return -1;
    }

    [Fact]
    public void Should_Limit_The_Shift_Off_The_Banks_And_Open_The_Latent_Method_After_Losses()
    {
        var capAml = ScenarioRun.Of(Scenario);
        var capNoAml = ScenarioRun.Of(Scenario, edits: WithoutAml);
        var plainAml = ScenarioRun.Of("aml-cooperation.yaml");
        var plainNoAml = ScenarioRun.Of("baseline.yaml");
        int from = capAml.TickOf("2025-01"), to = capAml.TickOf("2025-12") + 1;

        // The new series exist only where a group uses the keys.
        Assert.Equal(["method=bulk-cash", "method=wildlife-barter"], capAml.Catalog.Where(k => k.Metric == "laundering_utilisation").Select(k => k.Dimension));
        Assert.DoesNotContain(plainAml.Catalog, k => k.Metric is "laundering_utilisation" or "laundering_groups_open");

        // AML cooperation cuts bank-touching laundering in 2025 by about two thirds without capacities, by well under half of
        // that with them: the full bulk-cash channel cannot take what leaves the banks. Summed over three seeds (one seed's
        // cut with capacities moves between about 25% and 40%).
        ulong[] otherSeeds = [7, 8]; // the runs above are on the scenario's own seed, 20130101
        double Bank(string file, params Action<ScenarioDocument>[] edits)
            => otherSeeds.AsParallel().Sum(seed => BankUsd(ScenarioRun.Of(file, seed, edits: edits), from, to));
        var plainCut = 1 - (BankUsd(plainAml, from, to) + Bank("aml-cooperation.yaml")) / (BankUsd(plainNoAml, from, to) + Bank("baseline.yaml"));
        var capCut = 1 - (BankUsd(capAml, from, to) + Bank(Scenario)) / (BankUsd(capNoAml, from, to) + Bank(Scenario, WithoutAml));
        var text = $"AML cut of bank-touching USD in 2025 (seeds 20130101, 7, 8): {capCut:P1} with capacities, {plainCut:P1} without";
        Assert.True(plainCut > 0.5, text);
        Assert.True(capCut > 0.05 && capCut < 0.5 * plainCut, text);

        // Bulk cash fills to about its capacity and no further: the year's load under AML averages within 15% of it.
        var bulkLoad = capAml.Sum("laundering_utilisation", "method=bulk-cash", from, to) / (to - from);
        Assert.InRange(bulkLoad, 0.85, 1.15);
        Assert.InRange(capAml.Sum("laundered_usd", "method=bulk-cash", from, to) / (to - from) / BulkCashCapacity, 0.85, 1.15);

        // The latent group opens the month after the run's seizures reach the threshold, earlier with AML cooperation.
        foreach (var run in new[] { capAml, capNoAml })
        {
            var open = Opened(run);
            Assert.True(open > 0, "the latent group never opened");
            Assert.True(run.Sum("seized_usd", "", 0, open) >= Threshold && run.Sum("seized_usd", "", 0, open - 1) < Threshold,
                $"opened at tick {open} with {run.Sum("seized_usd", "", 0, open):E3} USD seized before it");
            for (var t = open; t < run.Ticks.Count; t++) Assert.Equal(7, run.Value(t, "laundering_groups_open"));
            Assert.Equal(6, run.Value(open - 1, "laundering_groups_open"));
        }
        Assert.True(Opened(capAml) < Opened(capNoAml), $"opened at tick {Opened(capAml)} with AML, {Opened(capNoAml)} without");

        // Without any seizure (no launderer can be detected) it never opens.
        var noLosses = ScenarioRun.Of(Scenario, edits: d => d.Set("replace-actors.launderers[*].detection-risk", 0));
        Assert.Equal(0.0, noLosses.Sum("seized_usd", "", 0, noLosses.Ticks.Count));
        Assert.Equal(-1, Opened(noLosses));
    }
}
