namespace SupplySim.Model.Metrics;

/// <summary>
/// One row of the metrics table in docs/model.md#metrics: the dimension formats it covers (examples such as
/// <c>region=US-NE</c>; empty for a metric without a dimension), the unit and what it means.
/// </summary>
public sealed record MetricRow(IReadOnlyList<string> Dimensions, string Unit, string Description);

/// <summary>
/// One public metric (BenchmarkDotNet's metric descriptors are the pattern): its name in metrics.csv, the dimension
/// formats of its series, unit and meaning (docs/model.md#metrics is written from these), and how its series fold
/// into a run's headline outcomes (summary.json) and headline series (series.csv). Declared in <see cref="MetricCatalog"/>.
/// </summary>
public sealed class MetricDescriptor(string name)
{
    private readonly List<MetricRow> _rows = new();
    private readonly List<HeadlineOutcome> _outcomes = new();
    private readonly List<HeadlineSeriesSpec> _series = new();

    public string Name { get; } = name;
    public IReadOnlyList<MetricRow> Rows => _rows;
    public string Unit => _rows[0].Unit;
    public string Description => _rows[0].Description;

    /// <summary>The metric whose series of the same dimension weigh this one's (price and potency by supply), or null.</summary>
    public MetricDescriptor? WeightedBy { get; private set; }

    /// <summary>The headline outcomes folded from this metric's series, in summary.json order.</summary>
    public IReadOnlyList<HeadlineOutcome> Outcomes => _outcomes;

    /// <summary>The per-tick headline series folded from this metric's series, in series.csv order.</summary>
    public IReadOnlyList<HeadlineSeriesSpec> Series => _series;

    /// <summary>Adds a row: <paramref name="dimensions"/> lists example dimensions separated by ", " (empty: none).</summary>
    public MetricDescriptor Row(string dimensions, string unit, string description)
    {
        _rows.Add(new MetricRow(dimensions.Length == 0 ? [""] : dimensions.Split(", "), unit, description));
        return this;
    }

    public MetricDescriptor Weighted(MetricDescriptor by)
    {
        WeightedBy = by;
        return this;
    }

    /// <summary>Adds a headline outcome named the metric's name plus <paramref name="suffix"/>.</summary>
    public MetricDescriptor Outcome(string suffix, OutcomeFold fold, string? label = null, string? unit = null, string? series = null,
        string dimension = "", bool inSummary = true)
    {
        _outcomes.Add(new HeadlineOutcome(this, Name + suffix, fold, label, unit, series is null ? null : Name + series, dimension, inSummary));
        return this;
    }

    /// <summary>Adds a headline series named the metric's name plus <paramref name="suffix"/>.</summary>
    public MetricDescriptor Headline(string suffix, SeriesFold fold, string label, string unit, string dimension = "")
    {
        _series.Add(new HeadlineSeriesSpec(this, Name + suffix, fold, label, unit, dimension));
        return this;
    }

    /// <summary>True when some row's dimension format has the keys of <paramref name="dimension"/> (a series' dimension string).</summary>
    public bool Describes(string dimension)
    {
        var keys = KeysOf(dimension);
        return _rows.Any(r => r.Dimensions.Any(d => KeysOf(d) == keys));
    }

    /// <summary>The keys of a dimension string, in order: "stage=route;material=drug" gives "stage;material", "origin" gives "origin".</summary>
    public static string KeysOf(string dimension)
        => string.Join(';', dimension.Split(';').Select(p => p.IndexOf('=') is var i and >= 0 ? p[..i] : p));

    /// <summary>The value part of a one-key dimension (after its first '='): the key of a by-value outcome.</summary>
    public static string ValueOf(string dimension) => dimension[(dimension.IndexOf('=') + 1)..];

    public override string ToString() => Name;
}
