using SupplySim.Scenarios;
using SupplySim.Testing;
using SupplySim.Workshop;
using Xunit;

namespace SupplySim.Cli.Tests.Workshop;

/// <summary>The workshop's levers are scenario edits: paths a sweep can vary, or interventions appended from a chosen month.</summary>
public class LeverCatalogueTests
{
    [Fact]
    public void Should_Offer_An_Extending_Scenarios_Own_Measures_First_And_Keep_History_Apart()
    {
        var c = LeverCatalogue.For(Repo.Scenario("kyc-adoption.yaml"));

        var own = c.Levers.Where(l => l.Group == LeverCatalogue.OwnGroup).ToArray();
        Assert.Equal(["i27.share"], own.Select(l => l.Id));
        Assert.Equal("interventions[27].share", own[0].Path);
        Assert.Contains(c.Levers, l => l.Id == "i5.on" && l.Group == LeverCatalogue.HistoryGroup); // the 2019 class scheduling, on/off
        Assert.Contains(c.Levers, l => l.Id == "added.aml"); // the baseline world has US-CN trust, so AML cooperation can be added
        Assert.Contains(c.Levers, l => l.Id == "added.pillpress"); // ... and so can pill-press controls
        Assert.Contains(c.Levers, l => l.Id == "added.earlywarning");
    }

    [Fact]
    public void Should_Offer_The_Weight_Of_Acts_Of_Cooperation_As_A_Room_S_Own_Measures()
    {
        var c = LeverCatalogue.For(Repo.Scenario("reinforce-cooperation.yaml"));
        var own = c.Levers.Where(l => l.Group == LeverCatalogue.OwnGroup).ToArray();
        Assert.Equal(2, own.Length);
        Assert.All(own, l => Assert.EndsWith(".weight", l.Id));
        Assert.All(own, l => Assert.Contains("CN toward US", l.Help));
        // Setting the 2019 act to 0 (China never acted) is an override that compiles.
        var values = c.Check(new Dictionary<string, string?> { [own[0].Id] = "0" });
        var edit = c.Edit(values);
        Assert.Equal([new SettingOverride(own[0].Path!, "0")], edit.Overrides);
        Assert.NotNull(ScenarioLoader.Parse(edit.Write(c.ScenarioFile), "edited.yaml").Spec);
    }

    [Fact]
    public void Should_Turn_Lever_Values_Into_Overrides_And_Appended_Interventions_That_Compile()
    {
        var c = LeverCatalogue.For(Repo.Scenario("quickstart.yaml"));
        var values = c.Check(new Dictionary<string, string?> { ["i2.on"] = "off", ["i2.date"] = "2019-05", ["agency2.budget"] = "3e8", ["added.naloxone"] = "0.6", ["added.from"] = "2019-01" });

        var edit = c.Edit(values);

        Assert.Equal([new SettingOverride("interventions[2].lift", "true"), new SettingOverride("actors.agencies[2].budget-usd-per-month", "300000000")], edit.Overrides);
        Assert.Equal(["{ type: naloxone, date: 2019-01, jurisdiction: [US-NE, US-MW, US-S, US-W], coverage: 0.6, label: \"workshop: naloxone\" }"], edit.Added);
        var spec = ScenarioLoader.Parse(edit.Write(c.ScenarioFile), "edited.yaml").Spec;
        Assert.Equal(3e8, spec.Agencies[2].BudgetUsdPerMonth);
        Assert.Equal(4, spec.Interventions.Length);
        Assert.Equal("interventions[3].coverage", c.SweepPath(c.Find("added.naloxone")!, values));
    }
}
