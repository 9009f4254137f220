using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Nitazenes (report L355, L490): in scenarios/nitazene-emergence.yaml a hundred more Chinese small firms also sell
/// an unscheduled nitazene precursor. Brokers offer the cheapest chemical per kg of drug after risk, so it takes
/// the place of the fentanyl precursors China schedules (NPP and 4-ANPP in 2018, 4-AP in 2024), and keeps supply
/// and deaths up after the 2024 listing; scheduling the nitazene precursor class in China reverses it.
/// </summary>
public class NitazeneTests
{
    private const string File = "nitazene-emergence.yaml";

    private static double Share(ScenarioRun r, int from, int to)
        => r.Sum("precursor_kg", "substance=nitazene-precursor", from, to) / r.Sum("precursor_kg", "substance=", from, to);

    [Fact]
    public void Should_Turn_Labs_To_Nitazenes_As_China_Schedules_Fentanyl_Precursors_And_Back_When_It_Schedules_Theirs()
    {
        var emergence = ScenarioRun.Of(File);
        // The same firms without the nitazene precursor: what the added capacity alone does.
        var placebo = ScenarioRun.Of(File, edits: ("4-piperidone, nitazene-precursor]", "4-piperidone]"));
        var listed = ScenarioRun.Of(File, interventions: ["{ type: schedule-class, date: 2019-05, jurisdiction: CN, class: nitazene-precursor }"]);
        int y2013 = 0, y2018 = emergence.TickOf("2018-01"), y2019 = emergence.TickOf("2019-01"), y2021 = emergence.TickOf("2021-01");
        int y2024 = emergence.TickOf("2024-01"), end = emergence.Ticks.Count;

        // While NPP is unscheduled it is cheaper per kg of drug (3,000 USD against 4,400), and no broker offers nitazenes.
        Assert.True(Share(emergence, y2013, y2018) < 0.005, $"nitazene share 2013-2017: {Share(emergence, y2013, y2018):P1}");
        // Once China schedules NPP and 4-ANPP (2018-02) it competes with 4-AP, and after the 4-AP listing (2024-09) it is
        // the cheapest unscheduled chemical: about 8% of lab input in 2019-2023, 11% in 2024-2025 (seed 20130101).
        Assert.True(Share(emergence, y2019, y2024) > 0.05, $"nitazene share 2019-2023: {Share(emergence, y2019, y2024):P1}");
        Assert.True(Share(emergence, y2024, end) > Share(emergence, y2019, y2024), $"nitazene share 2024-2025: {Share(emergence, y2024, end):P1}");
        // It keeps supply up when 4-AP is listed: US deaths 2024-2025 about 11% above the same firms without it (6-12% over seeds).
        double Deaths(ScenarioRun r) => r.Sum("overdose_deaths", "region=US-", y2024, end);
        Assert.True(Deaths(emergence) > 1.05 * Deaths(placebo), $"US deaths 2024-2025: {Deaths(emergence):N0} with nitazenes, {Deaths(placebo):N0} without");
        // Scheduling the nitazene-precursor class in China (2019-05) drives it out within two years.
        Assert.True(Share(listed, y2021, end) < 0.01, $"nitazene share 2021-2025 once listed: {Share(listed, y2021, end):P1}");
        Assert.True(Deaths(listed) < Deaths(emergence), $"US deaths 2024-2025 once listed: {Deaths(listed):N0}");
    }
}
