using ParquetSharp;

namespace SupplySim.Cli.Tests.Tables;

/// <summary>A whole Parquet file read with ParquetSharp, column by column across its row groups (test data is small).</summary>
public sealed class ParquetTable
{
    private readonly Dictionary<string, Array> _columns = new(StringComparer.Ordinal);

    public int Rows { get; private init; }

    public static ParquetTable Read(string path)
    {
        using var file = new ParquetFileReader(path);
        var meta = file.FileMetaData;
        var parts = Enumerable.Range(0, meta.NumColumns).ToDictionary(c => meta.Schema.Column(c).Name, _ => new List<Array>());
        long rows = 0;
        for (var g = 0; g < meta.NumRowGroups; g++)
        {
            using var group = file.RowGroup(g);
            var n = checked((int)group.MetaData.NumRows);
            rows += n;
            for (var c = 0; c < meta.NumColumns; c++)
            {
                using var column = group.Column(c);
                parts[meta.Schema.Column(c).Name].Add(column.ColumnDescriptor.PhysicalType switch
                {
                    PhysicalType.Int32 => column.LogicalReader<int>().ReadAll(n),
                    PhysicalType.Int64 => column.LogicalReader<ulong>().ReadAll(n), // only the replicate seed
                    PhysicalType.Double when column.ColumnDescriptor.MaxDefinitionLevel > 0 => column.LogicalReader<double?>().ReadAll(n),
                    PhysicalType.Double => column.LogicalReader<double>().ReadAll(n),
                    PhysicalType.ByteArray => column.LogicalReader<string?>().ReadAll(n),
                    var t => throw new InvalidOperationException($"{path}: column {meta.Schema.Column(c).Name} has type {t}"),
                });
            }
        }
        var table = new ParquetTable { Rows = checked((int)rows) };
        foreach (var (name, arrays) in parts)
        {
            var all = Array.CreateInstance(arrays[0].GetType().GetElementType()!, rows);
            var at = 0;
            foreach (var a in arrays) { a.CopyTo(all, at); at += a.Length; }
            table._columns[name] = all;
        }
        return table;
    }

    public int[] Int(string column) => (int[])_columns[column];
    /// <summary>A number column; in an optional one (null: not applicable), null reads as NaN.</summary>
    public double[] Double(string column) => _columns[column] as double[] ?? ((double?[])_columns[column]).Select(v => v ?? double.NaN).ToArray();

    public double?[] OptionalDouble(string column) => (double?[])_columns[column];
    public string?[] Text(string column) => (string?[])_columns[column];
    public bool Has(string column) => _columns.ContainsKey(column);
}
