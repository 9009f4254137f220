using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Drug checking (fentanyl test strips, checking services; docs/model.md#levers-interventions-and-trust): people who check use more safely when they
/// find fentanyl (L1895), so the overdose hazard falls by coverage × drug-checking-hazard-reduction.
/// </summary>
public class DrugCheckingTests
{
    private const string Us = "[US-NE, US-MW, US-S, US-W]";

    [Fact]
    public void Should_Avert_Deaths_In_Proportion_To_Coverage_And_Change_Nothing_At_Zero()
    {
        var baseline = ScenarioRun.Of("baseline.yaml");
        var none = ScenarioRun.Of("baseline.yaml", interventions: [$"{{ type: drug-checking, date: 2020-01, jurisdiction: {Us}, coverage: 0 }}"]);
        var half = ScenarioRun.Of("baseline.yaml", interventions: [$"{{ type: drug-checking, date: 2020-01, jurisdiction: {Us}, coverage: 0.5, ramp-months: 12 }}"]);
        int from = baseline.TickOf("2020-01"), to = baseline.Ticks.Count;
        double Deaths(ScenarioRun r, int a, int b) => r.Sum("overdose_deaths", "region=US-", a, b);

        Assert.Equal(Deaths(baseline, 0, to), Deaths(none, 0, to));
        // Nothing changes before the item; after it, deaths fall. Half coverage at a 25% cut removes 12.5% of the
        // hazard once ramped up (12% of 2020-2025 deaths on the scenario's seed): the market's answer (the same supply
        // spread over the people who did not die) moves it only a little either way.
        Assert.Equal(Deaths(baseline, 0, from), Deaths(half, 0, from));
        var averted = 1 - Deaths(half, from, to) / Deaths(baseline, from, to);
        Assert.InRange(averted, 0.06, 0.2);
        // Canada has no checking: its deaths move only through the shared supply, by far less.
        var ca = 1 - half.Sum("overdose_deaths", "region=CA", from, to) / baseline.Sum("overdose_deaths", "region=CA", from, to);
        Assert.True(Math.Abs(ca) < averted / 2, $"CA {ca:P1} against US {averted:P1}");
    }
}
