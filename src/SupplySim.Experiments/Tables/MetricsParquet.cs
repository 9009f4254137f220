using SupplySim.Experiments.Results;
using SupplySim.Model.Metrics;

namespace SupplySim.Experiments.Tables;

/// <summary>
/// metrics.parquet (docs/experiments.md#output-formats): the rows of metrics.csv, typed, with the varied settings of a
/// sweep and one column per dimension key (region, substance, stage, ...) split out of <c>dimension</c>. Written from the
/// runs' own metrics.csv files, one row group per run in (arm, replicate) order, so memory holds one run's rows.
/// </summary>
public static class MetricsParquet
{
    public const string File = "metrics.parquet";

    /// <summary>Every key of a <c>key=value</c> dimension in the catalog (docs/model.md#metrics), in catalog order.</summary>
    public static IReadOnlyList<string> DimensionKeys { get; } = MetricCatalog.All.SelectMany(d => d.Rows).SelectMany(r => r.Dimensions)
        .SelectMany(f => f.Split(';')).Where(p => p.Contains('=')).Select(p => p[..p.IndexOf('=')]).Distinct().ToArray();

    public static void Write(ExperimentPlan plan, string outDir, IEnumerable<string> runFiles)
    {
        var varied = new VariedColumns(plan);
        var fixedNames = new[] { "run", "replicate", "tick", "date", "metric", "dimension", "value" };
        var variedColumns = varied.Columns(fixedNames.Concat(DimensionKeys));
        var keys = DimensionKeys.Select(k => new TableColumn(k, ColumnKind.Text)).ToArray();
        TableColumn run = new("run", ColumnKind.Text), replicate = new("replicate", ColumnKind.Int), tick = new("tick", ColumnKind.Int), date = new("date", ColumnKind.Text),
            metric = new("metric", ColumnKind.Text), dimension = new("dimension", ColumnKind.Text), value = new("value", ColumnKind.Double);
        var split = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        using var table = new ParquetTableWriter(Path.Combine(outDir, File), [run, .. variedColumns, replicate, tick, date, metric, dimension, .. keys, value]);
        foreach (var file in runFiles)
        {
            using (var reader = new StreamReader(file))
            {
                reader.ReadLine(); // the header
                while (reader.ReadLine() is { } line)
                {
                    var f = CsvLine.Split(line);
                    run.Add(f[0]);
                    varied.Add(variedColumns, f[0]);
                    replicate.AddField(f[1]);
                    tick.AddField(f[2]);
                    date.Add(f[3]);
                    metric.Add(f[4]);
                    dimension.Add(f[5]);
                    if (!split.TryGetValue(f[5], out var parts)) split[f[5]] = parts = Split(f[5]);
                    for (var k = 0; k < keys.Length; k++) keys[k].Add(parts[k]);
                    value.AddField(f[6]);
                }
            }
            table.EndRowGroup();
        }
        table.Commit();
    }

    /// <summary>
    /// The value of each dimension key in <paramref name="dimension"/>, null where it has none. A bare name (the
    /// displacement index's <c>origin</c> or <c>lab</c>: which shares it compares) has no value and stays only in <c>dimension</c>.
    /// </summary>
    public static string?[] Split(string dimension)
    {
        var values = new string?[DimensionKeys.Count];
        foreach (var part in dimension.Split(';'))
        {
            var eq = part.IndexOf('=');
            if (eq < 0) continue;
            var k = IndexOf(part[..eq]);
            if (k >= 0) values[k] = part[(eq + 1)..];
        }
        return values;
    }

    private static int IndexOf(string key)
    {
        for (var i = 0; i < DimensionKeys.Count; i++) if (DimensionKeys[i] == key) return i;
        return -1;
    }
}
