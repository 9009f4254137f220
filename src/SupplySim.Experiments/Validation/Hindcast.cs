using SupplySim.Experiments.Results;

namespace SupplySim.Experiments.Validation;

/// <summary>
/// Joins an experiment's runs with observed data (docs/validation.md#the-hindcast-command): folds each mapped
/// metric of every replicate into the observed series' regions and periods (<see cref="SeriesMapping"/>), summarises
/// the replicates (<see cref="ModelInterval"/>), and writes hindcast-model.csv (the model for every period of the
/// run) and hindcast.csv (every observation against the model; those outside the run's months or of a series the
/// scenario does not produce are listed with NaN model columns).
/// </summary>
public sealed class Hindcast
{
    private readonly ObservedData _observed;
    private readonly int _holdoutFrom;
    private readonly ModelMonths _model;
    private readonly Dictionary<string, (int Value, int Weight)> _taps = new(StringComparer.Ordinal);

    private Hindcast(ObservedData observed, int holdoutFrom, string metricsCsv)
    {
        _observed = observed;
        _holdoutFrom = holdoutFrom;
        var taps = new List<MetricTap>();
        foreach (var m in observed.Series.Select(s => s.Mapping).Distinct())
        {
            taps.Add(m.Value);
            if (m.Weight is { } w) taps.Add(w);
            _taps[m.Series] = (taps.Count - (m.Weight is null ? 1 : 2), m.Weight is null ? -1 : taps.Count - 1);
        }
        _model = ModelMonths.Read(metricsCsv, taps);
    }

    /// <summary>Writes hindcast-model.csv and hindcast.csv into <paramref name="outDir"/> from its metrics.csv; returns the rows.</summary>
    public static IReadOnlyList<HindcastRow> Write(string outDir, ObservedData observed, int holdoutFrom)
    {
        var h = new Hindcast(observed, holdoutFrom, Path.Combine(outDir, ResultsAssembly.MetricsFile));
        var model = h.ModelPoints();
        var rows = h.Rows(model);
        using (var file = new AtomicWriter(Path.Combine(outDir, ModelPoint.File)))
        {
            file.Writer.WriteLine(ModelPoint.Header);
            foreach (var p in model) file.Writer.WriteLine(p.ToCsv());
            file.Commit();
        }
        using (var file = new AtomicWriter(Path.Combine(outDir, HindcastRow.File)))
        {
            file.Writer.WriteLine(HindcastRow.Header);
            foreach (var r in rows) file.Writer.WriteLine(r.ToCsv());
            file.Commit();
        }
        return rows;
    }

    /// <summary>For each series and region observed, the model at every period of the run of each length observed.</summary>
    private List<ModelPoint> ModelPoints()
    {
        var points = new List<ModelPoint>();
        foreach (var g in _observed.Series.GroupBy(s => (s.Series, s.Region)).OrderBy(g => g.Key.Series, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal))
        {
            var mapping = g.First().Mapping;
            foreach (var months in g.SelectMany(s => s.Points).Select(p => p.Period.Months).Distinct().Order())
            {
                var first = _model.Window.Min;
                while (first % 12 % months != 0) first++; // years start in January, quarters in January, April, July, October
                for (var start = first; start + months - 1 <= _model.Window.Max; start += months)
                {
                    var period = ObservedPeriod.Of(start, months);
                    if (Summarise(mapping, g.Key.Region, period) is { } model)
                        points.Add(new ModelPoint(g.Key.Series, g.Key.Region, period, model, Sample.Of(period, _holdoutFrom)));
                }
            }
        }
        return points;
    }

    private List<HindcastRow> Rows(List<ModelPoint> model)
    {
        var byKey = model.ToDictionary(p => (p.Series, p.Region, p.Period.Text));
        var rows = new List<HindcastRow>();
        foreach (var s in _observed.Series)
        {
            var modelled = Regions(s.Mapping, s.Region).Count > 0;
            foreach (var p in s.Points)
            {
                var found = byKey.TryGetValue((s.Series, s.Region, p.Period.Text), out var m);
                var sample = found ? m!.Sample : modelled ? Sample.OutsideWindow : Sample.NotModelled;
                rows.Add(new HindcastRow(s.Series, s.Region, p.Period.Text, p.Value, found ? m!.Model : new ModelInterval(0, double.NaN, double.NaN, double.NaN),
                    sample, p.Status, s.Dataset));
            }
        }
        return rows;
    }

    private IReadOnlyList<string> Regions(SeriesMapping mapping, string region)
        => _model.Regions(_taps[mapping.Series].Value).Where(r => ObservedRegion.Covers(region, r)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The model's value per replicate, summarised; null when the scenario has no such series or the period is not all inside the run.</summary>
    private ModelInterval? Summarise(SeriesMapping mapping, string region, ObservedPeriod period)
    {
        var regions = Regions(mapping, region);
        if (regions.Count == 0 || !Inside(period) || (mapping.Change && !Inside(period.Previous))) return null;
        return ModelInterval.Of(_model.Replicates.Select(r =>
        {
            var value = Fold(mapping, regions, r, period);
            return mapping.Change ? value / Fold(mapping, regions, r, period.Previous) - 1 : value;
        }));
    }

    private bool Inside(ObservedPeriod period) => period.MonthsCovered.All(_model.Window.Contains);

    /// <summary>One replicate's value for a period: regions folded month by month, then the months, then scaled.</summary>
    private double Fold(SeriesMapping mapping, IReadOnlyList<string> regions, int replicate, ObservedPeriod period)
    {
        var (valueTap, weightTap) = _taps[mapping.Series];
        var monthly = period.MonthsCovered.Select(month =>
        {
            double sum = 0, weights = 0;
            var any = false;
            foreach (var region in regions)
            {
                var v = _model.Value(valueTap, replicate, month, region);
                if (double.IsNaN(v)) continue;
                var w = mapping.Regions == RegionFold.Sum ? 1 : weightTap < 0 ? 1 : _model.Value(weightTap, replicate, month, region);
                if (!double.IsFinite(w) || w <= 0 && mapping.Regions == RegionFold.Mean) continue;
                sum += w * v;
                weights += w;
                any = true;
            }
            return !any ? double.NaN : mapping.Regions == RegionFold.Sum ? sum : sum / weights;
        }).ToArray();
        var finite = monthly.Where(double.IsFinite).ToArray();
        var folded = mapping.Months switch
        {
            MonthFold.Sum => finite.Length == 0 ? double.NaN : finite.Sum(),
            MonthFold.Mean => finite.Length == 0 ? double.NaN : finite.Average(),
            _ => monthly[^1],
        };
        return folded * mapping.Scale;
    }
}
