using System.Globalization;
using System.Text;

namespace SupplySim.Experiments.Results;

/// <summary>Reads one line of the CSV files SupplySim writes (RFC 4180 quoting, no line breaks inside fields).</summary>
public static class CsvLine
{
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') sb.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields.ToArray();
    }

    public static string Join(IEnumerable<string> fields) => string.Join(",", fields.Select(MetricsCsvWriter.Field));

    public static double Number(string field)
        => field.Length == 0 ? double.NaN : double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string Text(double v) => MetricsCsvWriter.Format(v);
}
