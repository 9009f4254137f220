using SupplySim.Model.World;
using SupplySim.Scenarios;

namespace SupplySim.Benchmarks;

/// <summary>The standard world of the benchmarks: the shipped quickstart scenario, optionally resized.</summary>
public static class BenchmarkWorld
{
    public static WorldSpec Quickstart() => QuickstartScenario().Spec;

    /// <summary>The quickstart scenario with its sharding settings.</summary>
    public static Scenario QuickstartScenario()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SupplySim.sln"))) dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException("run the benchmarks from inside the SupplySim repository");
        return ScenarioLoader.Load(Path.Combine(root, "scenarios", "quickstart.yaml"));
    }

    /// <summary>The quickstart world with a single user population of <paramref name="people"/> people.</summary>
    public static WorldSpec WithOnePopulation(int people)
    {
        var spec = Quickstart();
        return spec with { Populations = [spec.Populations[0] with { People = people }] };
    }
}
