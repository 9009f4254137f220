using System.Globalization;
using Parquet;
using Parquet.Schema;
using SupplySim.Experiments.Results;

namespace SupplySim.Experiments.Tables;

/// <summary>
/// The type of a Parquet column: whole numbers (tick, replicate), a replicate seed (unsigned 64-bit), a value, a value a
/// table may leave empty (null: e.g. the baseline's difference from itself), or text (null where absent).
/// </summary>
public enum ColumnKind { Int, UInt64, Double, OptionalDouble, Text }

/// <summary>One column of a table being written: its name, type, and the values of the row group being filled.</summary>
public sealed class TableColumn(string name, ColumnKind kind)
{
    public string Name { get; } = name;
    public ColumnKind Kind { get; } = kind;
    internal readonly List<int> Ints = [];
    internal readonly List<ulong> Seeds = [];
    internal readonly List<double> Doubles = [];
    internal readonly List<double?> OptionalDoubles = [];
    internal readonly List<string?> Texts = [];

    public void Add(int v) => Ints.Add(v);
    public void Add(double v) => Doubles.Add(v);
    public void Add(string? v) => Texts.Add(v);

    /// <summary>Adds a CSV field as this column's type (an empty number field is NaN, as in <see cref="CsvLine.Number"/>).</summary>
    public void AddField(string field)
    {
        switch (Kind)
        {
            case ColumnKind.Int: Ints.Add(int.Parse(field, CultureInfo.InvariantCulture)); break;
            case ColumnKind.UInt64: Seeds.Add(ulong.Parse(field, CultureInfo.InvariantCulture)); break;
            case ColumnKind.Double: Doubles.Add(CsvLine.Number(field)); break;
            case ColumnKind.OptionalDouble: OptionalDoubles.Add(field.Length == 0 ? null : CsvLine.Number(field)); break;
            default: Texts.Add(field); break;
        }
    }

    internal DataField Field() => Kind switch
    {
        ColumnKind.Int => new DataField<int>(Name, false),
        ColumnKind.UInt64 => new DataField<ulong>(Name, false),
        ColumnKind.Double => new DataField<double>(Name, false),
        ColumnKind.OptionalDouble => new DataField<double?>(Name, true),
        _ => new DataField<string>(Name, true),
    };

    internal int Count => Kind switch { ColumnKind.Int => Ints.Count, ColumnKind.UInt64 => Seeds.Count, ColumnKind.Double => Doubles.Count, ColumnKind.OptionalDouble => OptionalDoubles.Count, _ => Texts.Count };

    internal void Clear()
    {
        Ints.Clear();
        Seeds.Clear();
        Doubles.Clear();
        OptionalDoubles.Clear();
        Texts.Clear();
    }
}

/// <summary>
/// Writes a table to a Parquet file (docs/experiments.md#output-formats) a row group at a time, so memory holds one
/// group, not the table: typed columns, zstd-compressed, text dictionary-encoded where it repeats. Written under
/// NAME.partial and renamed by <see cref="Commit"/>, like every results file.
/// </summary>
public sealed class ParquetTableWriter : IDisposable
{
    private readonly string _path;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private bool _committed;

    public IReadOnlyList<TableColumn> Columns { get; }

    public ParquetTableWriter(string path, IReadOnlyList<TableColumn> columns)
    {
        _path = path;
        Columns = columns;
        _fields = columns.Select(c => c.Field()).ToArray();
        _stream = File.Create(AtomicFile.PartialPath(path));
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd };
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream, options).GetAwaiter().GetResult();
    }

    public TableColumn this[string name] => Columns.First(c => c.Name == name);

    /// <summary>Writes the rows added since the last call as one row group (nothing if there are none).</summary>
    public void EndRowGroup()
    {
        if (Columns[0].Count == 0) return;
        using (var group = _writer.CreateRowGroup())
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                var c = Columns[i];
                var written = c.Kind switch
                {
                    ColumnKind.Int => group.WriteAsync<int>(_fields[i], c.Ints.ToArray().AsMemory()),
                    ColumnKind.UInt64 => group.WriteAsync<ulong>(_fields[i], c.Seeds.ToArray().AsMemory()),
                    ColumnKind.Double => group.WriteAsync<double>(_fields[i], c.Doubles.ToArray().AsMemory()),
                    ColumnKind.OptionalDouble => group.WriteAsync<double>(_fields[i], c.OptionalDoubles.ToArray().AsMemory()),
                    _ => group.WriteAsync(_fields[i], c.Texts),
                };
                written.GetAwaiter().GetResult();
            }
        }
        foreach (var c in Columns) c.Clear();
    }

    /// <summary>Writes the last row group and the file footer, then gives the file its final name.</summary>
    public void Commit()
    {
        EndRowGroup();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
        AtomicFile.Commit(_path);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
