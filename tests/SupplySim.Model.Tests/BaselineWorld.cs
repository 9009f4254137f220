using SupplySim.Model.World;
using SupplySim.Scenarios;
using SupplySim.Testing;

namespace SupplySim.Model.Tests;

/// <summary>The shipped baseline's world, loaded once, and its jurisdiction and country indices by id (for rule-level tests).</summary>
public static class BaselineWorld
{
    public static readonly WorldSpec Baseline = ScenarioLoader.Load(Repo.Scenario("baseline.yaml")).Spec;

    public static int J(string id) => Array.FindIndex(Baseline.Jurisdictions, j => j.Id == id);

    public static int C(string id) => Array.IndexOf(Baseline.Countries, id);
}
