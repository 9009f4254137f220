using SupplySim.Experiments.Results;
using SupplySim.Grains;

namespace SupplySim.Experiments.Validation;

/// <summary>One data row of a <see cref="CsvTable"/>: its fields by column name, and where it is, for messages.</summary>
public sealed class CsvRow(string file, int line, IReadOnlyDictionary<string, string> fields)
{
    public string File { get; } = file;
    public int Line { get; } = line;

    public string this[string column] => fields[column];

    /// <summary>A one-line error at this row: "file:line: message".</summary>
    public UserInputException Error(string message) => new($"{File}:{Line}: {message}");
}

/// <summary>
/// A hand-written CSV file of the observed-data folder read against the columns it must have: a missing or unknown
/// column, or a row with the wrong number of fields, is a one-line error naming the file and line.
/// Blank lines are skipped.
/// </summary>
public static class CsvTable
{
    public static IReadOnlyList<CsvRow> Read(string path, IReadOnlyList<string> columns)
    {
        var name = Path.GetFileName(path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new UserInputException($"{name}:1: the file is empty; the first line must be the header {string.Join(",", columns)}");
        var header = CsvLine.Split(lines[0]).Select(h => h.Trim()).ToArray();
        foreach (var c in columns)
            if (!header.Contains(c)) throw new UserInputException($"{name}:1: missing column '{c}'; the header must be {string.Join(",", columns)}");
        foreach (var h in header)
            if (!columns.Contains(h)) throw new UserInputException($"{name}:1: unknown column '{h}'; the header must be {string.Join(",", columns)}");
        var rows = new List<CsvRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var fields = CsvLine.Split(lines[i]);
            if (fields.Length != header.Length)
                throw new UserInputException($"{name}:{i + 1}: {fields.Length} fields, expected {header.Length} ({string.Join(",", header)}); quote a field that holds a comma");
            rows.Add(new CsvRow(name, i + 1, header.Select((h, k) => (h, v: fields[k].Trim())).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal)));
        }
        return rows;
    }
}
