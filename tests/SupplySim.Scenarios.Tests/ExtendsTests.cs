using SupplySim.Model.World;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

public class ExtendsTests
{
    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Should_Start_From_The_Base_Append_Interventions_And_Merge_Parameters()
    {
        var dir = Repo.TempDir("extends");
        try
        {
            File.Copy(Repo.Scenario("baseline.yaml"), Path.Combine(dir, "baseline.yaml"));
            var child = Write(dir, "child.yaml", """
                extends: baseline.yaml
                name: child
                question: what if?
                parameters:
                  penalty-multiple: 7
                add-interventions:
                  - { type: naloxone, date: 2020-01, jurisdiction: US-NE, coverage: 0.9 }
                """);
            var b = ScenarioLoader.Load(Path.Combine(dir, "baseline.yaml")).Spec;
            var c = ScenarioLoader.Load(child).Spec;
            Assert.Equal("child", c.Name);
            Assert.Equal(b.Ticks, c.Ticks);
            Assert.Equal(b.Interventions.Length + 1, c.Interventions.Length);
            Assert.Equal(Lever.NaloxoneCoverage, Assert.IsType<SetLever>(c.Interventions[^1]).Lever);
            Assert.Equal(7, c.Parameters.PenaltyMultiple);
            Assert.Equal(b.Parameters.SupplierCapacityAdjust, c.Parameters.SupplierCapacityAdjust);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Should_Report_A_Missing_Base_And_A_Child_Mistake_In_The_Child_File()
    {
        var dir = Repo.TempDir("extends-bad");
        try
        {
            var missing = Write(dir, "a.yaml", "extends: nowhere.yaml\nname: a\n");
            var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(missing));
            Assert.Equal($"{missing}:1:10: extends: 'nowhere.yaml' not found next to a.yaml; give a path relative to this file", e.Message);

            File.Copy(Repo.Scenario("baseline.yaml"), Path.Combine(dir, "baseline.yaml"));
            var bad = Write(dir, "b.yaml", "extends: baseline.yaml\nname: b\nadd-interventions:\n  - { type: naloxone, date: 2030-01, jurisdiction: US-NE, coverage: 0.9 }\n");
            var e2 = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(bad));
            Assert.StartsWith($"{bad}:4:", e2.Message);
            Assert.Contains("is outside the run", e2.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Runs <paramref name="test"/> on a temporary folder holding a copy of the baseline.</summary>
    private static void NextToBaseline(string tag, Action<string> test)
    {
        var dir = Repo.TempDir(tag);
        try
        {
            File.Copy(Repo.Scenario("baseline.yaml"), Path.Combine(dir, "baseline.yaml"));
            test(dir);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Should_Append_Added_Actors_To_The_Lists_Of_The_Base() => NextToBaseline("extends-actors", dir =>
    {
        var child = Write(dir, "child.yaml", """
            extends: baseline.yaml
            name: child
            add-actors:
              suppliers:
                - { jurisdiction: CN, cohort: small, count: 20, products: [nitazene-precursor], capacity-kg-per-month: 5 }
              labs:
                - { jurisdiction: MX, count: 4, capacity-kg-per-month: 0.5 }
            """);
        var b = ScenarioLoader.Load(Path.Combine(dir, "baseline.yaml")).Spec;
        var c = ScenarioLoader.Load(child).Spec;
        Assert.Equal(b.Suppliers.Length + 1, c.Suppliers.Length);
        Assert.Equal([Array.FindIndex(c.Substances, s => s.Id == "nitazene-precursor")], c.Suppliers[^1].Products);
        Assert.Equal(b.Suppliers[0].Products, c.Suppliers[0].Products);
        Assert.Equal(b.Labs.Length + 1, c.Labs.Length);
        Assert.Equal(4, c.Labs[^1].Count);
        Assert.Equal(b.Brokers.Length, c.Brokers.Length);
        Assert.Equal(b.Populations.Length, c.Populations.Length);
        Assert.Equal(b.Interventions.Length, c.Interventions.Length);
    });

    [Fact]
    public void Should_Replace_The_Named_Actor_Lists_Of_The_Base_Before_Adding() => NextToBaseline("extends-replace", dir =>
    {
        var child = Write(dir, "child.yaml", """
            extends: baseline.yaml
            name: child
            add-actors:
              launderers:
                - { jurisdiction: MX, method: crypto, count: 1, fee: 0.07, emerges-after-seized-usd: 5e8 }
            replace-actors:
              launderers:
                - { jurisdiction: MX, method: bulk-cash, count: 10, fee: 0.05, detection-risk: 0.9, capacity-usd-per-month: 2e8 }
            """);
        var b = ScenarioLoader.Load(Path.Combine(dir, "baseline.yaml")).Spec;
        var c = ScenarioLoader.Load(child).Spec;
        // The replaced list, then the added group, whatever order the child writes the two keys in; other kinds stay.
        Assert.Equal(2, c.Launderers.Length);
        Assert.Equal(2e8, c.Launderers[0].CapacityUsdPerMonth);
        Assert.Equal(5e8, c.Launderers[1].EmergesAfterSeizedUsd);
        Assert.Equal(b.Labs.Length, c.Labs.Length);
        Assert.Equal(b.Agencies.Length, c.Agencies.Length);
        Assert.Equal(b.Suppliers.Length, c.Suppliers.Length);

        var stray = Write(dir, "s.yaml", ScenarioDocument.Load(Path.Combine(dir, "baseline.yaml")).SetYaml("replace-actors", "{ labs: [] }").Yaml());
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(stray));
        Assert.EndsWith("'replace-actors' only makes sense with 'extends: BASE.yaml'", e.Message);
    });

    [Fact]
    public void Should_Report_A_Mistake_In_An_Added_Actor_On_One_Line_Of_The_Child_File() => NextToBaseline("extends-actors-bad", dir =>
    {
        var bad = Write(dir, "b.yaml", "extends: baseline.yaml\nname: b\nadd-actors:\n  brokers:\n    - { jurisdiction: CN, count: -3 }\n");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(bad));
        Assert.Equal($"{bad}:5:34: actors.brokers[3].count is -3; allowed: 0 to 10000000", e.Message);

        var kind = Write(dir, "k.yaml", "extends: baseline.yaml\nname: k\nadd-actors:\n  cartels: []\n");
        var e2 = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(kind));
        Assert.Equal($"{kind}:4:3: unknown key 'cartels' in add-actors; allowed keys: agencies, brokers, labs, launderers, populations, suppliers", e2.Message);

        var stray = Write(dir, "s.yaml", ScenarioDocument.Load(Path.Combine(dir, "baseline.yaml")).SetYaml("add-actors", "{ labs: [] }").Yaml());
        var e3 = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(stray));
        Assert.EndsWith("'add-actors' only makes sense with 'extends: BASE.yaml'", e3.Message);
        Assert.DoesNotContain('\n', e.Message + e2.Message + e3.Message);
    });

    [Fact]
    public void Should_Extend_A_File_That_Itself_Extends_The_Base() => NextToBaseline("extends-chain", dir =>
    {
        Write(dir, "middle.yaml", "extends: baseline.yaml\nname: middle\nparameters:\n  penalty-multiple: 7\n");
        var top = Write(dir, "top.yaml", "extends: middle.yaml\nname: top\nadd-interventions:\n  - { type: naloxone, date: 2020-01, jurisdiction: US-NE, coverage: 0.9 }\n");
        var b = ScenarioLoader.Load(Path.Combine(dir, "baseline.yaml")).Spec;
        var c = ScenarioLoader.Load(top).Spec;
        Assert.Equal("top", c.Name);
        Assert.Equal(7, c.Parameters.PenaltyMultiple);
        Assert.Equal(b.Interventions.Length + 1, c.Interventions.Length);
    });
}
