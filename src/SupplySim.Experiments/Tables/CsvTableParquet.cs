using System.Globalization;
using SupplySim.Experiments.Results;

namespace SupplySim.Experiments.Tables;

/// <summary>
/// The Parquet copy of one of an experiment's CSV tables (replicates, timeseries, compare, sweep, marginal), with a sweep's
/// varied settings as columns beside <c>run</c>. Two passes over the file: the first finds each column's type (whole
/// numbers for counts and indices, numbers (an empty field is null: not applicable), else text), the second writes row groups of <see cref="RowsPerGroup"/> rows,
/// so memory does not grow with the table.
/// </summary>
public static class CsvTableParquet
{
    public const int RowsPerGroup = 100_000;

    private static readonly HashSet<string> Whole = new(["replicate", "tick", "n", "step", "point"], StringComparer.Ordinal);
    private static readonly HashSet<string> Names = new(["run", "scenario", "date", "series", "outcome", "metric"], StringComparer.Ordinal);

    /// <summary>Writes NAME.parquet beside NAME.csv; returns its file name.</summary>
    public static string Write(ExperimentPlan plan, string csvPath)
    {
        var parquetPath = Path.ChangeExtension(csvPath, ".parquet");
        string[] header;
        ColumnKind[] kinds;
        using (var reader = new StreamReader(csvPath))
        {
            header = CsvLine.Split(reader.ReadLine() ?? "");
            kinds = header.Select(h => Names.Contains(h) ? ColumnKind.Text : h == "seed" ? ColumnKind.UInt64 : Whole.Contains(h) ? ColumnKind.Int : ColumnKind.OptionalDouble).ToArray();
            var seen = false;
            while (reader.ReadLine() is { } line)
            {
                seen = true;
                var f = CsvLine.Split(line);
                for (var i = 0; i < kinds.Length; i++) kinds[i] = Narrow(kinds[i], f[i]);
            }
            if (!seen) kinds = header.Select(_ => ColumnKind.Text).ToArray();
        }
        var columns = header.Select((h, i) => new TableColumn(h, kinds[i])).ToArray();
        var runAt = Array.IndexOf(header, "run");
        var varied = new VariedColumns(plan);
        var variedColumns = runAt < 0 ? [] : varied.Columns(header);
        var all = runAt < 0 ? columns : [.. columns[..(runAt + 1)], .. variedColumns, .. columns[(runAt + 1)..]];
        using (var table = new ParquetTableWriter(parquetPath, all))
        using (var reader = new StreamReader(csvPath))
        {
            reader.ReadLine();
            var rows = 0;
            while (reader.ReadLine() is { } line)
            {
                var f = CsvLine.Split(line);
                for (var i = 0; i < columns.Length; i++) columns[i].AddField(f[i]);
                if (runAt >= 0) varied.Add(variedColumns, f[runAt]);
                if (++rows % RowsPerGroup == 0) table.EndRowGroup();
            }
            table.Commit();
        }
        return Path.GetFileName(parquetPath);
    }

    /// <summary>The type a column keeps once <paramref name="field"/> is seen: a field that does not parse makes it text.</summary>
    private static ColumnKind Narrow(ColumnKind kind, string field) => kind switch
    {
        ColumnKind.Int when !int.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => Narrow(ColumnKind.OptionalDouble, field),
        ColumnKind.UInt64 when !ulong.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out _) => ColumnKind.Text,
        ColumnKind.OptionalDouble when field.Length > 0 && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => ColumnKind.Text,
        _ => kind,
    };
}
