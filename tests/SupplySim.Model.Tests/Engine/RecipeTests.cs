using SupplySim.Scenarios;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Brokers' recipes (docs/model.md#the-six-actor-kinds broker "recipes"; report L367: sellers send recipes with unscheduled precursors; L456: indictments
/// show formulas and kits): a route with a skill can be run only by labs that know it, and brokers that send recipes teach it.
/// </summary>
public class RecipeTests
{
    // The designer-precursor routes need know-how: four labs in five cannot run them unaided.
    private static readonly Action<ScenarioDocument> Skill = d =>
    {
        foreach (var route in new[] { "output=fentanyl,input=4-ap", "output=fentanyl,input=boc-4-ap", "output=fentanyl-analogue,input=4-ap" })
            d.Set($"world.routes[{route}].skill", 0.8);
    };

    private static readonly Action<ScenarioDocument> Recipes = d => d.Set("actors.brokers[jurisdiction=CN].recipes", true);

    [Fact]
    public void Should_Slow_The_Turn_To_Designer_Precursors_Without_Recipes_And_Restore_It_With_Them()
    {
        var open = ScenarioRun.Of("baseline.yaml");
        var skill = ScenarioRun.Of("baseline.yaml", edits: Skill);
        var taught = ScenarioRun.Of("baseline.yaml", edits: [Skill, Recipes]);
        // China lists NPP and 4-ANPP in 2018-02; labs then need 4-AP (listed in China only in 2024-09). Seed 20130101: US supply
        // 2018-03..2020-12 8,047 kg open, 4,868 (-40%) when four labs in five lack the know-how, 8,062 when Chinese brokers send
        // recipes; 4-AP and Boc-4-AP 63%, 45% and 58% of precursor delivered.
        int t = open.TickOf("2018-03"), end = open.TickOf("2021-01");
        double Supply(ScenarioRun r) => r.Sum("supply_reaching_users_kg", "region=US-", t, end);
        double FourAp(ScenarioRun r) => (r.Sum("precursor_kg", "substance=4-ap", t, end) + r.Sum("precursor_kg", "substance=boc-4-ap", t, end)) / r.Sum("precursor_kg", "substance=", t, end);
        var text = $"US supply 2018-03..2020-12: {Supply(open):N0} kg open, {Supply(skill):N0} with skill, {Supply(taught):N0} with CN recipes; designer share {FourAp(open):P0} / {FourAp(skill):P0} / {FourAp(taught):P0}";
        Assert.True(Supply(skill) < 0.9 * Supply(open), text);
        Assert.True(Supply(taught) > Supply(skill) * 1.05, text);
        Assert.True(FourAp(taught) > FourAp(skill), text);
    }
}
