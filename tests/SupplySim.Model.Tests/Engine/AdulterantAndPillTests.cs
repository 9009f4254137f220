using SupplySim.Scenarios;
using SupplySim.Model.Rules;
using SupplySim.Model.World;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Xylazine (a cut that naloxone does not reverse, L490, L2180) and counterfeit pills from the labs' presses
/// (L417, L2184): the rule, and what they do in whole runs of the baseline.
/// </summary>
public class AdulterantAndPillTests
{
    private static readonly ModelParameters P = new();
    private static readonly string[] Us = ["US-NE", "US-MW", "US-S", "US-W"];
    private const string XylazineShare = "actors.populations[region=US-NE].xylazine-share"; // where xylazine starts (L490)

    private static int Tick(ScenarioRun run, int year, int month) => (year - run.Spec.Start.Year) * 12 + month - 1;

    private static double Share(ScenarioRun run, string region, int year, int month)
        => run.Value(Tick(run, year, month), "adulterant_share", $"substance=xylazine;region={region}");

    [Fact]
    public void Should_Take_Part_Of_Naloxones_Effect_Away_On_Doses_Cut_With_Xylazine()
    {
        var plain = new OverdoseHazard(P, 1.5, 1, 0.8, xylazineShare: 0);
        var cut = new OverdoseHazard(P, 1.5, 1, 0.8, xylazineShare: 1);
        Assert.True(cut.Oud(false) > plain.Oud(false) * 1.2, $"{cut.Oud(false)} vs {plain.Oud(false)}");
        Assert.Equal(1, cut.XylazineDeathShare, 12);
        Assert.Equal(0, plain.XylazineDeathShare, 12);

        // Without naloxone, and with no extra toxicity, the cut changes nothing but the attribution.
        var none = new OverdoseHazard(P, 1.5, 1, 0, xylazineShare: 0.3);
        Assert.Equal(new OverdoseHazard(P, 1.5, 1, 0).Oud(true), none.Oud(true), 12);
        Assert.Equal(0.3, none.XylazineDeathShare, 12);
    }

    [Fact]
    public void Should_Spread_Xylazine_From_The_East_Coast_And_Make_It_Recede_Where_It_Is_Scheduled()
    {
        var run = ScenarioRun.Of("baseline.yaml");
        var unscheduled = ScenarioRun.Of("baseline.yaml", edits:
            d => d.Set("interventions[type=schedule-substance,date=2023-04,substance=xylazine].jurisdiction", new[] { "CA" }));

        // It starts in the Northeast (L490) and reaches the other regions by imitation across the country.
        foreach (var r in Us.Skip(1))
        {
            Assert.True(Share(run, "US-NE", 2019, 1) > 3 * Share(run, r, 2019, 1), $"{r}: NE {Share(run, "US-NE", 2019, 1)} vs {Share(run, r, 2019, 1)}");
            Assert.True(Share(run, r, 2022, 12) > 3 * Share(run, r, 2019, 1), $"{r}: 2022 {Share(run, r, 2022, 12)} vs 2019 {Share(run, r, 2019, 1)}");
        }

        // Scheduling in the US regions in 2023-04 deters the cut: by the end of 2025 it is below where it stood, and
        // well below the run in which it is not scheduled.
        Assert.True(Share(run, "US-NE", 2025, 12) < Share(run, "US-NE", 2023, 4), $"{Share(run, "US-NE", 2025, 12)} vs {Share(run, "US-NE", 2023, 4)}");
        Assert.True(Share(run, "US-NE", 2025, 12) < 0.7 * Share(unscheduled, "US-NE", 2025, 12));
        var xylDeaths = run.Sum("overdose_deaths_xylazine", "region=US-", Tick(run, 2024, 1), Tick(run, 2026, 1));
        var xylDeathsUnscheduled = unscheduled.Sum("overdose_deaths_xylazine", "region=US-", Tick(run, 2024, 1), Tick(run, 2026, 1));
        Assert.True(xylDeaths < 0.8 * xylDeathsUnscheduled, $"{xylDeaths} vs {xylDeathsUnscheduled}");
    }

