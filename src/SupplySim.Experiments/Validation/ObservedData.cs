using System.Globalization;
using SupplySim.Grains;

namespace SupplySim.Experiments.Validation;

/// <summary>One observed value, with what it means and where it comes from, and the file and line it was read from.</summary>
public sealed record ObservedPoint(string Series, string Region, ObservedPeriod Period, double Value, string Unit, string Definition,
    string Source, bool Provisional, string File, int Line)
{
    public string Status => Provisional ? "provisional" : "final";
}

/// <summary>
/// The observed points of one series and region from one file (a dataset), in period order, and how the model is
/// compared with them. The dataset keeps sources apart: the report's figures and the CDC's series of the same
/// years are separate lines of a fit, never averaged together.
/// </summary>
public sealed record ObservedSeries(string Dataset, string Series, string Region, SeriesMapping Mapping, IReadOnlyList<ObservedPoint> Points)
{
    public string Key => $"{Dataset}/{Series}/{Region}";
}

/// <summary>
/// The observed-data folder (data/observed, docs/validation.md#observed-data): tidy CSV files with the columns
/// <see cref="Columns"/>, and mapping.csv. Every mistake is one line "file:line: what is wrong" (exit code 2).
/// </summary>
public sealed record ObservedData(string Folder, IReadOnlyDictionary<string, SeriesMapping> Mappings, IReadOnlyList<ObservedSeries> Series)
{
    public static readonly string[] Columns = ["series", "region", "period", "value", "unit", "definition", "source", "status"];

    public static ObservedData Load(string dir)
    {
        if (!Directory.Exists(dir)) throw new UserInputException($"--observed {dir} is not a folder");
        var mappings = SeriesMapping.Load(dir);
        var files = Directory.GetFiles(dir, "*.csv").Where(f => Path.GetFileName(f) != SeriesMapping.File).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new UserInputException($"{dir}: no observed data (*.csv besides {SeriesMapping.File})");
        var series = new List<ObservedSeries>();
        foreach (var file in files)
        {
            var dataset = Path.GetFileNameWithoutExtension(file);
            var points = ReadFile(file, mappings);
            series.AddRange(points.GroupBy(p => (p.Series, p.Region))
                .Select(g => new ObservedSeries(dataset, g.Key.Series, g.Key.Region, mappings[g.Key.Series], g.OrderBy(p => p.Period.FirstMonth).ThenBy(p => p.Period.Months).ToArray())));
        }
        return new ObservedData(dir, mappings, series);
    }

    private static List<ObservedPoint> ReadFile(string path, IReadOnlyDictionary<string, SeriesMapping> mappings)
    {
        var points = new List<ObservedPoint>();
        var seen = new Dictionary<(string, string, string), int>();
        foreach (var row in CsvTable.Read(path, Columns))
        {
            var series = row["series"];
            if (!mappings.ContainsKey(series))
                throw row.Error($"series '{series}' has no row in {SeriesMapping.File}; known: {string.Join(", ", mappings.Keys)}");
            var region = row["region"];
            if (!ObservedRegion.Known.Contains(region))
                throw row.Error($"region '{region}' is not one the model reports; allowed: {string.Join(", ", ObservedRegion.Known)} (US = the four US-* regions together)");
            if (!ObservedPeriod.TryParse(row["period"], out var period))
                throw row.Error($"period '{row["period"]}' must be YYYY, YYYY-MM or YYYY-Qn");
            if (!double.TryParse(row["value"], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw row.Error($"value '{row["value"]}' is not a number (write 1234.5, no thousands separators)");
            var status = row["status"];
            if (status is not ("final" or "provisional")) throw row.Error($"status '{status}'; allowed: final, provisional");
            foreach (var column in new[] { "unit", "definition", "source" })
                if (row[column].Length == 0) throw row.Error($"{column} is empty; every value says its {column}");
            if (seen.TryGetValue((series, region, period.Text), out var first))
                throw row.Error($"duplicate row: {series}, {region}, {period} is already at line {first}");
            seen[(series, region, period.Text)] = row.Line;
            points.Add(new ObservedPoint(series, region, period, value, row["unit"], row["definition"], row["source"], status == "provisional", row.File, row.Line));
        }
        return points;
    }
}
