using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Precursor volume scheduled and unscheduled by chemical and by origin (docs/model.md#metrics): both splits of
/// <c>unscheduled_precursor_kg</c> count the same kilograms, and the origin split moves when an origin lists a chemical.
/// </summary>
public class UnscheduledPrecursorTests
{
    [Fact]
    public void Should_Split_The_Same_Unscheduled_Kilograms_By_Chemical_And_By_Origin_And_Follow_China_S_Listings()
    {
        var run = ScenarioRun.Of("baseline.yaml");
        for (var t = 0; t < run.Ticks.Count; t++)
        {
            var bySubstance = run.Sum("unscheduled_precursor_kg", "substance=", t, t + 1);
            var byOrigin = run.Sum("unscheduled_precursor_kg", "origin=", t, t + 1);
            Assert.Equal(bySubstance, byOrigin, 6);
            var delivered = run.Sum("precursor_kg", "substance=", t, t + 1);
            if (delivered > 0) Assert.Equal(run.Value(t, "unscheduled_precursor_share") * delivered, byOrigin, 6);
            foreach (var o in new[] { "CN", "IN", "OTHER" })
                Assert.True(run.Sum("unscheduled_precursor_kg", $"origin={o}", t, t + 1) <= run.Sum("precursor_kg", $"origin={o}", t, t + 1) + 1e-9);
        }
        // China lists NPP and 4-ANPP in 2018-02: most of what Chinese brokers then ship is scheduled there, until labs have moved
        // to the unscheduled 4-AP (listed in 2024-09). Seed 20130101: 100% unscheduled before, 46% in the six months after,
        // 99.9% in 2020-2023.
        double CnUnscheduledShare(string from, string to)
        {
            int a = run.TickOf(from), b = run.TickOf(to);
            return run.Sum("unscheduled_precursor_kg", "origin=CN", a, b) / run.Sum("precursor_kg", "origin=CN", a, b);
        }
        var before = CnUnscheduledShare("2017-06", "2018-02");
        var after = CnUnscheduledShare("2018-03", "2018-09");
        var later = CnUnscheduledShare("2020-01", "2024-01");
        Assert.True(after < before - 0.2, $"unscheduled share of Chinese precursor: {before:P0} before the 2018 listing, {after:P0} after");
        Assert.True(later > after + 0.2, $"and {later:P0} in 2020-2023, once labs have moved to unlisted chemicals");
    }
}
