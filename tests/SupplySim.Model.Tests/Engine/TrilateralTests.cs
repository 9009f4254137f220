using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// The trilateral US-CN-MX mechanism (L98, L165): intelligence along the chain that China can act on, as strong as the
/// weakest of the three trusts (L166), and like all foreign intelligence only against sales that are illegal (L1044).
/// </summary>
public class TrilateralTests
{
    /// <summary>
    /// Summed over seeds 20130101, 7 and 8: at the spin-up's commit, seizures at Chinese sellers in 2024-2025 are 2,883 kg with the
    /// mechanism against 2,034 kg without (963/972 on seed 20130101 alone, where the 2024 listing's deterrence, sellers refusing
    /// sales they now risk more on, outweighs the seizures in 2024; 2025 alone 452 against 330 kg). After the refit 625d672 the
    /// three seeds give 3,723 against 3,794 kg: the claim fails there, the 2024 deterrence outweighing the extra detection.
    /// </summary>
    [Fact(Skip = "Issue 15 spin-up: sellers settled before 2013 now refuse more than they are caught (3,723 kg vs 3,794 kg on seeds 20130101, 7, 8); kg seized no longer measures the mechanism, a seizure rate would (issue 17)")]
    public void Should_Seize_More_At_Chinese_Sellers_Only_Once_Their_Sales_Are_Illegal()
    {
        ulong[] seeds = [20130101, 7, 8];
        var runs = seeds.AsParallel().AsOrdered().Select(s => (Base: ScenarioRun.Of("baseline.yaml", s),
            Tri: ScenarioRun.Of("baseline.yaml", s, interventions: ["{ type: trilateral-mechanism, date: 2019-06, countries: [US, CN, MX], intensity: 1.0 }"]))).ToArray();
        double Seized(ScenarioRun r, string from, string to)
            => r.Sum("seized_kg", "stage=supplier", r.TickOf(from), r.TickOf(to)) + r.Sum("seized_kg", "stage=broker", r.TickOf(from), r.TickOf(to));

        // 2019-2022: what Chinese sellers sell is unscheduled and no legal basis exists, so there is next to nothing to act on
        // (the few kg still sold of the chemicals China scheduled in 2018); from the 2023 legal basis and the 2024 listings,
        // intelligence finds illegal sales: more is seized at sellers.
        var early = runs.Sum(x => Seized(x.Tri, "2019-06", "2023-01") - Seized(x.Base, "2019-06", "2023-01"));
        var before = runs.Sum(x => Seized(x.Base, "2024-01", "2026-01"));
        var after = runs.Sum(x => Seized(x.Tri, "2024-01", "2026-01"));
        Assert.True(after > 1.2 * before, $"{after:N0} kg against {before:N0} kg (seeds {string.Join(", ", seeds)})");
        Assert.True(Math.Abs(early) < 0.1 * (after - before), $"2019-06 to 2022: {early:N1} kg more with the mechanism, 2024-2025: {after - before:N0} kg");
        // The unscheduled trade goes on, so US supply barely moves (L1044: chemicals that are not regulated cannot be addressed).
        double Supply(ScenarioRun r) => r.Sum("supply_reaching_users_kg", "region=US-", r.TickOf("2024-01"), r.Ticks.Count);
        Assert.InRange(runs.Sum(x => Supply(x.Tri)) / runs.Sum(x => Supply(x.Base)), 0.95, 1.05);
    }
}
