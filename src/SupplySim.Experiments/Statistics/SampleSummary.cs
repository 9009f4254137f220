namespace SupplySim.Experiments.Statistics;

/// <summary>
/// What a set of replicate values says about an outcome: count, mean, standard deviation, the 95% confidence
/// interval of the mean (Student t, n − 1 degrees of freedom) and quantiles (linear interpolation between
/// order statistics, "type 7" as in R, NumPy and Excel's PERCENTILE.INC). NaN values are left out; with
/// fewer than two values the interval is NaN (undefined).
/// </summary>
public sealed record SampleSummary(int N, double Mean, double Sd, double CiLow, double CiHigh,
    double Min, double P05, double P25, double Median, double P75, double P95, double Max)
{
    public const double Confidence = 0.95;

    public static readonly SampleSummary Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN,
        double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Half the width of the confidence interval.</summary>
    public double HalfWidth => (CiHigh - CiLow) / 2;

    public static SampleSummary Of(IEnumerable<double> values)
    {
        var x = values.Where(v => !double.IsNaN(v)).ToArray();
        if (x.Length == 0) return Empty;
        Array.Sort(x);
        var mean = x.Average();
        var sd = x.Length > 1 ? Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1)) : double.NaN;
        var (lo, hi) = Interval(x.Length, mean, sd);
        return new SampleSummary(x.Length, mean, sd, lo, hi, x[0], Quantile(x, 0.05), Quantile(x, 0.25),
            Quantile(x, 0.5), Quantile(x, 0.75), Quantile(x, 0.95), x[^1]);
    }

    /// <summary>mean ± t(0.975, n − 1) · sd / √n; NaN for n &lt; 2.</summary>
    public static (double Low, double High) Interval(int n, double mean, double sd)
    {
        if (n < 2 || double.IsNaN(sd)) return (double.NaN, double.NaN);
        var half = StudentT.Quantile(1 - (1 - Confidence) / 2, n - 1) * sd / Math.Sqrt(n);
        return (mean - half, mean + half);
    }

    /// <summary>Type-7 quantile of sorted values: x[h] interpolated at h = (n − 1) p.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        return lo + 1 >= sorted.Count ? sorted[^1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
