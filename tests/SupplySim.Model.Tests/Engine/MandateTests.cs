using SupplySim.Scenarios;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Enforcement budget by agency and target (docs/model.md#levers-interventions-and-trust): an enforcement-budget item may set the agency's allocation over stages
/// (its mandate) with or without a new budget; a scripted agency spends by it, an adaptive one starts learning again from it.
/// </summary>
public class MandateTests
{
    [Fact]
    public void Should_Move_Spend_To_The_New_Mandate_From_Its_Date_And_Leave_The_Budget()
    {
        var baseline = ScenarioRun.Of("baseline.yaml");
        // China's police put the whole of an unchanged budget on lab raids from 2018.
        var labs = ScenarioRun.Of("baseline.yaml", interventions: ["{ type: enforcement-budget, date: 2018-01, agency: CN-MPS, allocation: { lab: 1 } }"]);
        int t = baseline.TickOf("2018-01"), end = baseline.TickOf("2021-01");
        Assert.Equal(baseline.Sum("overdose_deaths", "region=", 0, t), labs.Sum("overdose_deaths", "region=", 0, t));
        Assert.Equal(baseline.Sum("enforcement_spend_usd", "agency=CN-MPS", t, end), labs.Sum("enforcement_spend_usd", "agency=CN-MPS", t, end));
        // Chinese lab raids take more precursor from labs' stocks, Chinese brokers lose less (IN-NCB still seizes at its own).
        double Seized(ScenarioRun r, string stage, string material) => r.Sum("seized_kg", $"stage={stage};material={material}", t, end);
        Assert.True(Seized(labs, "lab", "precursor") > 1.5 * Seized(baseline, "lab", "precursor"), $"lab seizures {Seized(baseline, "lab", "precursor"):N0} -> {Seized(labs, "lab", "precursor"):N0} kg");
        Assert.True(Seized(labs, "broker", "precursor") < 0.8 * Seized(baseline, "broker", "precursor"), $"broker seizures {Seized(baseline, "broker", "precursor"):N0} -> {Seized(labs, "broker", "precursor"):N0} kg");
    }

    [Fact]
    public void Should_Restart_An_Adaptive_Agency_From_A_New_Mandate()
    {
        var run = ScenarioRun.Of("baseline.yaml",
            interventions: ["{ type: enforcement-budget, date: 2020-01, agency: CN-MPS, allocation: { broker: 0.5, lab: 0.5 } }"],
            edits: AdaptiveAllocationRunTests.Adaptive);
        int t = run.TickOf("2020-01");
        double Share(int tick, string stage) => run.Value(tick, "enforcement_allocation", $"agency=CN-MPS;stage={stage}");
        // Before the item it has learnt away from its scripted route share (0.1); at the item it starts from the new mandate
        // (the series shows the month's allocation after that month's learning step, so near 0.5 each, and nothing elsewhere).
        Assert.NotEqual(0.1, Share(t - 1, "route"));
        Assert.InRange(Share(t, "broker"), 0.4, 0.6);
        Assert.Equal(1.0, Share(t, "broker") + Share(t, "lab"), 12);
        Assert.Equal(0.0, Share(t, "route"), 12);
        // And learns only within it afterwards: a stage the mandate leaves at 0 stays 0.
        Assert.Equal(0.0, Share(run.Ticks.Count - 1, "supplier"), 12);
    }

    [Fact]
    public void Should_Reject_A_Budget_Item_With_Neither_Budget_Nor_Allocation_On_One_Line()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioRun.Of("baseline.yaml", interventions: ["{ type: enforcement-budget, date: 2020-01, agency: CN-MPS }"]));
        Assert.Contains("needs 'budget-usd-per-month', 'allocation' or both", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }
}
