using SupplySim.Model.Agents;
using SupplySim.Model.Engine;
using SupplySim.Model.World;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>A "market held" run (docs/experiments.md#direct-and-market-effects): its people face the baseline's market, tick by tick.</summary>
public class HeldMarketTests
{
    private static readonly Scenario Tiny = ScenarioLoader.Load(Repo.Path("tests", "Scenarios", "tiny.yaml"));

    /// <summary>Each tick's deaths, and what the people of each market shard saw.</summary>
    private static (double[] Deaths, List<double[]> Seen) Run(WorldSpec spec)
    {
        var engine = new LocalEngine(spec, Tiny.FirmsPerShard, Tiny.PeoplePerShard);
        var deaths = new double[spec.Ticks];
        var seen = new List<double[]>();
        for (var t = 0; t < spec.Ticks; t++)
        {
            engine.Step();
            var folded = engine.LastFolded!;
            for (var j = 0; j < spec.Jurisdictions.Length; j++) deaths[t] += folded.Deaths[j];
            seen.Add(engine.Coordinator.MarketSeen());
        }
        return (deaths, seen);
    }

    private static readonly Lazy<(double[] Deaths, List<double[]> Seen)> Baseline = new(() => Run(Tiny.Spec));

    /// <summary>The tiny world with US treatment places tripled from its second month: a lever on the people.</summary>
    private static WorldSpec WithTreatment()
        => ScenarioLoader.Parse(File.ReadAllText(Tiny.SourcePath).Replace("interventions:\n", "interventions:\n  - { type: treatment-capacity, date: 2017-02, jurisdiction: [US-NE, US-S], share: 0.15 }\n"), Tiny.SourcePath).Spec;

    /// <summary>The tiny world with the border budget quadrupled from its second month: a lever on the market alone.</summary>
    private static WorldSpec WithBorderBudget()
        => Tiny.Spec with { Interventions = [.. Tiny.Spec.Interventions, new EnforcementBudget(1, "border x4", 0, 200_000_000, null)] };

    [Fact]
    public void Given_A_Held_Baseline_Market_When_A_Treatment_Scenario_Runs_Then_Its_People_See_The_Baseline_Market_Every_Tick()
    {
        var held = HeldMarket.Of(Baseline.Value.Seen);
        var (_, seen) = Run(WithTreatment() with { HeldMarket = held });
        var (_, free) = Run(WithTreatment());
        Assert.NotEqual(Baseline.Value.Seen.SelectMany(v => v), free.SelectMany(v => v)); // the scenario moves its own market
        for (var t = 0; t < seen.Count; t++) Assert.Equal(Baseline.Value.Seen[t], seen[t]);
    }

    [Fact]
    public void Given_A_Lever_That_Reaches_No_Person_When_Its_Market_Is_Held_Then_Deaths_Are_The_Baseline_s()
    {
        var spec = WithBorderBudget();
        var (own, _) = Run(spec);
        Assert.NotEqual(Baseline.Value.Deaths, own); // the lever changes deaths through the market
        var (held, _) = Run(spec with { HeldMarket = HeldMarket.Of(Baseline.Value.Seen) });
        Assert.Equal(Baseline.Value.Deaths, held); // direct = 0, tick by tick
    }
}
