using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>
/// The launderer keys capacity-usd-per-month and emerges-after-seized-usd (docs/scenarios.md): left out, a group is unlimited
/// and open, so shipped scenarios keep their meaning; a bad value, or a world whose every group is latent (labs would have no
/// launderer), is one line with the file, line and column.
/// </summary>
public class LaundererKeysTests
{
    private static readonly string Quickstart = File.ReadAllText(Repo.Scenario("quickstart.yaml"));
    private const string BulkCash = "actors.launderers[method=bulk-cash]";

    private static ScenarioDocument Edit() => ScenarioDocument.Parse(Quickstart, "s.yaml");

    [Fact]
    public void Should_Read_Capacity_And_Threshold_And_Default_To_Unlimited_And_Open()
    {
        var plain = ScenarioLoader.Parse(Quickstart, "q.yaml").Spec;
        Assert.All(plain.Launderers, l => Assert.False(l.HasCapacity || l.IsLatent));

        var bulk = Edit().Set($"{BulkCash}.capacity-usd-per-month", "2e8").Set($"{BulkCash}.emerges-after-seized-usd", "1.5e7").Compile().Spec.Launderers[2];
        Assert.Equal(2e8, bulk.CapacityUsdPerMonth);
        Assert.Equal(1.5e7, bulk.EmergesAfterSeizedUsd);
        Assert.True(bulk.HasCapacity && bulk.IsLatent);
    }

    [Fact]
    public void Should_Reject_A_Capacity_Below_One_Usd_On_One_Line()
    {
        var e = Assert.Throws<ScenarioException>(() => Edit().Set($"{BulkCash}.capacity-usd-per-month", 0).Compile());
        Assert.StartsWith($"s.yaml:{e.Line}:{e.Column}: actors.launderers[2].capacity-usd-per-month is 0; allowed: 1 to 1e12 USD per month", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Should_Reject_A_World_Whose_Every_Launderer_Group_Is_Latent()
    {
        var latent = Edit().Set("actors.launderers[*].emerges-after-seized-usd", "1e6");
        var e = Assert.Throws<ScenarioException>(() => latent.Compile());
        Assert.Contains("actors.launderers: every group is latent", e.Message);
        Assert.StartsWith($"s.yaml:{e.Line}:{e.Column}: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);

        // One open group is enough.
        var one = latent.Remove("actors.launderers[method=mirror].emerges-after-seized-usd");
        Assert.Single(one.Compile().Spec.Launderers, l => !l.IsLatent);
    }
}
