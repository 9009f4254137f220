using SupplySim.Model.Engine;
using SupplySim.Scenarios;
using Xunit;

namespace SupplySim.Model.Tests;

public class ProbeTests
{
    [Fact]
    public void Probe()
    {
        var sc = ScenarioLoader.Load("../../../../../scenarios/quickstart.yaml");
        var e = new LocalEngine(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard);
        var cat = e.Coordinator.Metrics.Catalog;
        var keep = new[] { "overdose_deaths", "production_kg", "precursor_kg", "substitution_index", "retail_potency", "displacement_index", "supply_reaching_users_kg", "demand_served_share", "unscheduled_precursor_share" };
        using var w = new StreamWriter("/tmp/probe.txt");
        for (var t = 0; t < sc.Spec.Ticks; t++)
        {
            var v = e.Step();
            var parts = new List<string>();
            for (var i = 0; i < cat.Count; i++)
                if (keep.Contains(cat[i].Metric) && !cat[i].Dimension.Contains("US-MW") && !cat[i].Dimension.Contains("US-S") && !cat[i].Dimension.Contains("US-W"))
                    parts.Add($"{cat[i].Metric[..Math.Min(10, cat[i].Metric.Length)]}[{cat[i].Dimension}]={v[i]:G4}");
            w.WriteLine($"{sc.Spec.DateOf(t)} " + string.Join(" ", parts));
        }
    }
}
