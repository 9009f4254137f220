using System.Text.Json.Nodes;
using SupplySim.Testing;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios.Tests;

/// <summary>
/// The JSON Schema must describe exactly what the loader accepts. These tests ask the loader itself (its
/// "allowed keys" and "allowed" lists) and compare, so a key or name added to the loader fails here until
/// ScenarioSchema has it too; and they check the committed docs/scenario.schema.json is current.
/// </summary>
public class ScenarioSchemaTests
{
    private static readonly string TinyFile = Repo.Path("tests", "Scenarios", "tiny.yaml");
    private static readonly string Tiny = File.ReadAllText(TinyFile);
    private static readonly JsonNode Schema = JsonNode.Parse(ScenarioSchema.Json)!;

    private static ScenarioException Fail(string path, string value = "1")
        => Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Tiny, "t.yaml", overrides: [new SettingOverride(path, value)]));

    private static string[] AllowedAfter(string marker, string problem)
        => problem[(problem.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Split(", ").Order(StringComparer.Ordinal).ToArray();

    private static string[] Properties(JsonNode node) => node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    private static JsonNode At(params string[] steps)
    {
        var node = Schema;
        foreach (var s in steps) node = s == "[]" ? node["items"]! : s.StartsWith('#') ? node["allOf"]![int.Parse(s[1..])]!["then"]! : node["properties"]![s]!;
        return node;
    }

    public static TheoryData<string, string> Mappings() => new()
    {
        { "sharding", "sharding" },
        { "world", "world" },
        { "world.substances[0]", "world substances []" },
        { "world.routes[0]", "world routes []" },
        { "world.scheduled[0]", "world scheduled []" },
        { "actors", "actors" },
        { "actors.suppliers[0]", "actors suppliers []" },
        { "actors.brokers[0]", "actors brokers []" },
        { "actors.labs[0]", "actors labs []" },
        { "actors.launderers[0]", "actors launderers []" },
        { "actors.agencies[0]", "actors agencies []" },
        { "actors.agencies[0].allocation", "actors agencies [] allocation" },
        { "actors.populations[0]", "actors populations []" },
        { "interventions[0]", "interventions [] #0" },
        { "interventions[1]", "interventions [] #1" },
        { "interventions[2]", "interventions [] #2" },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Should_List_Exactly_The_Keys_The_Loader_Accepts_In(string yamlPath, string schemaPath)
    {
        var e = Fail(yamlPath + ".zz-probe");
        Assert.Contains($"unknown key 'zz-probe' in {yamlPath}", e.Problem);
        Assert.Equal(AllowedAfter("allowed keys: ", e.Problem), Properties(At(schemaPath.Split(' '))));
    }

    [Fact]
    public void Should_List_Exactly_The_Top_Level_Keys_And_Parameters_The_Loader_Accepts()
    {
        var root = Fail("zz-probe");
        Assert.Equal(AllowedAfter("allowed keys: ", root.Problem).Append(ScenarioOverrides.SweepKey).Order(StringComparer.Ordinal), Properties(Schema));
        var parameters = Fail("parameters.zz-probe");
        Assert.Equal(AllowedAfter("allowed: ", parameters.Problem), Properties(At("parameters")));
    }

    [Fact]
    public void Should_List_Exactly_The_Keys_Of_The_Sweep_Block()
    {
        string Probe(string sweep) => Assert.Throws<ScenarioException>(() => ScenarioDocument.Parse(Tiny, "t.yaml").SetYaml("sweep", sweep).Compile()).Problem;
        Assert.Equal(AllowedAfter("allowed keys: ", Probe("{ vary: [{ path: seed, values: [1] }], zz-probe: 1 }")), Properties(At("sweep")));
        var vary = Probe("{ vary: [{ path: seed, values: [1], zz-probe: 1 }] }");
        Assert.Equal(AllowedAfter("allowed keys: ", vary).Append("step").Append("to").Order(StringComparer.Ordinal), Properties(At("sweep", "vary", "[]")));
    }

    [Theory]
    [InlineData("world.substances[0].role", "world substances [] role")]
    [InlineData("actors.launderers[0].method", "actors launderers [] method")]
    [InlineData("actors.suppliers[0].cohort", "actors suppliers [] cohort")]
    [InlineData("interventions[0].type", "interventions [] type")]
    public void Should_Allow_Exactly_The_Names_The_Loader_Allows(string yamlPath, string schemaPath)
    {
        var e = Fail(yamlPath, "zz");
        var names = At(schemaPath.Split(' '))["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(AllowedAfter("allowed: ", e.Problem), names);
    }

    [Fact]
    public void Should_Describe_Every_Key_Used_By_Every_Shipped_Scenario()
    {
        var missing = new List<string>();
        var files = Directory.GetFiles(Repo.Path("scenarios"), "*.yaml").Append(TinyFile).Append(Repo.Path("tests", "Scenarios", "tiny-surge.yaml"));
        foreach (var file in files)
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            Walk(yaml.Documents[0].RootNode, Schema, Path.GetFileName(file) + ":", missing);
        }
        Assert.Empty(missing);
    }

    private static void Walk(YamlNode yaml, JsonNode schema, string at, List<string> missing)
    {
        if (yaml is YamlMappingNode map)
            foreach (var (k, v) in map.Children)
            {
                var key = ((YamlScalarNode)k).Value!;
                var sub = schema["properties"]?[key]
                    ?? schema["allOf"]?.AsArray().Select(a => a!["then"]!["properties"]![key]).FirstOrDefault(n => n is JsonObject);
                if (sub is null) missing.Add($"{at}{key}");
                else Walk(v, sub, $"{at}{key}.", missing);
            }
        else if (yaml is YamlSequenceNode seq && schema["items"] is { } items)
            foreach (var item in seq.Children) Walk(item, items, at + "[].", missing);
    }

    [Fact]
    public void Should_Be_Committed_As_Docs_Scenario_Schema_Json()
        => Assert.Equal(ScenarioSchema.Json, File.ReadAllText(Repo.Path("docs", "scenario.schema.json")));

    [Fact]
    public void Should_Be_Referenced_By_Every_Shipped_Scenario()
    {
        foreach (var file in Directory.GetFiles(Repo.Path("scenarios"), "*.yaml"))
            Assert.Equal("# yaml-language-server: $schema=../docs/scenario.schema.json", File.ReadLines(file).First());
    }
}