    [Fact]
    public void Should_Avert_A_Smaller_Share_Of_Deaths_With_Naloxone_Where_Xylazine_Has_Spread()
    {
        double Deaths(ScenarioRun r) => r.Sum("overdose_deaths", "region=US-", Tick(r, 2020, 1), Tick(r, 2026, 1));
        Action<ScenarioDocument> withoutXylazine = d => d.Set(XylazineShare, 0);
        // The two items of scenarios/naloxone-vs-xylazine.yaml, on the baseline with and without xylazine.
        string[] items =
        [
            "{ type: naloxone, date: 2018-04, jurisdiction: [US-NE, US-MW, US-S, US-W], coverage: 0.6, ramp-months: 36 }",
            "{ type: naloxone, date: 2023-09, jurisdiction: [US-NE, US-MW, US-S, US-W], coverage: 0.8, ramp-months: 12 }",
        ];
        var baseline = ScenarioRun.Of("baseline.yaml");
        var push = ScenarioRun.Of("baseline.yaml", interventions: items);
        var baselineClean = ScenarioRun.Of("baseline.yaml", edits: withoutXylazine);
        var pushClean = ScenarioRun.Of("baseline.yaml", interventions: items, edits: withoutXylazine);

        var averted = 1 - Deaths(push) / Deaths(baseline);
        var avertedClean = 1 - Deaths(pushClean) / Deaths(baselineClean);
        Assert.True(averted > 0.05, $"naloxone averts {averted:P1}");
        Assert.True(averted < avertedClean, $"with xylazine {averted:P2}, without {avertedClean:P2}");
    }

    [Fact]
    public void Should_Cut_The_Counterfeit_Pill_Share_When_Exporters_Stop_Pill_Presses()
    {
        static double Pills(ScenarioRun r, int year) => Us.Average(reg => Enumerable.Range(1, 12).Average(m => r.Value(Tick(r, year, m), "counterfeit_pill_share", $"region={reg}")));
        // Every exporter commits to the US and trust is full, so the control is not diluted by the trust ceiling.
        Action<ScenarioDocument> trust = d => d.Set("world.trust[between=US+CN].initial", 1.0)
            .InsertAfter("world.trust[between=US+CN]", "{ between: [US, IN], initial: 1.0 }").InsertAfter("world.trust[between=US+IN]", "{ between: [US, OTHER], initial: 1.0 }");
        var run = ScenarioRun.Of("baseline.yaml", edits: trust);
        var controlled = ScenarioRun.Of("baseline.yaml", interventions:
            ["{ type: pill-press-controls, date: 2019-01, jurisdiction: [CN, IN, OTHER], with: US, intensity: 1.0 }"], edits: trust);

        // Counterfeit pills grow to a sizeable share of supply (over a quarter of fentanyl seizures in recent years, L2184).
        Assert.True(Pills(run, 2021) > 0.15, $"pill share 2021 {Pills(run, 2021):P1}");
        Assert.True(Pills(run, 2021) > Pills(run, 2016), $"{Pills(run, 2021)} vs {Pills(run, 2016)}");
        // Stopping press exports lets presses wear out: the share falls, and fewer people start using (pills reach new users).
        Assert.True(Pills(controlled, 2021) < 0.6 * Pills(run, 2021), $"{Pills(controlled, 2021)} vs {Pills(run, 2021)}");
        var users = run.Sum("people", "state=use;region=US-", Tick(run, 2022, 12), Tick(run, 2022, 12) + 1);
        var usersControlled = controlled.Sum("people", "state=use;region=US-", Tick(run, 2022, 12), Tick(run, 2022, 12) + 1);
        Assert.True(usersControlled < users, $"{usersControlled} vs {users}");
    }

    [Fact]
    public void Should_Let_More_Pills_Through_The_Border_When_They_Are_Harder_To_Detect()
    {
        Action<ScenarioDocument> hidden = d => d.Set("parameters.pill-route-detection-share", 0);
        var run = ScenarioRun.Of("baseline.yaml");
        var unseen = ScenarioRun.Of("baseline.yaml", edits: hidden);
        int from = Tick(run, 2019, 1), to = Tick(run, 2023, 1);
        // Pills are never seized on the route (L1798): fewer route seizures, and pills are a larger share of what sells.
        var seized = run.Sum("seized_kg", "stage=route;material=drug", from, to);
        var seizedUnseen = unseen.Sum("seized_kg", "stage=route;material=drug", from, to);
        Assert.True(seizedUnseen < 0.95 * seized, $"{seizedUnseen} vs {seized}");
        double Pills(ScenarioRun r) => Us.Average(reg => r.Value(Tick(r, 2022, 12), "counterfeit_pill_share", $"region={reg}"));
        Assert.True(Pills(unseen) > Pills(run), $"{Pills(unseen)} vs {Pills(run)}");
        // The same draw decides powder and pills, so before the labs have presses the two runs are identical.
        Assert.Equal(run.Value(0, "seized_kg", "stage=route;material=drug"), unseen.Value(0, "seized_kg", "stage=route;material=drug"));
    }
}
