using MathStats = MathNet.Numerics.Statistics;
using SupplySim.Experiments.Statistics;
using Xunit;

namespace SupplySim.Cli.Tests.Statistics;

/// <summary>
/// The statistics behind every table are computed by SupplySim's own code; these tests check them against
/// MathNet.Numerics, computed independently on known data, so a CI or quantile in a report can be trusted.
/// </summary>
public class StatisticsTests
{
    private static readonly double[] Deaths = [187050, 191825, 164150, 184675, 191950, 182475, 173500, 162450, 160775, 155750, 149000, 201300];

    [Theory]
    [InlineData(0.975)]
    [InlineData(0.95)]
    [InlineData(0.995)]
    [InlineData(0.6)]
    [InlineData(0.025)]
    public void Should_Match_MathNet_Student_T_Quantiles_For_Every_Degree_Of_Freedom_From_1_To_200(double p)
    {
        for (var df = 1; df <= 200; df++)
        {
            var expected = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, p);
            Assert.True(Math.Abs(StudentT.Quantile(p, df) - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"df {df}, p {p}: {StudentT.Quantile(p, df)} vs {expected}");
        }
    }

    [Fact]
    public void Should_Give_The_Textbook_Two_Sided_95_Percent_t_Values()
    {
        Assert.Equal(12.7062, StudentT.Quantile(0.975, 1), 4);
        Assert.Equal(2.2622, StudentT.Quantile(0.975, 9), 4);
        Assert.Equal(1.9840, StudentT.Quantile(0.975, 100), 4);
    }

    [Fact]
    public void Should_Match_MathNet_Mean_Sd_Interval_And_Type_7_Quantiles_On_Known_Data()
    {
        var s = SampleSummary.Of(Deaths);
        var mean = MathStats.Statistics.Mean(Deaths);
        var sd = MathStats.Statistics.StandardDeviation(Deaths);
        var half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, Deaths.Length - 1, 0.975) * sd / Math.Sqrt(Deaths.Length);

        Assert.Equal(Deaths.Length, s.N);
        Assert.Equal(mean, s.Mean, 1e-9);
        Assert.Equal(sd, s.Sd, 1e-9);
        Assert.Equal(mean - half, s.CiLow, 1e-7);
        Assert.Equal(mean + half, s.CiHigh, 1e-7);
        foreach (var (p, actual) in new[] { (0.05, s.P05), (0.25, s.P25), (0.5, s.Median), (0.75, s.P75), (0.95, s.P95) })
            Assert.Equal(MathStats.Statistics.QuantileCustom(Deaths, p, MathStats.QuantileDefinition.R7), actual, 1e-9);
        Assert.Equal(Deaths.Min(), s.Min);
        Assert.Equal(Deaths.Max(), s.Max);
    }

    [Fact]
    public void Should_Fold_Running_Moments_To_The_Same_Mean_Sd_And_Interval()
    {
        var m = new RunningMoments();
        foreach (var x in Deaths) m.Add(x);
        var s = SampleSummary.Of(Deaths);
        Assert.Equal(s.Mean, m.Mean, 1e-9);
        Assert.Equal(s.Sd, m.Sd, 1e-7);
        Assert.Equal(s.CiLow, m.Interval.Low, 1e-6);
        Assert.Equal(s.CiHigh, m.Interval.High, 1e-6);
    }

    [Fact]
    public void Should_Leave_NaN_Out_And_Call_The_Interval_Of_One_Value_Undefined()
    {
        var s = SampleSummary.Of([double.NaN, 5]);
        Assert.Equal(1, s.N);
        Assert.Equal(5, s.Mean);
        Assert.True(double.IsNaN(s.CiLow) && double.IsNaN(s.CiHigh) && double.IsNaN(s.Sd));
        Assert.Equal(5, s.P05);
        Assert.Equal(0, SampleSummary.Of([]).N);
    }
}
