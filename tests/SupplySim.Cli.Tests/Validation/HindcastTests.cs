using System.Globalization;
using SupplySim.Experiments.Validation;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Validation;

/// <summary>
/// `supplysim hindcast` against known observed numbers: every model value, interval, error and fit statistic is
/// recomputed here from metrics.csv by a separate, plain reading of the rules in docs/validation.md.
/// </summary>
public class HindcastTests(HindcastFixture run) : IClassFixture<HindcastFixture>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>metrics.csv as (replicate, date, metric, dimension, value).</summary>
    private IEnumerable<(int Rep, string Date, string Metric, string Dim, double Value)> Metrics()
        => File.ReadLines(Path.Combine(run.Out, "metrics.csv")).Skip(1).Select(l => l.Split(','))
            .Select(f => (int.Parse(f[1], Inv), f[3], f[4], f[5], double.Parse(f[6], Inv)));

    /// <summary>Per replicate: the sum of overdose_deaths over regions picked by <paramref name="region"/> and months picked by <paramref name="date"/>.</summary>
    private double[] Deaths(Func<string, bool> region, Func<string, bool> date)
        => Metrics().Where(m => m.Metric == "overdose_deaths" && region(m.Dim[7..]) && date(m.Date))
            .GroupBy(m => m.Rep).OrderBy(g => g.Key).Select(g => g.Sum(m => m.Value)).ToArray();

    /// <summary>Mean and prediction interval mean ± t(0.975, n−1)·sd·√(1+1/n), with t from MathNet.</summary>
    private static (double Mean, double Lo, double Hi) Interval(double[] x)
    {
        var mean = x.Average();
        var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        var half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, x.Length - 1, 0.975) * sd * Math.Sqrt(1 + 1.0 / x.Length);
        return (mean, mean - half, mean + half);
    }

    private Dictionary<string, string[]> HindcastCsv()
        => File.ReadLines(Path.Combine(run.Out, "hindcast.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => $"{f[0]}/{f[1]}/{f[2]}");

    private static void AssertRow(string[] row, double observed, double[] replicates, string sample)
    {
        var (mean, lo, hi) = Interval(replicates);
        Assert.Equal(observed, double.Parse(row[3], Inv));
        Assert.Equal(mean, double.Parse(row[4], Inv), 9);
        Assert.Equal(lo, double.Parse(row[5], Inv), 6);
        Assert.Equal(hi, double.Parse(row[6], Inv), 6);
        Assert.Equal(mean - observed, double.Parse(row[7], Inv), 6);
        Assert.Equal(100 * (mean - observed) / Math.Abs(observed), double.Parse(row[8], Inv), 6);
        Assert.Equal(sample, row[9]);
    }

    [Fact]
    public void Given_Known_Observations_When_Hindcasting_Then_Each_Model_Value_Interval_And_Error_Matches_An_Independent_Computation()
    {
        Assert.True(run.Result.ExitCode == 0, run.Result.StdErr + run.Result.StdOut);
        var rows = HindcastCsv();
        bool Us(string r) => r.StartsWith("US-", StringComparison.Ordinal);
        AssertRow(rows["overdose_deaths/US/2017"], 4000, Deaths(Us, d => d.StartsWith("2017", StringComparison.Ordinal)), "calibration");
        AssertRow(rows["overdose_deaths/US/2018"], 9000, Deaths(Us, d => d.StartsWith("2018", StringComparison.Ordinal)), "holdout");
        AssertRow(rows["overdose_deaths/US-NE/2018-Q1"], 800, Deaths(r => r == "US-NE", d => d is "2018-01" or "2018-02" or "2018-03"), "holdout");
        AssertRow(rows["overdose_deaths/US-S/2018-03"], 30, Deaths(r => r == "US-S", d => d == "2018-03"), "holdout");
        var y17 = Deaths(Us, d => d.StartsWith("2017", StringComparison.Ordinal));
        var y18 = Deaths(Us, d => d.StartsWith("2018", StringComparison.Ordinal));
        AssertRow(rows["overdose_deaths_change/US/2018"], 0.1, y18.Zip(y17, (b, a) => b / a - 1).ToArray(), "holdout");
    }

    [Fact]
    public void Given_A_Share_Over_Regions_When_Hindcasting_Then_It_Is_Weighted_By_The_People_It_Is_A_Share_Of()
    {
        Assert.True(run.Result.ExitCode == 0, run.Result.StdErr + run.Result.StdOut);
        var m = Metrics().Where(x => x.Date.StartsWith("2017", StringComparison.Ordinal)).ToArray();
        // moud_coverage = moud / (oud + moud) per region, so weighting by oud + moud gives all moud over all oud + moud.
        var coverage = m.GroupBy(x => x.Rep).OrderBy(g => g.Key).Select(g => g.GroupBy(x => x.Date).Average(month =>
        {
            var moud = month.Where(x => x.Metric == "people" && x.Dim.StartsWith("state=moud;region=US-", StringComparison.Ordinal)).Sum(x => x.Value);
            var oud = month.Where(x => x.Metric == "people" && x.Dim.StartsWith("state=oud;region=US-", StringComparison.Ordinal)).Sum(x => x.Value);
            return moud / (oud + moud);
        })).ToArray();
        AssertRow(HindcastCsv()["moud_coverage/US/2017"], 0.25, coverage, "calibration");
    }

    [Fact]
    public void Given_A_Year_After_The_Run_And_A_Series_The_Scenario_Lacks_When_Hindcasting_Then_They_Are_Listed_Not_Compared()
    {
        var rows = HindcastCsv();
        Assert.Equal("outside-window", rows["overdose_deaths/US/2019"][9]);
        Assert.Equal("not-modelled", rows["registered_users/CN/2017"][9]);
        Assert.Equal("NaN", rows["registered_users/CN/2017"][4]);
        Assert.DoesNotContain(File.ReadLines(Path.Combine(run.Out, "hindcast-fit.csv")), l => l.StartsWith("registered_users", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_The_Compared_Rows_When_Fitting_Then_Mape_Bias_And_Coverage_Match_An_Independent_Computation()
    {
        Assert.True(run.Result.ExitCode == 0, run.Result.StdErr + run.Result.StdOut);
        var compared = HindcastCsv().Values.Where(f => f[9] is "calibration" or "holdout").ToArray();
        var fit = File.ReadLines(Path.Combine(run.Out, "hindcast-fit.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        foreach (var g in compared.GroupBy(f => (f[0], f[1], f[9])))
        {
            var pct = g.Select(f => (double.Parse(f[4], Inv) - double.Parse(f[3], Inv)) / Math.Abs(double.Parse(f[3], Inv)) * 100).ToArray();
            var inside = g.Count(f => double.Parse(f[3], Inv) >= double.Parse(f[5], Inv) && double.Parse(f[3], Inv) <= double.Parse(f[6], Inv));
            var line = fit.Single(f => f[0] == g.Key.Item1 && f[1] == g.Key.Item2 && f[3] == g.Key.Item3);
            Assert.Equal(g.Count(), int.Parse(line[4], Inv));
            Assert.Equal(pct.Average(Math.Abs), double.Parse(line[5], Inv), 6);
            Assert.Equal(pct.Average(), double.Parse(line[6], Inv), 6);
            Assert.Equal(inside / (double)g.Count(), double.Parse(line[7], Inv), 9);
        }
        Assert.Contains("Hindcast: the model against observed series (3 replicates)", run.Result.StdOut);
        Assert.Contains("<h2>Hindcast</h2>", File.ReadAllText(Path.Combine(run.Out, "report.html")));
        Assert.True(File.Exists(Path.Combine(run.Out, "charts", "hindcast-overdose-deaths-us.svg")));
    }

    [Fact]
    public void Given_One_Observation_At_The_Model_Mean_And_One_Far_Outside_When_Fitting_Then_Coverage_Is_One_Half()
    {
        var dir = Repo.TempDir("hindcast-coverage");
        var observed = Directory.CreateDirectory(Path.Combine(dir, "observed")).FullName;
        try
        {
            File.Copy(Path.Combine(run.Out, "metrics.csv"), Path.Combine(dir, "metrics.csv"));
            bool Us(string r) => r.StartsWith("US-", StringComparison.Ordinal);
            var (m17, lo17, hi17) = Interval(Deaths(Us, d => d.StartsWith("2017", StringComparison.Ordinal)));
            var (m18, _, hi18) = Interval(Deaths(Us, d => d.StartsWith("2018", StringComparison.Ordinal)));
            Assert.True(hi17 > lo17);
            var far = hi18 + 10 * (hi18 - m18) + 1;
            File.WriteAllText(Path.Combine(observed, "mapping.csv"), HindcastFixture.Mapping);
            File.WriteAllText(Path.Combine(observed, "k.csv"), $"""
                series,region,period,value,unit,definition,source,status
                overdose_deaths,US,2017,{m17.ToString("R", Inv)},people per year,at the mean,test,final
                overdose_deaths,US,2018,{far.ToString("R", Inv)},people per year,far above,test,final
                """);
            var data = ObservedData.Load(observed);
            var fit = HindcastFit.Of(Hindcast.Write(dir, data, holdoutFrom: 2030)).Single();
            Assert.Equal((2, 0.5), (fit.N, fit.Coverage));
            Assert.Equal(100 * (m18 - far) / far / 2, fit.BiasPct, 6);
        }
        finally { Directory.Delete(dir, true); }
    }
}
