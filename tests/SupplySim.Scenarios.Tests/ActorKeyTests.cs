using System.Globalization;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>Actor keys are declared once (Keys/ActorKeys.cs): the loader checks each against its declared range and default.</summary>
public class ActorKeyTests
{
    private static readonly string Tiny = File.ReadAllText(Repo.Path("tests", "Scenarios", "tiny.yaml"));

    public static TheoryData<string, string> Keys()
    {
        var data = new TheoryData<string, string>();
        foreach (var (list, key) in ActorKeys.All) data.Add(list, key.Name);
        return data;
    }

    private static ScenarioKey Find(string list, string name) => ActorKeys.All.Single(k => k.List == list && k.Key.Name == name).Key;

    [Theory]
    [MemberData(nameof(Keys))]
    public void Should_Reject_A_Value_Above_The_Declared_Range_In_The_Declared_Words(string list, string name)
    {
        var key = Find(list, name);
        var path = $"actors.{list}[0].{name}";
        var above = key.IsInteger ? key.Max + 1 : key.Max * 2 + 1;
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Tiny, "t.yaml",
            overrides: [new SettingOverride(path, above.ToString(CultureInfo.InvariantCulture))]));
        Assert.Contains($"{path} is ", e.Problem);
        Assert.EndsWith($"allowed: {key.AllowedText}", e.Problem);
    }

    [Fact]
    public void Should_Declare_Defaults_Inside_Their_Ranges_And_Every_Key_Once()
    {
        Assert.All(ActorKeys.All, k => Assert.True(k.Key.Default is not { } d || (d >= k.Key.Min && d <= k.Key.Max), k.Key.Name));
        Assert.Equal(ActorKeys.All.Count, ActorKeys.All.Select(k => (k.List, k.Key.Name)).Distinct().Count());
    }
}
