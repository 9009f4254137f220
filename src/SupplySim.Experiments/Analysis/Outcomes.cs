using System.Text.Json;
using SupplySim.Model.Metrics;

namespace SupplySim.Experiments.Analysis;

/// <summary>A per-tick headline series (timeseries.csv, time-series charts).</summary>
public sealed record SeriesInfo(string Key, string Label, string Unit);

/// <summary>
/// A headline outcome of one run (replicates.csv, summary statistics, compare and sweep tables): its key in
/// a run's summary.json "headline", a label for people, a unit, and the per-tick series that charts it.
/// <paramref name="SumOf"/> names the summary.json map whose sum the outcome is, for an outcome summary.json leaves out.
/// </summary>
public sealed record Outcome(string Key, string Label, string Unit, string Series, string? SumOf = null)
{
    /// <summary>The outcome's value in a run's summary.json "headline" object (NaN where undefined).</summary>
    public double Read(JsonElement headline)
    {
        if (SumOf is not null)
            return headline.GetProperty(SumOf).EnumerateObject().Sum(p => p.Value.GetDouble());
        var v = headline.GetProperty(Key);
        return v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
    }
}

/// <summary>
/// The headline outcomes and series every experiment reports (docs/experiments.md), in report order: those of
/// <see cref="MetricCatalog"/> that have a label.
/// </summary>
public static class Outcomes
{
    public static readonly string Deaths = Key(MetricCatalog.OverdoseDeaths);
    public static readonly string Spend = Key(MetricCatalog.EnforcementSpendUsd);

    /// <summary>Paired against the reference arm: (reference deaths − deaths) / ((spend − reference spend) / 1e6), per replicate.</summary>
    public static readonly Outcome DeathsAvertedPerMillionUsd = new("deaths_averted_per_million_usd", "Deaths averted per USD 1M of extra enforcement spend", "people per USD 1M", "");

    public static IReadOnlyList<Outcome> Headline { get; } = MetricCatalog.Outcomes.Where(o => o.Label is not null).Select(o => new Outcome(
        o.Key, o.Label!, o.Unit!, o.Series ?? "",
        o.InSummary ? null : o.Metric.Outcomes.Single(m => m.Fold == OutcomeFold.ByValue).Key)).ToArray();

    public static IReadOnlyList<SeriesInfo> Series { get; } = MetricCatalog.Series.Select(s => new SeriesInfo(s.Key, s.Label, s.Unit)).ToArray();

    /// <summary>The key of a metric's reported outcome (the one with a label), e.g. its run total.</summary>
    public static string Key(MetricDescriptor metric) => metric.Outcomes.Single(o => o.Label is not null).Key;

    /// <summary>The key of a metric's reported outcome with the given dimension (the final displacement indices).</summary>
    public static string Key(MetricDescriptor metric, string dimension) => metric.Outcomes.Single(o => o.Label is not null && o.Dimension == dimension).Key;

    public static Outcome? Find(string key)
        => key == DeathsAvertedPerMillionUsd.Key ? DeathsAvertedPerMillionUsd : Headline.FirstOrDefault(o => o.Key == key);
}
