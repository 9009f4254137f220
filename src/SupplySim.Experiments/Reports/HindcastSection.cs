using SupplySim.Experiments.Charts;
using SupplySim.Experiments.Validation;

namespace SupplySim.Experiments.Reports;

/// <summary>A titled part of report.html after the results: paragraphs, tables and charts.</summary>
public sealed record ReportSection(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<ResultTable> Tables, IReadOnlyList<HtmlReport.Chart> Charts);

/// <summary>
/// The hindcast part of a results folder, rebuilt from hindcast.csv and hindcast-model.csv alone (so `supplysim report`
/// rebuilds it): hindcast-fit.csv, one chart per observed series and region, the fit table and the report section.
/// </summary>
public static class HindcastSection
{
    public sealed record Built(ReportSection Section, IReadOnlyList<string> Files);

    /// <summary>The section and the files it wrote, or null when the folder holds no hindcast.</summary>
    public static Built? Build(string outDir, int replicates)
    {
        var path = Path.Combine(outDir, HindcastRow.File);
        if (!File.Exists(path)) return null;
        var rows = HindcastRow.Read(path);
        var model = ModelPoint.Read(Path.Combine(outDir, ModelPoint.File));
        var fits = HindcastFit.Of(rows);
        HindcastFit.Write(Path.Combine(outDir, HindcastFit.File), fits);
        Results.AtomicFile.WriteAllText(Path.Combine(outDir, HindcastFit.MarkdownFile), HindcastFit.Markdown(fits));

        var charts = new List<HtmlReport.Chart>();
        foreach (var g in rows.Where(r => Sample.Compared(r.Sample)).GroupBy(r => (r.Series, r.Region)))
        {
            var drawn = HindcastCharts.Draw(outDir, g.Key.Series, g.Key.Region, model.Where(p => p.Series == g.Key.Series && p.Region == g.Key.Region).ToArray(), g.ToArray());
            charts.Add(new HtmlReport.Chart($"Hindcast of {g.Key.Series} ({g.Key.Region})", drawn[0], drawn[1]));
        }
        var table = Table(fits, replicates);
        var skipped = rows.Where(r => !Sample.Compared(r.Sample)).GroupBy(r => (r.Series, r.Region, r.Dataset, r.Sample))
            .Select(g => $"{g.Key.Series} ({g.Key.Region}, {g.Key.Dataset}): {g.Count()} observation(s) not compared, {(g.Key.Sample == Sample.NotModelled ? "the scenario does not produce this series" : "outside the run's months")}.")
            .ToArray();
        var holdout = model.Where(p => p.Sample == Sample.Holdout).Select(p => p.Period.Year).DefaultIfEmpty().Min();
        var paragraphs = new List<string>
        {
            $"Every observed series of the observed-data folder that this scenario produces, against the model ({replicates} replicates): hindcast.csv holds each observation with the model's mean and 95% interval, hindcast-model.csv the model for every period of the run, hindcast-fit.csv the fit below. " +
            (holdout > 0 ? $"Periods before {holdout} are the calibration sample, from {holdout} on the holdout sample. " : "") +
            $"The interval is that of a single run: with {ModelInterval.PercentileReplicates} or more replicates their 2.5% and 97.5% quantiles, with fewer mean ± t(0.975, n−1)·sd·√(1+1/n). Method and data: docs/validation.md.",
        };
        paragraphs.AddRange(skipped);
        return new Built(new ReportSection("Hindcast", paragraphs, [table], charts),
            [HindcastRow.File, ModelPoint.File, HindcastFit.File, HindcastFit.MarkdownFile, .. charts.SelectMany(c => new[] { c.Png, c.Svg })]);
    }

    public static ResultTable Table(IReadOnlyList<HindcastFit> fits, int replicates)
    {
        var rows = new List<IReadOnlyList<string>>();
        string? last = null;
        foreach (var f in fits)
        {
            var head = $"{f.Series} ({f.Region}, {f.Dataset})";
            if (head != last) rows.Add([head, "", "", "", ""]);
            last = head;
            rows.Add(["  " + f.Sample, f.N.ToString(System.Globalization.CultureInfo.InvariantCulture), Pct(f.MapePct), Pct(f.BiasPct, signed: true), Figures.Share(f.Coverage)]);
        }
        return new ResultTable($"Hindcast: the model against observed series ({replicates} replicates)",
            ["Series (region, dataset) / sample", "n", "MAPE", "Bias", "In 95% interval"], rows,
            ["MAPE: mean absolute percentage error; bias: mean signed percentage error (model above observed is positive); in 95% interval: share of observations inside the model's interval for a single run."]);
    }

    private static string Pct(double v, bool signed = false)
        => double.IsFinite(v) ? (signed && v > 0 ? "+" : "") + v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "n/a";
}
