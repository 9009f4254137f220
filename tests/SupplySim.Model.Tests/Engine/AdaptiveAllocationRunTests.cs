using SupplySim.Scenarios;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Adaptive allocation over a whole run (docs/model.md#the-six-actor-kinds, Rules/AdaptiveAllocation.cs): the baseline with CN-MPS learning at
/// 5% a month against the scripted baseline, both with CN-MPS's budget doubled from 2018. Its allocation drifts toward
/// the stage where a USD keeps the most from the market (route, where precursors leave and finished drug crosses) and
/// back toward lab raids once the doubled budget saturates route pressure; its spend stays the budget, the budget
/// change leaves the learnt allocation alone, and seizures at the favoured stage rise against the scripted run.
/// </summary>
public class AdaptiveAllocationRunTests
{
    internal static readonly Action<ScenarioDocument> Adaptive = d => d.Set("actors.agencies[id=CN-MPS].adaptive-allocation", 0.05);

    private static readonly string[] Doubled = ["{ type: enforcement-budget, date: 2018-01, agency: CN-MPS, budget-usd-per-month: 40000000 }"];
    private static readonly string[] Stages = ["supplier", "broker", "route", "lab", "money"];

    private static double Share(ScenarioRun run, int tick, string stage) => run.Value(tick, "enforcement_allocation", $"agency=CN-MPS;stage={stage}");

    [Fact]
    public void Should_Move_The_Allocation_Toward_Route_Keep_Spend_And_Seize_More_There_Than_The_Scripted_Run()
    {
        var adaptive = ScenarioRun.Of("baseline.yaml", interventions: Doubled, edits: Adaptive);
        var scripted = ScenarioRun.Of("baseline.yaml", interventions: Doubled);
        var end = adaptive.Spec.Ticks;

        // Only the adaptive agency has allocation series, one per stage of its mandate.
        Assert.Equal(Stages.Length, adaptive.Catalog.Count(k => k.Metric == "enforcement_allocation"));
        Assert.DoesNotContain(scripted.Catalog, k => k.Metric == "enforcement_allocation");
        Assert.Equal(0.1, Share(adaptive, 0, "route"), 12);

        // The route share grows year on year to well above its scripted 0.1 while CN-MPS keeps its budget; the shares
        // always add up to the scripted total of 1.
        var route = Enumerable.Range(0, end / 12).Select(y => Share(adaptive, 12 * y, "route")).ToArray();
        var change = adaptive.TickOf("2018-01");
        for (var y = 1; y <= change / 12; y++) Assert.True(route[y] > route[y - 1], $"route share {string.Join(", ", route.Select(x => x.ToString("F3")))}");
        Assert.True(route[change / 12] > 0.8, $"route share {route[change / 12]:F3} in 2018-01");
        // Diminishing returns: once the doubled budget saturates route pressure, lab raids pay better again and regain share.
        var lab = Share(adaptive, change, "lab");
        Assert.True(Share(adaptive, end - 1, "lab") > 2 * lab, $"lab share {lab:F3} in 2018-01, {Share(adaptive, end - 1, "lab"):F3} at the end");
        for (var t = 0; t < end; t++) Assert.Equal(1, Stages.Sum(s => Share(adaptive, t, s)), 9);

        // The budget change doubles spend in both runs and leaves the learnt allocation where it was.
        for (var t = 0; t < end; t++)
            Assert.Equal(scripted.Value(t, "enforcement_spend_usd", "agency=CN-MPS"), adaptive.Value(t, "enforcement_spend_usd", "agency=CN-MPS"));
        Assert.Equal(40e6, adaptive.Value(change, "enforcement_spend_usd", "agency=CN-MPS"));
        Assert.InRange(Share(adaptive, change, "route") - Share(adaptive, change - 1, "route"), -0.05, 0.05); // where it was: within 5 points either way

        // Seizures in transit (precursor and drug) rise against the scripted run.
        var seized = adaptive.Sum("seized_kg", "stage=route", 0, end);
        var seizedScripted = scripted.Sum("seized_kg", "stage=route", 0, end);
        Assert.True(seized > 1.5 * seizedScripted, $"route seizures {seized:N0} kg adaptive, {seizedScripted:N0} kg scripted");
    }
}
