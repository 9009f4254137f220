using System.Globalization;
using SupplySim.Experiments.Results;

namespace SupplySim.Experiments.Validation;

/// <summary>
/// The fit of one observed series (one region, one dataset) in one sample: n observations compared, the mean absolute
/// percentage error, the bias (mean signed percentage error, model above the observation positive) and the coverage
/// (share of the observations inside the model's 95% interval; NaN when no interval is defined).
/// </summary>
public sealed record HindcastFit(string Series, string Region, string Dataset, string Sample, int N, double MapePct, double BiasPct, double Coverage)
{
    public const string File = "hindcast-fit.csv";
    public const string Header = "series,region,dataset,sample,n,mape_pct,bias_pct,coverage";

    /// <summary>Per series, region, dataset and sample (calibration, then holdout), from the compared rows of hindcast.csv.</summary>
    public static IReadOnlyList<HindcastFit> Of(IEnumerable<HindcastRow> rows)
        => rows.Where(r => Validation.Sample.Compared(r.Sample) && double.IsFinite(r.ErrorPct))
            .GroupBy(r => (r.Series, r.Region, r.Dataset, r.Sample))
            .OrderBy(g => g.Key.Series, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.Sample == Validation.Sample.Calibration ? 0 : 1)
            .Select(g =>
            {
                var banded = g.Where(r => double.IsFinite(r.Model.Low) && double.IsFinite(r.Model.High)).ToArray();
                return new HindcastFit(g.Key.Series, g.Key.Region, g.Key.Dataset, g.Key.Sample, g.Count(),
                    g.Average(r => Math.Abs(r.ErrorPct)), g.Average(r => r.ErrorPct),
                    banded.Length == 0 ? double.NaN : banded.Count(r => r.Model.Contains(r.Observed)) / (double)banded.Length);
            }).ToArray();

    public const string MarkdownFile = "hindcast-fit.md";

    /// <summary>The fit as a Markdown table, the block docs/validation.md carries between its markers.</summary>
    public static string Markdown(IReadOnlyList<HindcastFit> fits)
    {
        var sb = new System.Text.StringBuilder("| series | region | dataset | sample | n | MAPE | bias | in 95% interval |\n|---|---|---|---|---:|---:|---:|---:|\n");
        string Pct(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) + "%" : "n/a";
        foreach (var f in fits)
            sb.Append($"| {f.Series} | {f.Region} | {f.Dataset} | {f.Sample} | {f.N} | {Pct(f.MapePct, "0.0")} | {Pct(f.BiasPct, "+0.0;-0.0;0.0")} | {Pct(100 * f.Coverage, "0")} |\n");
        return sb.ToString();
    }

    public static void Write(string path, IReadOnlyList<HindcastFit> fits)
    {
        using var file = new AtomicWriter(path);
        file.Writer.WriteLine(Header);
        foreach (var f in fits)
            file.Writer.WriteLine(CsvLine.Join([f.Series, f.Region, f.Dataset, f.Sample, f.N.ToString(CultureInfo.InvariantCulture),
                CsvLine.Text(f.MapePct), CsvLine.Text(f.BiasPct), CsvLine.Text(f.Coverage)]));
        file.Commit();
    }
}
