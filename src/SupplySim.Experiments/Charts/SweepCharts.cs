using ScottPlot;
using SupplySim.Experiments.Analysis;

namespace SupplySim.Experiments.Charts;

/// <summary>
/// Two charts per outcome of a sweep: the dose-response curve (mean and 95% CI at each value of the varied
/// setting, one line per combination of the other settings) and the marginal effect of each step, with the
/// line at half the first step's effect and the step where returns diminish marked.
/// </summary>
public static class SweepCharts
{
    public static IReadOnlyList<string> Draw(string outDir, string axis, IReadOnlyList<DoseLine> lines)
    {
        var shown = lines.Take(TimeSeriesCharts.MaxLines).ToArray();
        var outcome = shown[0].Outcome;
        var name = outcome.Key.Replace('_', '-');
        var files = new List<string>();

        var dose = ChartFile.New($"{outcome.Label}: dose-response", axis, outcome.Unit);
        for (var i = 0; i < shown.Length; i++)
        {
            var color = ChartFile.ColorOf(i);
            var pts = shown[i].Points.Where(p => double.IsFinite(p.Outcome.Mean)).ToArray();
            if (pts.Length == 0) continue;
            var banded = pts.Where(p => double.IsFinite(p.Outcome.CiLow)).ToArray();
            if (banded.Length > 1)
            {
                var band = dose.Add.FillY(banded.Select(p => p.X).ToArray(), banded.Select(p => p.Outcome.CiLow).ToArray(), banded.Select(p => p.Outcome.CiHigh).ToArray());
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }
            var line = dose.Add.Scatter(pts.Select(p => p.X).ToArray(), pts.Select(p => p.Outcome.Mean).ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = shown[i].Line;
        }
        ChartFile.Legend(dose, shown.Length);
        files.AddRange(ChartFile.Save(dose, outDir, "dose-" + name));

        var marginal = ChartFile.New($"{outcome.Label}: marginal effect of each step", axis + " (end of step)", outcome.Unit + " per step");
        marginal.Add.HorizontalLine(0, 1, Colors.Gray);
        for (var i = 0; i < shown.Length; i++)
        {
            var color = ChartFile.ColorOf(i);
            var l = shown[i];
            var steps = l.Steps.Where(s => double.IsFinite(s.Marginal.Mean)).ToArray();
            if (steps.Length == 0) continue;
            var xs = steps.Select(s => l.Points[s.Step].X).ToArray();
            var ys = steps.Select(s => s.Marginal.Mean).ToArray();
            var bars = marginal.Add.ErrorBar(xs, ys, steps.Select(s => double.IsFinite(s.Marginal.HalfWidth) ? s.Marginal.HalfWidth : 0).ToArray());
            bars.Color = color;
            var line = marginal.Add.Scatter(xs, ys, color);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = l.Line;
            if (i == 0 && l.Steps.Count > 0 && double.IsFinite(l.Steps[0].Marginal.Mean))
            {
                var half = marginal.Add.HorizontalLine(l.Steps[0].Marginal.Mean * DoseResponse.Threshold, 1, color);
                half.LinePattern = LinePattern.Dashed;
                half.LegendText = shown.Length > 1 ? "" : "half the first step's effect";
                if (l.Diminishing is { } d)
                {
                    var mark = marginal.Add.VerticalLine(l.Points[d.Step].X, 1, Colors.Red);
                    mark.LinePattern = LinePattern.Dotted;
                    mark.LegendText = $"returns diminish: step {Reports.ResultTables.Setting(d.From)} to {Reports.ResultTables.Setting(d.To)}";
                }
            }
        }
        marginal.ShowLegend(Edge.Bottom);
        files.AddRange(ChartFile.Save(marginal, outDir, "marginal-" + name));
        return files;
    }
}
