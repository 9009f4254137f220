using System.Globalization;
using System.Text.Json;
using SupplySim.Model.Metrics;

namespace SupplySim.Experiments.Results;

/// <summary>
/// Folds a run's metrics, tick by tick, into its headline outcomes (summary.json): one accumulator per
/// <see cref="MetricCatalog.Outcomes"/> entry, in that order. O(metrics) memory.
/// </summary>
public sealed class Headline
{
    private readonly OutcomeAccumulator[] _outcomes;
    private readonly OutcomeAccumulator _deaths;

    public Headline(string[] metrics, string[] dimensions)
    {
        _outcomes = MetricCatalog.Outcomes.Where(o => o.InSummary).Select(o => new OutcomeAccumulator(o, metrics, dimensions)).ToArray();
        _deaths = _outcomes.Single(a => a.Outcome.Metric == MetricCatalog.OverdoseDeaths && a.Outcome.Fold == OutcomeFold.TotalOfValues);
    }

    public double DeathsTotal => _deaths.Value;

    public void Add(int year, double[] v)
    {
        foreach (var a in _outcomes) a.Add(year, v);
    }

    public void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject("headline");
        foreach (var a in _outcomes) a.Write(w);
        w.WriteEndObject();
    }

    public static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    /// <summary>
    /// One outcome's running state. Each adds its own series in series order, tick after tick, so every sum is
    /// taken in the same order whatever the other outcomes are.
    /// </summary>
    private sealed class OutcomeAccumulator
    {
        public HeadlineOutcome Outcome { get; }
        private readonly SeriesSelection _selection;
        private readonly int[] _series;
        private readonly string[] _values;
        private readonly SortedDictionary<string, double> _byValue = new(StringComparer.Ordinal);
        private readonly SortedDictionary<int, double> _byYear = new();
        private double _sum, _weighted, _weightSum, _final;

        public OutcomeAccumulator(HeadlineOutcome outcome, string[] metrics, string[] dimensions)
        {
            Outcome = outcome;
            _selection = new SeriesSelection(outcome.Metric, metrics, dimensions, outcome.Fold == OutcomeFold.Final ? outcome.Dimension : null);
            // The final value is that of the first series of its dimension.
            _series = outcome.Fold == OutcomeFold.Final ? _selection.Series.Take(1).ToArray() : _selection.Series;
            _values = _series.Select(i => MetricDescriptor.ValueOf(dimensions[i])).ToArray();
            _final = _series.Length > 0 ? 0 : double.NaN; // a series' value before its first tick is 0
        }

        public double Value => Outcome.Fold switch
        {
            OutcomeFold.Total => _sum,
            OutcomeFold.TotalOfValues => _byValue.Values.Sum(),
            OutcomeFold.WeightedMean => _weightSum > 0 ? _weighted / _weightSum : double.NaN,
            OutcomeFold.Final => _final,
            _ => double.NaN,
        };

        public void Add(int year, double[] v)
        {
            if (Outcome.Fold == OutcomeFold.Final)
            {
                foreach (var i in _series) _final = v[i];
                return;
            }
            if (Outcome.Fold == OutcomeFold.WeightedMean) _weightSum = _selection.AddWeights(v, _weightSum);
            for (var n = 0; n < _series.Length; n++)
            {
                var x = v[_series[n]];
                if (double.IsNaN(x)) continue;
                switch (Outcome.Fold)
                {
                    case OutcomeFold.Total: _sum += x; break;
                    case OutcomeFold.TotalOfValues or OutcomeFold.ByValue: _byValue[_values[n]] = _byValue.GetValueOrDefault(_values[n]) + x; break;
                    case OutcomeFold.ByYear: _byYear[year] = _byYear.GetValueOrDefault(year) + x; break;
                    case OutcomeFold.WeightedMean: _weighted += x * _selection.Weight(v, n); break;
                }
            }
        }

        public void Write(Utf8JsonWriter w)
        {
            switch (Outcome.Fold)
            {
                case OutcomeFold.ByValue:
                    w.WriteStartObject(Outcome.Key);
                    foreach (var (k, x) in _byValue) Number(w, k, x);
                    w.WriteEndObject();
                    break;
                case OutcomeFold.ByYear:
                    w.WriteStartObject(Outcome.Key);
                    foreach (var (y, x) in _byYear) Number(w, y.ToString(CultureInfo.InvariantCulture), x);
                    w.WriteEndObject();
                    break;
                default:
                    Number(w, Outcome.Key, Value);
                    break;
            }
        }
    }
}
