using System.Text.Json;
using SupplySim.Model.World;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>Shipped scenarios that copy the baseline's list of interventions must stay in step with it.</summary>
public class ShippedScenarioTests
{
    [Fact]
    public void Should_Keep_The_Counterfactual_Of_2019_Equal_To_The_Baseline_Without_Its_Two_2019_05_Items()
    {
        var baseline = ScenarioLoader.Load(Repo.Scenario("baseline.yaml")).Spec;
        var counterfactual = ScenarioLoader.Load(Repo.Scenario("china-2019-class-scheduling.yaml")).Spec;
        // Every field but the label, as the spec carries it across grains.
        static string Key(Intervention i) => JsonSerializer.Serialize(i with { Label = "" });
        var removed = baseline.Interventions.Where(i => baseline.DateOf(i.Tick).ToString() == "2019-05"
            && i is ScheduleClass or SetLever { Lever: Lever.RouteMultiplier }).ToArray();
        Assert.Equal(2, removed.Length);
        Assert.Equal(baseline.Interventions.Except(removed).Select(Key).Order(), counterfactual.Interventions.Select(Key).Order());
    }
}
