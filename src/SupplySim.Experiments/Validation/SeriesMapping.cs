using System.Globalization;
using SupplySim.Grains;
using SupplySim.Model.Metrics;

namespace SupplySim.Experiments.Validation;

/// <summary>How the months of a period fold into one value: summed (flows), averaged (levels, shares) or the last month's (year-end stocks).</summary>
public enum MonthFold { Sum, Mean, Last }

/// <summary>How the model regions of an aggregate region (US = every US-* region) fold each month: summed, or averaged (weighted when a weight is given).</summary>
public enum RegionFold { Sum, Mean }

/// <summary>
/// A metric with a filter on its dimension keys other than `region`: `state=oud|moud` takes the series whose state is
/// oud or moud (summed). The metric must be in <see cref="MetricCatalog"/> and describe those keys with `region`.
/// </summary>
public sealed record MetricTap(MetricDescriptor Metric, IReadOnlyList<(string Key, string[] Values)> Filter)
{
    /// <summary>The model region of a metrics.csv dimension when the filter takes it, else null.</summary>
    public string? RegionOf(string dimension)
    {
        string? region = null;
        var matched = 0;
        foreach (var part in dimension.Split(';'))
        {
            var eq = part.IndexOf('=');
            if (eq < 0) return null;
            var (key, value) = (part[..eq], part[(eq + 1)..]);
            if (key == "region") { region = value; continue; }
            var f = Filter.FirstOrDefault(x => x.Key == key);
            if (f.Key is null || !f.Values.Contains(value)) return null;
            matched++;
        }
        return matched == Filter.Count ? region : null;
    }

    public override string ToString()
        => Filter.Count == 0 ? Metric.Name : $"{Metric.Name}{{{string.Join(";", Filter.Select(f => $"{f.Key}={string.Join("|", f.Values)}"))}}}";

    /// <summary>Parses `metric` or `metric{key=a|b;key2=c}` (the weight column) with the filter given apart or inside braces.</summary>
    public static MetricTap Parse(CsvRow row, string column, string metric, string filter)
    {
        var descriptor = MetricCatalog.Find(metric)
            ?? throw row.Error($"{column} '{metric}' is not a metric of the catalog (docs/model.md#metrics); e.g. {string.Join(", ", MetricCatalog.All.Take(4).Select(m => m.Name))}");
        var parts = new List<(string, string[])>();
        foreach (var p in filter.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = p.IndexOf('=');
            if (eq <= 0 || eq == p.Length - 1) throw row.Error($"{column} filter '{p}' must be key=value or key=value1|value2");
            parts.Add((p[..eq], p[(eq + 1)..].Split('|')));
        }
        var keys = string.Join(";", parts.Select(p => p.Item1).Append("region"));
        if (!descriptor.Describes(keys))
            throw row.Error($"{column} {metric} has no series with the dimension keys {keys}; its dimensions: {string.Join(", ", descriptor.Rows.SelectMany(r => r.Dimensions))}");
        return new MetricTap(descriptor, parts);
    }
}

/// <summary>
/// One row of mapping.csv: which model metric an observed series compares with, and how the model's monthly,
/// per-region series become one value per observed period and region (docs/validation.md#mapping).
/// </summary>
public sealed record SeriesMapping(string Series, MetricTap Value, MonthFold Months, RegionFold Regions, MetricTap? Weight, double Scale, bool Change)
{
    public const string File = "mapping.csv";

    public static readonly string[] Columns = ["series", "metric", "filter", "months", "regions", "weight", "scale", "transform"];

    public static IReadOnlyDictionary<string, SeriesMapping> Load(string dir)
    {
        var path = Path.Combine(dir, File);
        if (!System.IO.File.Exists(path)) throw new UserInputException($"{dir}: no {File}; it maps each observed series to a model metric (see docs/validation.md#mapping)");
        var map = new Dictionary<string, SeriesMapping>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in CsvTable.Read(path, Columns))
        {
            var series = row["series"];
            if (series.Length == 0) throw row.Error("series is empty");
            if (lines.TryGetValue(series, out var first)) throw row.Error($"series '{series}' is mapped twice (first at line {first})");
            var value = MetricTap.Parse(row, "metric", row["metric"], row["filter"]);
            var months = Enum<MonthFold>(row, "months");
            var regions = Enum<RegionFold>(row, "regions");
            MetricTap? weight = null;
            if (row["weight"] is { Length: > 0 } w)
            {
                if (regions != RegionFold.Mean) throw row.Error("weight applies only with regions=mean");
                var brace = w.IndexOf('{');
                weight = brace < 0 ? MetricTap.Parse(row, "weight", w, "")
                    : w.EndsWith('}') ? MetricTap.Parse(row, "weight", w[..brace], w[(brace + 1)..^1])
                    : throw row.Error($"weight '{w}' must be metric or metric{{key=value}}");
            }
            if (!double.TryParse(row["scale"], NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || !double.IsFinite(scale) || scale == 0)
                throw row.Error($"scale '{row["scale"]}' must be a non-zero number (1 when the model's unit is the observed one)");
            var change = row["transform"] switch
            {
                "level" => false,
                "change" => true,
                var t => throw row.Error($"transform '{t}'; allowed: level, change"),
            };
            map[series] = new SeriesMapping(series, value, months, regions, weight, scale, change);
            lines[series] = row.Line;
        }
        return map;
    }

    private static T Enum<T>(CsvRow row, string column) where T : struct, Enum
    {
        var names = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var text = row[column];
        return names.Contains(text) ? System.Enum.Parse<T>(text, ignoreCase: true)
            : throw row.Error($"{column} '{text}'; allowed: {string.Join(", ", names)}");
    }
}
