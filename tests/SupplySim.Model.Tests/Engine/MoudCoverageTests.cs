using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>MOUD coverage (docs/calibration.md calibration target "about 25%", L1808): reported per region, measured, not fitted.</summary>
public class MoudCoverageTests
{
    [Fact]
    public void Should_Report_Coverage_As_The_Treated_Share_Of_People_With_Oud_Near_The_Report_S_Quarter()
    {
        var run = ScenarioRun.Of("baseline.yaml");
        foreach (var region in new[] { "US-NE", "US-MW", "US-S", "US-W", "CA" })
            for (var t = 0; t < run.Ticks.Count; t++)
            {
                double moud = run.Value(t, "people", $"state=moud;region={region}"), oud = run.Value(t, "people", $"state=oud;region={region}");
                Assert.Equal(moud / (moud + oud), run.Value(t, "moud_coverage", $"region={region}"), 12);
            }
        // Seed 20130101, US regions in December: 24% (2013), falling to 20% by 2021-2022 as OUD outgrows places, 25% by 2025.
        for (var year = 2013; year <= 2025; year++)
        {
            var t = run.TickOf($"{year}-12");
            var us = new[] { "US-NE", "US-MW", "US-S", "US-W" }.Average(r => run.Value(t, "moud_coverage", $"region={r}"));
            Assert.InRange(us, 0.15, 0.35);
        }
    }
}
