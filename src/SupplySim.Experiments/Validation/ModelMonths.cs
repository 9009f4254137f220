using SupplySim.Experiments.Results;

namespace SupplySim.Experiments.Validation;

/// <summary>
/// The monthly values a hindcast needs, read from an experiment's metrics.csv in one pass: for each metric tap
/// (<see cref="MetricTap"/>), replicate, month and model region, the sum of the series the tap takes (NaN where
/// they are all NaN). Also the months the run covers (its window) and its replicates.
/// </summary>
public sealed class ModelMonths
{
    private readonly Dictionary<(int Tap, int Replicate, int Month, string Region), double> _values = new();
    private readonly List<HashSet<string>> _regions;

    public SortedSet<int> Window { get; } = new();
    public SortedSet<int> Replicates { get; } = new();

    private ModelMonths(int taps) => _regions = Enumerable.Range(0, taps).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();

    /// <summary>The model regions that have series of tap <paramref name="tap"/>.</summary>
    public IReadOnlyCollection<string> Regions(int tap) => _regions[tap];

    public double Value(int tap, int replicate, int month, string region)
        => _values.TryGetValue((tap, replicate, month, region), out var v) ? v : double.NaN;

    public static ModelMonths Read(string metricsCsv, IReadOnlyList<MetricTap> taps)
    {
        var model = new ModelMonths(taps.Count);
        var byMetric = taps.Select((t, i) => (t, i)).ToLookup(x => x.t.Metric.Name, StringComparer.Ordinal);
        using var reader = new StreamReader(metricsCsv);
        reader.ReadLine(); // run,replicate,tick,date,metric,dimension,value
        while (reader.ReadLine() is { } line)
        {
            var f = CsvLine.Split(line);
            var replicate = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture);
            var month = ObservedPeriod.ParseMonth(f[3]);
            model.Window.Add(month);
            model.Replicates.Add(replicate);
            foreach (var (tap, i) in byMetric[f[4]])
            {
                if (tap.RegionOf(f[5]) is not { } region) continue;
                model._regions[i].Add(region);
                var v = CsvLine.Number(f[6]);
                var key = (i, replicate, month, region);
                // NaN (e.g. a share where nothing was sold) counts only while no series of the tap has a value.
                model._values[key] = model._values.TryGetValue(key, out var sum) && !double.IsNaN(sum) ? (double.IsNaN(v) ? sum : sum + v) : v;
            }
        }
        return model;
    }
}
