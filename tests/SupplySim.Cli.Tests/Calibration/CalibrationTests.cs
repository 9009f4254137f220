using SupplySim.Experiments.Calibration;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Calibration;

/// <summary>
/// The calibrated baseline against the report's figures, scored as the calibration scores it: the mean of the
/// first three replicate seeds of `run --replicates` (docs/calibration.md). One seed's single years vary by about
/// ±10%, so the acceptance is on the mean.
/// </summary>
public class CalibrationTests
{
    [Fact]
    public void Should_Meet_The_Report_Years_And_The_Cdc_2023_Figure_On_The_Mean_Of_Three_Replicates()
    {
        var sc = ScenarioLoader.Load(Repo.Scenario("baseline.yaml"));
        var years = new Calibrator(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard, replicates: 3).Run(sc.Spec.Parameters);
        double Deaths(int y) => years.Single(o => o.Year == y).Deaths;

        var path = string.Join(", ", years.Select(o => $"{o.Year} {o.Deaths:N0}"));
        Assert.True(Math.Abs(Deaths(2021) / 70_602 - 1) <= 0.2, $"2021 {Deaths(2021):N0} against 70,602 (report L2127-L2128); {path}");
        Assert.True(Math.Abs(Deaths(2022) / 73_654 - 1) <= 0.2, $"2022 {Deaths(2022):N0} against 73,654 (report L686); {path}");
        // 2023: the CDC's synthetic-opioid figure (NCHS Data Brief 522, 1.4% below 2022); the report's fall of about 10%
        // (L271) is of all overdose deaths, which the model does not cover.
        Assert.True(Math.Abs(Deaths(2023) / 72_776 - 1) <= 0.2, $"2023 {Deaths(2023):N0} against the CDC's 72,776");
        var y21 = years.Single(o => o.Year == 2021);
        Assert.InRange(y21.DeathsWithStimulant / y21.Deaths, 0.488 - 0.05, 0.488 + 0.05);
        // 2013, settled by the spin-up, is within 2% on this mean (3,163 against 3,105; it was +29% with the start-up burst).
        Assert.True(Math.Abs(Deaths(2013) / 3_105 - 1) <= 0.2, $"2013 {Deaths(2013):N0} against 3,105 (report L686); {path}");
        Assert.True(Calibrator.Loss(years) < 0.2, $"loss {Calibrator.Loss(years):F4}");
    }
}
