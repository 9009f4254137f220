using SupplySim.Grains;
using SupplySim.Model.Metrics;

namespace SupplySim.Experiments.Results;

/// <summary>The file format of an experiment's long tables (docs/experiments.md#output-formats).</summary>
public enum TableFormat { Csv, Parquet }

/// <summary>
/// What an experiment writes to its long metrics table (docs/experiments.md#output-formats): the format, a save list of
/// metrics (null: all) and thinning to every K-th tick. Only the written table changes: headline outcomes, summary.json and
/// series.csv are folded from every tick and metric of the run.
/// </summary>
public sealed record OutputOptions(TableFormat Format = TableFormat.Csv, IReadOnlySet<string>? Metrics = null, int Every = 1)
{
    public static OutputOptions Default { get; } = new();

    /// <summary>Thinning samples the last tick of each block of K (tick % K == K − 1): with monthly ticks and K = 12, each December.</summary>
    public bool KeepsTick(int tick) => Every <= 1 || tick % Every == Every - 1;

    public bool KeepsMetric(string metric) => Metrics is null || Metrics.Contains(metric);

    /// <summary>
    /// What the selection adds to a run's key, since it changes the run's metrics.csv; empty without one, so keys (and
    /// --resume of folders written before these options existed) stay as they were. The format is not in it: it applies when runs are merged.
    /// </summary>
    public string KeyText => Metrics is null && Every <= 1 ? "" : $"metrics={string.Join('+', Metrics?.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())};every={Every}";

    /// <summary>The save list of `--metrics A,B`: every name must be a metric of the catalog (docs/model.md#metrics).</summary>
    public static IReadOnlySet<string> ParseMetrics(string list)
    {
        var known = MetricCatalog.All.Select(d => d.Name).ToArray();
        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new UserInputException($"--metrics needs at least one metric name; known: {string.Join(", ", known)}");
        foreach (var name in names)
            if (!known.Contains(name, StringComparer.Ordinal))
                throw new UserInputException($"--metrics: unknown metric {name}{(Closest(name, known) is { } hint ? $" (did you mean {hint}?)" : "")}; known: {string.Join(", ", known)}");
        return names.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The known name nearest to a mistyped one (edit distance at most a third of its length), or null.</summary>
    private static string? Closest(string name, IEnumerable<string> known)
        => known.Select(k => (k, d: Distance(name, k))).Where(x => x.d <= Math.Max(2, name.Length / 3)).OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
