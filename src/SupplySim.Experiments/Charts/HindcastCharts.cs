using ScottPlot;
using SupplySim.Experiments.Validation;

namespace SupplySim.Experiments.Charts;

/// <summary>
/// One chart per observed series and region of a hindcast: the model's mean and 95% band for every period of the run,
/// the observations of each dataset as points over it (hollow when provisional), and the calibration and holdout
/// years shaded in two colours.
/// </summary>
public static class HindcastCharts
{
    private static readonly Color CalibrationShade = Colors.SteelBlue.WithAlpha(0.07), HoldoutShade = Colors.DarkOrange.WithAlpha(0.12);

    public static IReadOnlyList<string> Draw(string outDir, string series, string region, IReadOnlyList<ModelPoint> model, IReadOnlyList<HindcastRow> observed)
    {
        var plot = ChartFile.New($"Hindcast: {series} ({region})", "", series);
        if (model.Count > 0)
        {
            // The band at the periods of the most common length among the observations (years, as a rule).
            var months = observed.Select(o => ObservedPeriod.TryParse(o.Period, out var p) ? p.Months : 12).GroupBy(m => m).MaxBy(g => g.Count())!.Key;
            var band = model.Where(p => p.Period.Months == months).OrderBy(p => p.Period.FirstMonth).ToArray();
            Shade(plot, band);
            var banded = band.Where(p => double.IsFinite(p.Model.Low) && double.IsFinite(p.Model.High)).ToArray();
            if (banded.Length > 1)
            {
                var fill = plot.Add.FillY(banded.Select(p => p.Period.Middle).ToArray(), banded.Select(p => p.Model.Low).ToArray(), banded.Select(p => p.Model.High).ToArray());
                fill.FillColor = ChartFile.ColorOf(0).WithAlpha(0.25);
                fill.LineWidth = 0;
                fill.LegendText = "model, 95% interval of single runs";
            }
            var mean = band.Where(p => double.IsFinite(p.Model.Mean)).ToArray();
            var line = plot.Add.ScatterLine(mean.Select(p => p.Period.Middle).ToArray(), mean.Select(p => p.Model.Mean).ToArray(), ChartFile.ColorOf(0));
            line.LineWidth = 2;
            line.LegendText = "model mean";
        }
        var datasets = observed.GroupBy(o => o.Dataset).ToArray();
        for (var d = 0; d < datasets.Length; d++)
        {
            foreach (var provisional in new[] { false, true })
            {
                var pts = datasets[d].Where(o => (o.Status == "provisional") == provisional && ObservedPeriod.TryParse(o.Period, out _)).ToArray();
                if (pts.Length == 0) continue;
                var xs = pts.Select(o => { ObservedPeriod.TryParse(o.Period, out var p); return p.Middle; }).ToArray();
                var markers = plot.Add.ScatterPoints(xs, pts.Select(o => o.Observed).ToArray(), ChartFile.ColorOf(d + 1));
                markers.MarkerSize = 10;
                markers.MarkerShape = provisional ? MarkerShape.OpenCircle : MarkerShape.FilledCircle;
                markers.LegendText = datasets[d].Key + (provisional ? " (provisional)" : "");
            }
        }
        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend(Edge.Bottom);
        return ChartFile.Save(plot, outDir, $"hindcast-{series.Replace('_', '-')}-{region.ToLowerInvariant()}");
    }

    /// <summary>The calibration years in one shade and the holdout years in another, across the run's window.</summary>
    private static void Shade(Plot plot, IReadOnlyList<ModelPoint> band)
    {
        if (band.Count == 0) return;
        double Start(ModelPoint p) => ObservedPeriod.Of(p.Period.FirstMonth, 1).Middle - 15;
        double End(ModelPoint p) => ObservedPeriod.Of(p.Period.FirstMonth + p.Period.Months - 1, 1).Middle + 15;
        foreach (var (sample, color) in new[] { (Sample.Calibration, CalibrationShade), (Sample.Holdout, HoldoutShade) })
        {
            var part = band.Where(p => p.Sample == sample).ToArray();
            if (part.Length == 0) continue;
            var span = plot.Add.HorizontalSpan(Start(part[0]), End(part[^1]), color);
            span.LegendText = sample == Sample.Calibration ? "calibration years" : "holdout years";
            span.LineStyle.Width = 0;
        }
    }
}
