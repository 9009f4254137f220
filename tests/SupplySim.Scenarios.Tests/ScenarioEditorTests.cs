using SupplySim.Model.World;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>
/// The edited copy a workshop run writes (extends resolved, overrides applied, interventions appended) must
/// compile to exactly the world the edit describes: running the copy is running the edit.
/// </summary>
public class ScenarioEditorTests
{
    public static TheoryData<string> Shipped => new(Directory.GetFiles(Repo.Path("scenarios"), "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Should_Write_A_Copy_Without_Edits_That_Compiles_To_The_Same_World(string file)
    {
        var path = Repo.Scenario(file);

        var copy = ScenarioEditor.Edit(path, [], []);

        Assert.DoesNotContain("extends:", copy);
        Assert.Equal(SpecJson.Serialize(ScenarioLoader.Load(path).Spec), SpecJson.Serialize(ScenarioLoader.Parse(copy, "copy.yaml").Spec));
    }

    [Fact]
    public void Should_Apply_Overrides_As_A_Sweep_Does_And_Append_Interventions_At_The_End()
    {
        var path = Repo.Scenario("kyc-adoption.yaml");
        SettingOverride[] overrides = [new("interventions[27].share", "0.75"), new("actors.agencies[0].budget-usd-per-month", "4e7")];
        const string naloxone = "{ type: naloxone, date: 2020-01, jurisdiction: [US-NE], coverage: 0.6, label: added }";

        var copy = ScenarioEditor.Edit(path, overrides, [naloxone]);

        var edited = ScenarioLoader.Parse(copy, "copy.yaml").Spec;
        var swept = ScenarioLoader.Load(path, overrides).Spec;
        Assert.Equal(SpecJson.Serialize(swept with { Interventions = edited.Interventions }), SpecJson.Serialize(edited));
        Assert.Equal(swept.Interventions.Length + 1, edited.Interventions.Length);
        Assert.Contains("#   set   interventions[27].share = 0.75", copy);
        Assert.Contains("# Question  If an incentive scheme", copy);
        Assert.DoesNotContain("sweep:", copy);
    }

    [Fact]
    public void Should_List_The_Interventions_An_Extending_File_Adds_As_Its_Own()
    {
        var items = ScenarioEditor.Interventions(Repo.Scenario("kyc-adoption.yaml"));

        Assert.Equal(28, items.Count);
        Assert.Equal([27], items.Where(i => i.Own).Select(i => i.Index));
        Assert.Equal("kyc-adoption", items[27].Type);
        Assert.Equal("0.5", items[27].Fields["share"]);
        Assert.All(ScenarioEditor.Interventions(Repo.Scenario("quickstart.yaml")), i => Assert.True(i.Own));
    }
}
