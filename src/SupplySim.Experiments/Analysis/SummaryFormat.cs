using System.Globalization;
using System.Text.Json;
using SupplySim.Experiments.Results;
using SupplySim.Experiments.Statistics;

namespace SupplySim.Experiments.Analysis;

/// <summary>How a <see cref="SampleSummary"/> is written: the same column names in every CSV and JSON file.</summary>
public static class SummaryFormat
{
    public const string Columns = "n,mean,sd,ci95_low,ci95_high,min,p05,p25,median,p75,p95,max";

    public static string Csv(SampleSummary s)
        => string.Join(",", new[] { s.Mean, s.Sd, s.CiLow, s.CiHigh, s.Min, s.P05, s.P25, s.Median, s.P75, s.P95, s.Max }
            .Select(CsvLine.Text).Prepend(s.N.ToString(CultureInfo.InvariantCulture)));

    public static void Json(Utf8JsonWriter w, string name, SampleSummary s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("n", s.N);
        Headline.Number(w, "mean", s.Mean);
        Headline.Number(w, "sd", s.Sd);
        Headline.Number(w, "ci95_low", s.CiLow);
        Headline.Number(w, "ci95_high", s.CiHigh);
        Headline.Number(w, "min", s.Min);
        Headline.Number(w, "p05", s.P05);
        Headline.Number(w, "p25", s.P25);
        Headline.Number(w, "median", s.Median);
        Headline.Number(w, "p75", s.P75);
        Headline.Number(w, "p95", s.P95);
        Headline.Number(w, "max", s.Max);
        w.WriteEndObject();
    }
}
