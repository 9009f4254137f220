using SupplySim.Model.Metrics;

namespace SupplySim.Experiments.Results;

/// <summary>
/// The series of one metric in a run's catalogue (in series order), optionally of one dimension, and for a weighted
/// metric the series that weigh them: shared by <see cref="Headline"/> and <see cref="HeadlineSeries"/> so summary.json
/// and series.csv fold the same series with the same weights.
/// </summary>
internal sealed class SeriesSelection
{
    /// <summary>Indices of the metric's series.</summary>
    public int[] Series { get; }

    /// <summary>Per entry of <see cref="Series"/>: the weight metric's series of the same dimension, or -1.</summary>
    public int[] Weights { get; }

    /// <summary>Every series of the weight metric (the denominator of a weighted mean).</summary>
    public int[] WeightSeries { get; }

    public SeriesSelection(MetricDescriptor metric, string[] metrics, string[] dimensions, string? dimension)
    {
        Series = Enumerable.Range(0, metrics.Length).Where(i => metrics[i] == metric.Name && (dimension is null || dimensions[i] == dimension)).ToArray();
        var weight = metric.WeightedBy?.Name;
        WeightSeries = weight is null ? [] : Enumerable.Range(0, metrics.Length).Where(i => metrics[i] == weight).ToArray();
        Weights = Series.Select(i => WeightSeries.Where(k => dimensions[k] == dimensions[i]).DefaultIfEmpty(-1).Last()).ToArray();
    }

    /// <summary>The weight of entry <paramref name="n"/> of <see cref="Series"/> this tick (0 without one, or when NaN).</summary>
    public double Weight(double[] v, int n) => Weights[n] < 0 || double.IsNaN(v[Weights[n]]) ? 0 : v[Weights[n]];

    /// <summary>Adds this tick's weight series, in order and skipping NaN, to <paramref name="sum"/>.</summary>
    public double AddWeights(double[] v, double sum)
    {
        foreach (var k in WeightSeries)
            if (!double.IsNaN(v[k])) sum += v[k];
        return sum;
    }
}
