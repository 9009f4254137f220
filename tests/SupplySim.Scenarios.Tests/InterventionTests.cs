using System.Text.Json;
using System.Text.Json.Nodes;
using SupplySim.Model.World;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>Interventions are a closed set of typed records, read from one table of item types.</summary>
public class InterventionTests
{
    private static IEnumerable<string> ShippedFiles() => Directory.GetFiles(Repo.Path("scenarios"), "*.yaml").Order(StringComparer.Ordinal);

    [Fact]
    public void Should_Cross_Grains_As_Json_With_Every_Kind_And_Field_Intact()
    {
        var kinds = new HashSet<Type>();
        foreach (var file in ShippedFiles())
        {
            var spec = ScenarioLoader.Load(file).Spec;
            var back = SpecJson.Deserialize(SpecJson.Serialize(spec));
            Assert.Equal(spec.Interventions.Select(i => i.GetType()), back.Interventions.Select(i => i.GetType()));
            Assert.Equal(spec.Interventions.Select(Json), back.Interventions.Select(Json));
            kinds.UnionWith(spec.Interventions.Select(i => i.GetType()));
        }
        Assert.Contains(typeof(SetLever), kinds);
        Assert.Contains(typeof(EnforcementBudget), kinds);
    }

    private static string Json(Intervention i) => JsonSerializer.Serialize(i);

    [Fact]
    public void Should_Describe_In_The_Schema_Exactly_The_Keys_Each_Type_Declares()
    {
        var branches = JsonNode.Parse(ScenarioSchema.Json)!["properties"]!["interventions"]!["items"]!["allOf"]!.AsArray();
        var schemaKeys = branches.ToDictionary(
            b => b!["if"]!["properties"]!["type"]!["const"]!.GetValue<string>(),
            b => b!["then"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(ScenarioLoader.InterventionTypes.Order(StringComparer.Ordinal), schemaKeys.Keys.Order(StringComparer.Ordinal));
        foreach (var type in ScenarioLoader.InterventionTypes)
            Assert.Equal(ScenarioLoader.InterventionKeys[type], schemaKeys[type]);
    }

    [Fact]
    public void Should_List_A_Types_Declared_Keys_When_An_Item_Has_Another()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioDocument.Load(Repo.Path("tests", "Scenarios", "tiny.yaml"))
            .AddIntervention("{ type: naloxone, date: 2018-01, jurisdiction: US-NE, coverage: 0.5, zz-probe: 1 }").Compile());
        Assert.Contains("allowed keys: coverage, date, jurisdiction, label, ramp-months, type", e.Message);
    }
}
