using SupplySim.Experiments;
using SupplySim.Experiments.Analysis;
using SupplySim.Experiments.Charts;

namespace SupplySim.Experiments.Reports;

/// <summary>
/// Everything after the runs, built from the folder alone (replicates.csv, timeseries.csv and the plan), so
/// `supplysim report DIR` rebuilds exactly what the experiment wrote: the statistics files, the charts,
/// report.html, and the tables, handed to the caller to show (the console, in the CLI). A report of a
/// <see cref="PartialRuns"/> experiment says so in summary.json and at the top of report.html.
/// </summary>
public static class ExperimentReport
{
    /// <summary>Writes the analysis files, charts and report.html; shows each table; returns the files written (relative paths).</summary>
    public static IReadOnlyList<string> Build(string outDir, ExperimentPlan plan, string version, Action<ResultTable> show, PartialRuns? partial = null)
    {
        var table = ReplicateTable.Read(outDir, plan);
        var files = new List<string>(ExperimentFiles.Write(outDir, table, partial));
        var tables = new List<ResultTable>();
        var charts = new List<HtmlReport.Chart>();

        switch (plan.Kind)
        {
            case ExperimentKind.Run:
                tables.Add(ResultTables.Outcomes(table, 0));
                break;
            case ExperimentKind.Compare:
                var rows = Comparison.Of(table);
                tables.Add(ResultTables.Comparison(table, rows));
                if (plan.Decomposes) tables.Add(ResultTables.Decomposition(table, Decomposition.Of(table)));
                charts.Add(Chart("Difference from the baseline", ComparisonChart.Draw(outDir, rows)));
                break;
            case ExperimentKind.Sweep:
                var axis = plan.Sweep!.Axes[0].Path + (plan.Sweep.Axes[0].IsDate ? " (month)" : "");
                foreach (var o in Outcomes.Headline)
                {
                    var lines = DoseResponse.Of(table, plan.Sweep, o);
                    tables.Add(ResultTables.Sweep(lines, plan.Sweep.Axes[0].Path));
                    var drawn = SweepCharts.Draw(outDir, axis, lines);
                    charts.Add(Chart($"{o.Label}: dose-response", drawn.Take(2).ToArray()));
                    charts.Add(Chart($"{o.Label}: marginal effect per step", drawn.Skip(2).ToArray()));
                }
                break;
        }
        if (plan.Kind != ExperimentKind.Sweep)
        {
            var drawn = TimeSeriesCharts.Draw(outDir, plan);
            charts.AddRange(Outcomes.Series.Select((s, i) => Chart(s.Label + " over time", drawn.Skip(2 * i).Take(2).ToArray())));
        }

        foreach (var t in tables) show(t);
        files.AddRange(charts.SelectMany(c => new[] { c.Png, c.Svg }));
        // A hindcast (supplysim hindcast) left its comparison with observed data in the folder: its own section.
        var hindcast = plan.Kind == ExperimentKind.Run ? HindcastSection.Build(outDir, plan.Replicates) : null;
        if (hindcast is not null)
        {
            foreach (var t in hindcast.Section.Tables) show(t);
            files.AddRange(hindcast.Files);
        }
        // A partial experiment's runs are not merged into metrics.csv yet; each run's is under runs/. With --format parquet they went to metrics.parquet.
        var metrics = File.Exists(Path.Combine(outDir, Tables.MetricsParquet.File)) ? Tables.MetricsParquet.File : ResultsAssembly.MetricsFile;
        IReadOnlyList<string> listed = [HtmlReport.File, .. partial is null ? [metrics] : Array.Empty<string>(), ResultsAssembly.ReplicatesFile, ResultsAssembly.TimeSeriesFile, .. files, ExperimentManifest.File, "runs/"];
        Results.AtomicFile.WriteAllText(Path.Combine(outDir, HtmlReport.File),
            HtmlReport.Render(outDir, plan, version, tables, charts, listed, partial, hindcast is null ? null : [hindcast.Section]));
        return listed;
    }

    private static HtmlReport.Chart Chart(string title, IReadOnlyList<string> pngAndSvg) => new(title, pngAndSvg[0], pngAndSvg[1]);
}
