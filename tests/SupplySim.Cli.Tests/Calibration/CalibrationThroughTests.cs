using SupplySim.Experiments.Calibration;
using Xunit;

namespace SupplySim.Cli.Tests.Calibration;

/// <summary>`calibrate --through YEAR` (the holdout protocol of docs/validation.md): targets after YEAR leave the loss.</summary>
public class CalibrationThroughTests
{
    private static List<YearlyOutcome> Years(double after2019)
        => Enumerable.Range(2013, 13).Select(y => new YearlyOutcome(y, y <= 2019 ? 1000.0 * (y - 2012) : after2019, y <= 2019 ? 0 : after2019 / 3, 40, 60)).ToList();

    [Fact]
    public void Given_Different_Years_After_2019_When_Scoring_Through_2019_Then_The_Loss_Is_The_Same()
    {
        var (low, high) = (Years(20_000), Years(90_000));
        Assert.Equal(Calibrator.Loss(low, through: 2019), Calibrator.Loss(high, through: 2019));
        Assert.NotEqual(Calibrator.Loss(low), Calibrator.Loss(high));
        Assert.True(Calibrator.Loss(low, through: 2019) > 0);
    }
}
