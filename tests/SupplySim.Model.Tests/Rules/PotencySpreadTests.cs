using SupplySim.Model.Rules;
using SupplySim.Model.World;
using SupplySim.Model.Tests.Engine;
using Xunit;

namespace SupplySim.Model.Tests.Rules;

/// <summary>
/// Potency and its variance (docs/model.md#the-six-actor-kinds user population; L1782, L1895, L2184): dealers cut lots blind to their
/// opioid's strength, pills are pressed unevenly, and a dose stronger than the market's mean carries more than its
/// share of the hazard.
/// </summary>
public class PotencySpreadTests
{
    private static readonly ModelParameters P = new();

    [Fact]
    public void Should_Leave_The_Hazard_Of_Powder_Of_One_Opioid_Unchanged_And_Report_The_Powder_CV()
    {
        var (hazard, second) = PotencySpread.Of(P, massKg: 4, equivalentKg: 4 * 0.5, massPotSq: 4 * 0.25, massPotK: 4 * Math.Pow(0.5, P.DoseSurpriseExponent), pillShare: 0);
        Assert.Equal(1, hazard, 12);
        Assert.Equal(P.PotencyCvPowder, PotencySpread.Cv(second), 12);
    }

    [Fact]
    public void Should_Raise_The_Hazard_With_The_Pill_Share_And_With_A_Mix_Of_Strengths()
    {
        double Hazard(double pills) => PotencySpread.Of(P, 1, 1, 1, 1, pills).Hazard;
        // κ = 2: a pill dose carries (1 + 1²) / (1 + 0.6²) = 1.47 times the hazard of a powder dose of the same mean.
        Assert.Equal(1 + 0.3 * (2 / 1.36 - 1), Hazard(0.3), 12);
        Assert.True(Hazard(0.6) > Hazard(0.3));

        // Half the mass fentanyl (p = 1), half an analogue (p = 0.5): p̄ = 0.75, E[(p / p̄)²] = (1 + 0.25) / 2 / 0.5625.
        var (mixed, second) = PotencySpread.Of(P, 2, 1.5, 1.25, 1.25, 0);
        Assert.Equal(0.625 / 0.5625, mixed, 12);
        Assert.Equal(Math.Sqrt(0.625 / 0.5625 * 1.36 - 1), PotencySpread.Cv(second), 12);
    }

    [Fact]
    public void Should_Use_The_Lognormal_Moment_Identity_The_Factor_Rests_On()
    {
        // E[(X/μ)^κ] = (1 + c²)^(κ(κ−1)/2) for a lognormal X of mean μ and CV c; checked by quadrature over the normal.
        foreach (var (c, k) in new[] { (0.6, 2.0), (1.0, 2.0), (1.0, 1.5), (0.3, 3.0) })
        {
            var s2 = Math.Log(1 + c * c);
            double sum = 0, weight = 0;
            for (var z = -10.0; z <= 10.0; z += 0.001)
            {
                var w = Math.Exp(-z * z / 2);
                sum += w * Math.Exp(k * (Math.Sqrt(s2) * z - s2 / 2));
                weight += w;
            }
            Assert.Equal(Math.Pow(1 + c * c, k * (k - 1) / 2), sum / weight, 6);
        }
    }

    [Fact]
    public void Should_Kill_More_Where_Pills_Are_Pressed_Unevenly_And_Report_The_Spread()
    {
        var baseline = ScenarioRun.Of("baseline.yaml");
        // Pills as even as powder: the pill part of the spread is gone, and so is the extra hazard it carried.
        var even = ScenarioRun.Of("baseline.yaml", edits: d => d.Set("parameters.potency-cv-pill", 0.6));
        int from = baseline.TickOf("2020-01"), to = baseline.TickOf("2023-01");
        double Deaths(ScenarioRun r) => r.Sum("overdose_deaths", "region=US-", from, to);
        double Cv(ScenarioRun r) => r.Sum("retail_potency_cv", "region=US-NE", from, to) / (to - from);
        var pills = baseline.Sum("counterfeit_pill_share", "region=US-NE", from, to) / (to - from);
        Assert.InRange(pills, 0.15, 0.4);
        Assert.True(Cv(baseline) > Cv(even) + 0.05, $"CV {Cv(baseline):F3} against even pills {Cv(even):F3}");
        // 20-30% of doses pills at 1.47 times the hazard: about 10% more deaths (less the people who are no longer there to die).
        var extra = Deaths(baseline) / Deaths(even) - 1;
        Assert.InRange(extra, 0.04, 0.2);
    }
}
