using SupplySim.Experiments.Statistics;

namespace SupplySim.Experiments.Validation;

/// <summary>
/// The model's value for one period across replicates: the mean and a 95% interval for a single run, the spread an
/// observed year (one realisation of the world) is compared with. With at least <see cref="PercentileReplicates"/>
/// replicates the interval is their 2.5% and 97.5% quantiles (type 7); with fewer, the normal prediction interval
/// mean ± t(0.975, n − 1) · sd · √(1 + 1/n); undefined (NaN) with fewer than two.
/// </summary>
public readonly record struct ModelInterval(int N, double Mean, double Low, double High)
{
    public const int PercentileReplicates = 20;

    public bool Contains(double x) => double.IsFinite(Low) && double.IsFinite(High) && x >= Low && x <= High;

    public static ModelInterval Of(IEnumerable<double> values)
    {
        var x = values.Where(double.IsFinite).Order().ToArray();
        if (x.Length == 0) return new ModelInterval(0, double.NaN, double.NaN, double.NaN);
        var mean = x.Average();
        if (x.Length < 2) return new ModelInterval(1, mean, double.NaN, double.NaN);
        if (x.Length >= PercentileReplicates)
            return new ModelInterval(x.Length, mean, SampleSummary.Quantile(x, 0.025), SampleSummary.Quantile(x, 0.975));
        var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        var half = StudentT.Quantile(0.975, x.Length - 1) * sd * Math.Sqrt(1 + 1.0 / x.Length);
        return new ModelInterval(x.Length, mean, mean - half, mean + half);
    }
}
