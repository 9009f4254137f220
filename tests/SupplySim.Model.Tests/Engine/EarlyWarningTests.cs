using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Reactive listing with early warning (report L829, L853, L2474): a chemical the labs come to
/// rely on is scheduled a listing lag after it becomes a signal, so substitutes are chased one after another
/// (whack-a-mole), and a shorter lag bites sooner.
/// </summary>
public class EarlyWarningTests
{
    private static string[] Warning(int lag) => [$"{{ type: early-warning, date: 2016-01, jurisdiction: [CN, IN], listing-lag-months: {lag}, signal-share: 0.1 }}"];

    private static double Share(ScenarioRun r, string substance, int from, int to)
        => r.Sum("precursor_kg", $"substance={substance}", from, to) / r.Sum("precursor_kg", "substance=", from, to);

    [Fact]
    public void Should_List_The_Substitutes_Labs_Turn_To_And_Bite_Sooner_With_A_Shorter_Lag()
    {
        var baseline = ScenarioRun.Of("baseline.yaml");
        var quick = ScenarioRun.Of("baseline.yaml", interventions: Warning(6));
        var slow = ScenarioRun.Of("baseline.yaml", interventions: Warning(24));
        int y2016 = baseline.TickOf("2016-01"), y2018 = baseline.TickOf("2018-01"), y2019 = baseline.TickOf("2019-01"), y2021 = baseline.TickOf("2021-01");

        // Without early warning, 4-AP becomes the labs' main input after NPP and 4-ANPP are scheduled (2018) and stays so.
        Assert.True(Share(baseline, "4-ap", y2019, y2021) > 0.4, $"baseline 4-AP share 2019-2020: {Share(baseline, "4-ap", y2019, y2021):P0}");
        // With it, 4-AP is listed soon after it becomes a signal, so it never holds that place.
        Assert.True(Share(quick, "4-ap", y2019, y2021) < 0.5 * Share(baseline, "4-ap", y2019, y2021), $"4-AP share with early warning: {Share(quick, "4-ap", y2019, y2021):P0}");
        // The chase moves the mix (substitution index above the baseline's in 2016-2017) and cuts what reaches users,
        // more and sooner with a 6-month lag than with a 24-month one.
        Assert.True(quick.Sum("substitution_index", "", y2016, y2018) > baseline.Sum("substitution_index", "", y2016, y2018));
        double Supply(ScenarioRun r) => r.Sum("supply_reaching_users_kg", "region=US-", y2016, y2018);
        Assert.True(Supply(quick) < Supply(slow), $"US supply 2016-2017: lag 6 {Supply(quick):N0} kg, lag 24 {Supply(slow):N0} kg");
        Assert.True(Supply(slow) <= Supply(baseline) * 1.001, $"lag 24 {Supply(slow):N0} kg, baseline {Supply(baseline):N0} kg");
    }
}
