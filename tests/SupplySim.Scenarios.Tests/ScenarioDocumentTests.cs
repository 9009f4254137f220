using SupplySim.Model.World;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>Edits of a scenario by path: each finds its node whatever the file's layout, and a path that finds nothing throws.</summary>
public class ScenarioDocumentTests
{
    private static ScenarioDocument Quickstart() => ScenarioDocument.Load(Repo.Scenario("quickstart.yaml"));

    [Theory]
    [InlineData("quickstart.yaml")]
    [InlineData("kyc-adoption.yaml")]
    public void Given_No_Edit_When_Written_Then_It_Compiles_To_The_Same_World_As_The_File(string file)
    {
        var written = ScenarioDocument.Load(Repo.Scenario(file)).Compile();

        Assert.Equal(SpecJson.Serialize(ScenarioLoader.Load(Repo.Scenario(file)).Spec), SpecJson.Serialize(written.Spec));
    }

    [Fact]
    public void Given_A_Path_To_A_Value_When_Set_Then_The_World_Has_The_New_Value()
    {
        var spec = Quickstart().Set("actors.agencies[1].budget-usd-per-month", 7e6).Compile().Spec;

        Assert.Equal(7e6, spec.Agencies[1].BudgetUsdPerMonth);
    }

    [Fact]
    public void Given_A_Selection_By_Keys_When_Set_Then_Only_The_Matching_Item_Changes()
    {
        var spec = Quickstart().Set("actors.suppliers[jurisdiction=CN,cohort=multinational].count", 7).Compile().Spec;

        Assert.Equal([300, 7, 100], spec.Suppliers.Select(s => s.Count));
    }

    [Fact]
    public void Given_A_Key_The_Item_Lacks_When_Set_Then_It_Is_Added()
    {
        var spec = Quickstart().Set("actors.labs[jurisdiction=MX].relocate-to", new[] { "CN" }).Compile().Spec;

        Assert.Equal([0], spec.Labs[0].RelocateTo!);
    }

    [Fact]
    public void Given_A_Block_The_File_Lacks_When_A_Key_Under_It_Is_Set_Then_The_Block_Is_Added()
    {
        var spec = Quickstart().Set("parameters.penalty-multiple", 7).Compile().Spec;

        Assert.Equal(7, spec.Parameters.PenaltyMultiple);
    }

    [Fact]
    public void Given_A_Yaml_Snippet_When_Set_Then_The_Value_Is_The_Snippet_s_Nodes()
    {
        var spec = Quickstart().SetYaml("actors.agencies[0].allocation", "{ lab: 1 }").Compile().Spec;

        Assert.Equal("CN-MPS", spec.Agencies[0].Id);
        Assert.Equal(1, spec.Agencies[0].Allocation.Sum());
    }

