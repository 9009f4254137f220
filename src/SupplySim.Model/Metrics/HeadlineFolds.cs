namespace SupplySim.Model.Metrics;

/// <summary>How a metric's series fold into one headline outcome of a run (NaN values are skipped).</summary>
public enum OutcomeFold
{
    /// <summary>Sum over ticks and series, in series order.</summary>
    Total,
    /// <summary>Sum of the <see cref="ByValue"/> sums, in value order (the same total, summed by dimension value first).</summary>
    TotalOfValues,
    /// <summary>Sum over ticks by dimension value (the part after the first '=').</summary>
    ByValue,
    /// <summary>Sum over series by calendar year.</summary>
    ByYear,
    /// <summary>Mean over ticks and series weighted by the <see cref="MetricDescriptor.WeightedBy"/> series of the same dimension and tick.</summary>
    WeightedMean,
    /// <summary>The last tick's value of the series of one dimension (NaN when the run has no such series).</summary>
    Final,
}

/// <summary>How a metric's series fold into one per-tick headline series.</summary>
public enum SeriesFold
{
    /// <summary>This tick's sum over series.</summary>
    Sum,
    /// <summary>The running total of <see cref="Sum"/>.</summary>
    Cumulative,
    /// <summary>This tick's mean weighted by the <see cref="MetricDescriptor.WeightedBy"/> series of the same dimension.</summary>
    WeightedMean,
    /// <summary>This tick's value of the series of one dimension.</summary>
    Value,
}

/// <summary>
/// One headline outcome: its key in summary.json's "headline" object, and for the outcomes experiments report a
/// label, a unit and the headline series that charts it. Outcomes not <see cref="InSummary"/> are read back by
/// summing the metric's <see cref="OutcomeFold.ByValue"/> map.
/// </summary>
public sealed record HeadlineOutcome(MetricDescriptor Metric, string Key, OutcomeFold Fold, string? Label, string? Unit, string? Series,
    string Dimension, bool InSummary);

/// <summary>One per-tick headline series (series.csv, time-series charts, workshop charts).</summary>
public sealed record HeadlineSeriesSpec(MetricDescriptor Metric, string Key, SeriesFold Fold, string Label, string Unit, string Dimension);
