using SupplySim.Model.World;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>
/// The stimulant keys (docs/scenarios.md): <c>products</c> of lab and broker groups, and a <c>role: stimulant</c> substance. Left
/// out, groups make and offer what they did before; a bad value is one line with the file, line and column.
/// </summary>
public class StimulantKeysTests
{
    private static readonly string Tiny = File.ReadAllText(Repo.Path("tests", "Scenarios", "tiny.yaml"));

    private static string Meth(string lab = "products: [methamphetamine]", string broker = "products: [p2p]", string substance = "{ id: methamphetamine, role: stimulant }")
    {
        // The meth substance and P2P after 4-AP, their route after fentanyl's from 4-AP, a P2P broker and a meth lab after the first groups.
        return ScenarioDocument.Parse(Tiny, "s.yaml")
            .InsertAfter("world.substances[id=4-ap]", "{ id: p2p, role: precursor, price-usd-per-kg: 150 }")
            .InsertAfter("world.substances[id=4-ap]", substance)
            .InsertAfter("world.routes[output=fentanyl,input=4-ap]", "{ output: methamphetamine, input: p2p, yield: 0.5 }")
            .InsertAfter("actors.brokers[jurisdiction=CN]", $"{{ jurisdiction: CN, count: 3, {broker} }}")
            .InsertAfter("actors.labs[jurisdiction=MX]", $"{{ jurisdiction: MX, count: 2, capacity-kg-per-month: 10, {lab} }}")
            .Yaml();
    }

    private static void Rejects(string text, string problem)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "s.yaml"));
        Assert.StartsWith($"s.yaml:{e.Line}:{e.Column}: {problem}", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Should_Read_Products_And_Default_To_The_Opioid_Chain()
    {
        var spec = ScenarioLoader.Parse(Meth(), "s.yaml").Spec;
        var meth = Array.FindIndex(spec.Substances, s => s.Id == "methamphetamine");
        var p2p = Array.FindIndex(spec.Substances, s => s.Id == "p2p");
        Assert.Equal(SubstanceRole.Stimulant, spec.Substances[meth].Role);
        Assert.Equal(0, spec.Substances[meth].Potency);
        Assert.Null(spec.Labs[0].Products);
        Assert.Equal([meth], spec.Labs[1].Products!);
        Assert.Null(spec.Brokers[0].Products);
        Assert.Equal([p2p], spec.Brokers[1].Products!);
        Assert.True(Model.Rules.Stimulants.Traded(spec));
        // The default lab group makes the opioids, the default broker group offers their precursors, not P2P.
        Assert.False(Model.Rules.Stimulants.Makes(spec, spec.Labs[0])[meth]);
        Assert.False(Model.Rules.Stimulants.Offers(spec, spec.Brokers[0])[p2p]);
        Assert.False(Model.Rules.Stimulants.Serves(spec, spec.Brokers[1], spec.Labs[0]));
        Assert.True(Model.Rules.Stimulants.Serves(spec, spec.Brokers[1], spec.Labs[1]));
        // Without a group that makes it, a stimulant in the catalogue is not traded.
        Assert.False(Model.Rules.Stimulants.Traded(ScenarioLoader.Parse(Meth(lab: "products: [fentanyl]"), "s.yaml").Spec));
    }

    [Fact]
    public void Should_Keep_The_Baseline_World_Under_The_Stimulant_Market_Catalogue()
    {
        // stimulant-market.yaml writes the whole world: (a child's world: replaces the base's); it must stay the baseline's
        // with methamphetamine, P2P and their route appended, so the comparison with the baseline stays fair.
        var baseline = ScenarioLoader.Load(Repo.Scenario("baseline.yaml")).Spec;
        var stimulant = ScenarioLoader.Load(Repo.Scenario("stimulant-market.yaml")).Spec;
        Assert.Equal(baseline.Jurisdictions, stimulant.Jurisdictions);
        Assert.Equal(baseline.Substances.Length + 2, stimulant.Substances.Length);
        for (var s = 0; s < baseline.Substances.Length; s++)
        {
            Assert.Equal(baseline.Substances[s] with { Classes = [] }, stimulant.Substances[s] with { Classes = [] });
            Assert.Equal(baseline.Substances[s].Classes, stimulant.Substances[s].Classes);
        }
        Assert.Equal(["methamphetamine", "p2p"], stimulant.Substances[^2..].Select(x => x.Id));
        Assert.Equal(baseline.Routes, stimulant.Routes[..baseline.Routes.Length]);
        Assert.Single(stimulant.Routes[baseline.Routes.Length..]);
        Assert.Equal(baseline.InitialScheduling, stimulant.InitialScheduling);
        Assert.Equal(baseline.Trust, stimulant.Trust);
        Assert.Equal(baseline.Parameters, stimulant.Parameters);
        Assert.Equal(baseline.Interventions.Length, stimulant.Interventions.Length);
    }

    [Fact]
    public void Should_Reject_Bad_Products_And_A_Potent_Stimulant_On_One_Line()
    {
        Rejects(Meth(lab: "products: [p2p]"), "actors.labs[1].products names 'p2p', which no route makes");
        Rejects(Meth(lab: "products: [fentanyl, methamphetamine]"), "actors.labs[1].products mixes stimulants and opioids");
        Rejects(Meth(lab: "products: [cocaine]"), "actors.labs[1].products: unknown substance 'cocaine'");
        Rejects(Meth(broker: "products: [methamphetamine]"), "actors.brokers[1].products names 'methamphetamine', which no route takes");
        Rejects(Meth(substance: "{ id: methamphetamine, role: stimulant, potency: 1 }"), "world.substances[3].potency: a stimulant is never fentanyl-equivalent");
    }
}