    [Theory]
    [InlineData("actors.agencies[9].budget-usd-per-month", "actors.agencies[9].budget-usd-per-month: actors.agencies has 4 item(s) (0 to 3), so there is no [9]")]
    [InlineData("actors.labs[jurisdiction=IN].count", "actors.labs[jurisdiction=IN].count: actors.labs has no item with jurisdiction=IN")]
    [InlineData("actors.suppliers[jurisdiction=CN].count", "actors.suppliers[jurisdiction=CN].count: actors.suppliers has 2 items with jurisdiction=CN ([0], [1]); add a key that tells them apart")]
    [InlineData("actorz.labs[0].count", "actorz.labs[0].count: the file has no key 'actorz'; keys there: name, question, start, end, seed, world, actors, interventions")]
    public void Given_A_Path_That_Finds_No_Item_When_Set_Then_It_Throws_Naming_The_Path(string path, string message)
    {
        var e = Assert.Throws<SettingPathException>(() => Quickstart().Set(path, 1));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Given_A_Misspelt_Last_Key_When_Compiled_Then_The_Loader_Rejects_It()
    {
        var e = Assert.Throws<ScenarioException>(() => Quickstart().Set("actors.labs[0].cuont", 1).Compile());

        Assert.Contains("unknown key 'cuont' in actors.labs[0]", e.Message);
    }

    [Fact]
    public void Given_A_List_Item_When_Removed_Then_The_World_Lacks_It()
    {
        var spec = Quickstart().Remove("actors.launderers[method=crypto]").Compile().Spec;

        Assert.Equal(3, spec.Launderers.Length);
    }

    [Fact]
    public void Given_A_Key_When_Removed_Then_The_Loader_Sees_It_Missing()
    {
        var e = Assert.Throws<ScenarioException>(() => Quickstart().Remove("name").Compile());

        Assert.Contains("the file needs the key 'name'", e.Message);
    }

    [Fact]
    public void Given_A_Key_That_Is_Not_There_When_Removed_Then_It_Throws_Naming_The_Path()
    {
        var e = Assert.Throws<SettingPathException>(() => Quickstart().Remove("actors.labs[0].relocate-to"));

        Assert.StartsWith("actors.labs[0].relocate-to: has no key 'relocate-to'", e.Message);
    }

    [Fact]
    public void Given_A_List_When_An_Item_Is_Appended_Then_It_Comes_Last()
    {
        var spec = Quickstart().Append("actors.labs", "{ jurisdiction: IN, count: 5, capacity-kg-per-month: 1 }").Compile().Spec;

        Assert.Equal(3, spec.Labs.Length);
        Assert.Equal(5, spec.Labs[2].Count);
    }

    [Fact]
    public void Given_A_Value_That_Is_Not_A_List_When_Appended_To_Then_It_Throws_Naming_The_Path()
    {
        var e = Assert.Throws<SettingPathException>(() => Quickstart().Append("actors.labs[0]", "{ count: 1 }"));

        Assert.StartsWith("actors.labs[0]: is a mapping", e.Message);
    }

    [Fact]
    public void Given_An_Item_When_Another_Is_Inserted_After_It_Then_It_Comes_Next()
    {
        var spec = Quickstart().InsertAfter("actors.labs[jurisdiction=MX]", "{ jurisdiction: IN, count: 5, capacity-kg-per-month: 1 }").Compile().Spec;

        Assert.Equal([5, 30], spec.Labs[1..].Select(l => l.Count));
    }

    [Fact]
    public void Given_A_List_When_An_Item_Is_Inserted_At_An_Index_Then_It_Is_There()
    {
        var spec = Quickstart().Insert("actors.labs", 0, "{ jurisdiction: IN, count: 5, capacity-kg-per-month: 1 }").Compile().Spec;

        Assert.Equal([5, 60, 30], spec.Labs.Select(l => l.Count));
    }

    [Fact]
    public void Given_A_Star_When_Set_Then_Every_Item_Of_The_List_Changes()
    {
        var spec = Quickstart().Set("actors.launderers[*].fee", 0.01).Compile().Spec;

        Assert.All(spec.Launderers, l => Assert.Equal(0.01, l.Fee));
    }

    [Fact]
    public void Given_A_Selection_By_A_List_Value_When_Set_Then_The_Item_Whose_List_Matches_Changes()
    {
        var spec = Quickstart().Set("actors.agencies[jurisdictions=US-NE+US-MW+US-S+US-W,budget-usd-per-month=100000000].max-pressure", 0.5).Compile().Spec;

        Assert.Equal([0.3, 0.1, 0.2, 0.5], spec.Agencies.Select(a => a.MaxPressure));
    }

    [Fact]
    public void Given_A_File_That_Extends_Another_When_An_Intervention_Is_Added_Then_The_Base_s_Interventions_Stay()
    {
        var path = Repo.Scenario("kyc-adoption.yaml");
        var before = ScenarioLoader.Load(path).Spec.Interventions.Length;

        var spec = ScenarioDocument.Load(path).AddIntervention("{ type: naloxone, date: 2020-01, jurisdiction: [US-NE], coverage: 0.6 }").Compile().Spec;

        Assert.Equal(before + 1, spec.Interventions.Length);
    }

    [Fact]
    public void Given_An_Edited_Value_When_Located_Then_It_Is_Where_The_Loader_Reports_It()
    {
        var document = Quickstart().Set("actors.suppliers[0].kyc-share", 1.5);

        var e = Assert.Throws<ScenarioException>(() => document.Compile());

        Assert.Equal(document.Locate("actors.suppliers[0].kyc-share"), ((int)e.Line, (int)e.Column));
        Assert.EndsWith("kyc-share: 1.5", document.Yaml().Split('\n')[(int)e.Line - 1][..((int)e.Column + 2)]);
    }

    [Fact]
    public void Given_A_Value_When_Read_Then_It_Is_The_Text_Of_The_File()
        => Assert.Equal("0.1", Quickstart().Get("actors.suppliers[0].kyc-share"));
}
