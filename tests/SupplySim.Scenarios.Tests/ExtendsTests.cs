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
            Assert.Equal(Lever.NaloxoneCoverage, c.Interventions[^1].Lever);
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
}
