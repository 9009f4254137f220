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
    private const string BulkCash = "{ jurisdiction: MX, method: bulk-cash, count: 10, fee: 0.05, detection-risk: 0.9 }";

    private static string Edit(string find, string replace)
    {
        Assert.Contains(find, Quickstart);
        return Quickstart.Replace(find, replace, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Read_Capacity_And_Threshold_And_Default_To_Unlimited_And_Open()
    {
        var plain = ScenarioLoader.Parse(Quickstart, "q.yaml").Spec;
        Assert.All(plain.Launderers, l => Assert.False(l.HasCapacity || l.IsLatent));

        var text = Edit(BulkCash, "{ jurisdiction: MX, method: bulk-cash, count: 10, fee: 0.05, detection-risk: 0.9, capacity-usd-per-month: 2e8, emerges-after-seized-usd: 1.5e7 }");
        var bulk = ScenarioLoader.Parse(text, "q.yaml").Spec.Launderers[2];
        Assert.Equal(2e8, bulk.CapacityUsdPerMonth);
        Assert.Equal(1.5e7, bulk.EmergesAfterSeizedUsd);
        Assert.True(bulk.HasCapacity && bulk.IsLatent);
    }

    [Fact]
    public void Should_Reject_A_Capacity_Below_One_Usd_On_One_Line()
    {
        var text = Edit(BulkCash, "{ jurisdiction: MX, method: bulk-cash, count: 10, fee: 0.05, detection-risk: 0.9, capacity-usd-per-month: 0 }");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "s.yaml"));
        Assert.StartsWith($"s.yaml:{e.Line}:{e.Column}: actors.launderers[2].capacity-usd-per-month is 0; allowed: 1 to 1e12 USD per month", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Should_Reject_A_World_Whose_Every_Launderer_Group_Is_Latent()
    {
        var text = Quickstart.Replace("detection-risk: 0.", "emerges-after-seized-usd: 1e6, detection-risk: 0.", StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "s.yaml"));
        Assert.Contains("actors.launderers: every group is latent", e.Message);
        Assert.StartsWith($"s.yaml:{e.Line}:{e.Column}: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);

        // One open group is enough.
        var one = text.Replace("mirror, count: 10, fee: 0.04, emerges-after-seized-usd: 1e6,", "mirror, count: 10, fee: 0.04,", StringComparison.Ordinal);
        Assert.Single(ScenarioLoader.Parse(one, "s.yaml").Spec.Launderers, l => !l.IsLatent);
    }
}
