using ScottPlot;
using SupplySim.Experiments.Analysis;

namespace SupplySim.Experiments.Charts;

/// <summary>
/// One chart that summarises a comparison: each outcome's relative difference from the baseline (percent),
/// with the 95% CI of the paired difference, one marker per scenario.
/// </summary>
public static class ComparisonChart
{
    public static IReadOnlyList<string> Draw(string outDir, IReadOnlyList<ComparisonRow> rows)
    {
        var outcomes = Outcomes.Headline;
        var others = rows.Where(r => r.Difference is not null).GroupBy(r => r.Arm).ToArray();
        var plot = ChartFile.New("Difference from the baseline (paired, 95% CI)", "relative difference (%)", "");
        plot.Add.VerticalLine(0, 1, Colors.Gray);
        for (var g = 0; g < others.Length; g++)
        {
            var color = ChartFile.ColorOf(g + 1);
            var xs = new List<double>();
            var ys = new List<double>();
            var errs = new List<double>();
            foreach (var r in others[g])
            {
                var baseline = rows.First(b => b.Arm == 0 && b.Outcome.Key == r.Outcome.Key).Value.Mean;
                if (!double.IsFinite(r.RelativeDifference) || baseline == 0) continue;
                var y = outcomes.Count - 1 - outcomes.ToList().FindIndex(o => o.Key == r.Outcome.Key) + (g - (others.Length - 1) / 2.0) * 0.2;
                xs.Add(100 * r.RelativeDifference);
                ys.Add(y);
                errs.Add(double.IsFinite(r.Difference!.HalfWidth) ? 100 * r.Difference.HalfWidth / Math.Abs(baseline) : 0);
            }
            var bars = new ScottPlot.Plottables.ErrorBar(xs.ToArray(), ys.ToArray(), errs.ToArray(), errs.ToArray(), null, null) { Color = color };
            plot.Add.Plottable(bars);
            var markers = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), color);
            markers.MarkerSize = 9;
            markers.LegendText = others[g].First().Run;
        }
        var ticks = outcomes.Select((o, i) => new Tick(outcomes.Count - 1 - i, o.Label)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.ShowLegend(Edge.Bottom);
        return ChartFile.Save(plot, outDir, "compare-differences");
    }
}
