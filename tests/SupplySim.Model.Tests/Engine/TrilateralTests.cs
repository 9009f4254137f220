using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// The trilateral US-CN-MX mechanism (L98, L165): intelligence along the chain that China can act on, as strong as the
/// weakest of the three trusts (L166), and like all foreign intelligence only against sales that are illegal (L1044).
/// </summary>
public class TrilateralTests
{
    [Fact]
    public void Should_Seize_More_At_Chinese_Sellers_Only_Once_Their_Sales_Are_Illegal()
    {
        var baseline = ScenarioRun.Of("baseline.yaml");
        var trilateral = ScenarioRun.Of("baseline.yaml", interventions: ["{ type: trilateral-mechanism, date: 2019-06, countries: [US, CN, MX], intensity: 1.0 }"]);
        double Seized(ScenarioRun r, string from, string to)
            => r.Sum("seized_kg", "stage=supplier", r.TickOf(from), r.TickOf(to)) + r.Sum("seized_kg", "stage=broker", r.TickOf(from), r.TickOf(to));

        // 2019-2022: what Chinese sellers sell is unscheduled and no legal basis exists, so there is nothing to act on.
        Assert.Equal(Seized(baseline, "2019-06", "2023-01"), Seized(trilateral, "2019-06", "2023-01"));
        // From the 2023 legal basis and the 2024 listings, intelligence finds illegal sales: more is seized at sellers.
        var before = Seized(baseline, "2024-01", "2026-01");
        var after = Seized(trilateral, "2024-01", "2026-01");
        Assert.True(after > 1.2 * before, $"{after:N0} kg against {before:N0} kg");
        // The unscheduled trade goes on, so US supply barely moves (L1044: chemicals that are not regulated cannot be addressed).
        var supply = baseline.Sum("supply_reaching_users_kg", "region=US-", baseline.TickOf("2024-01"), baseline.Ticks.Count);
        var supplyTri = trilateral.Sum("supply_reaching_users_kg", "region=US-", baseline.TickOf("2024-01"), baseline.Ticks.Count);
        Assert.InRange(supplyTri / supply, 0.95, 1.05);
    }
}
