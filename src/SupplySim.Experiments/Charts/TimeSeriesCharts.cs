using SupplySim.Experiments;
using SupplySim.Experiments.Analysis;
using SupplySim.Experiments.Results;

namespace SupplySim.Experiments.Charts;

/// <summary>
/// One chart per headline series (<see cref="Outcomes.Series"/>): the mean across replicates of each arm over
/// time, with its 95% confidence band. Reads timeseries.csv one series at a time.
/// </summary>
public static class TimeSeriesCharts
{
    /// <summary>Arms beyond this many are left out of time-series charts (a sweep's dose-response charts show them).</summary>
    public const int MaxLines = 8;

    public static IReadOnlyList<string> Draw(string outDir, ExperimentPlan plan)
    {
        var files = new List<string>();
        var arms = plan.Arms.Take(MaxLines).Select(a => a.Run).ToArray();
        foreach (var series in Outcomes.Series)
        {
            var data = Read(Path.Combine(outDir, ResultsAssembly.TimeSeriesFile), series.Key, arms);
            var plot = ChartFile.New(series.Label, "", series.Unit);
            for (var a = 0; a < arms.Length; a++)
            {
                var rows = data[a];
                if (rows.Count == 0) continue;
                var xs = rows.Select(r => r.X).ToArray();
                var color = ChartFile.ColorOf(a);
                var banded = rows.Where(r => double.IsFinite(r.Low) && double.IsFinite(r.High)).ToArray();
                if (banded.Length > 1)
                {
                    var band = plot.Add.FillY(banded.Select(r => r.X).ToArray(), banded.Select(r => r.Low).ToArray(), banded.Select(r => r.High).ToArray());
                    band.FillColor = color.WithAlpha(0.2);
                    band.LineWidth = 0;
                }
                var line = plot.Add.ScatterLine(xs, rows.Select(r => r.Mean).ToArray(), color);
                line.LineWidth = 2;
                line.LegendText = arms[a];
            }
            plot.Axes.DateTimeTicksBottom();
            ChartFile.Legend(plot, arms.Length);
            files.AddRange(ChartFile.Save(plot, outDir, "timeseries-" + series.Key.Replace('_', '-')));
        }
        return files;
    }

    private sealed record Row(double X, double Mean, double Low, double High);

    private static List<Row>[] Read(string path, string series, string[] arms)
    {
        var result = arms.Select(_ => new List<Row>()).ToArray();
        var index = arms.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var f = CsvLine.Split(line); // run,tick,date,series,n,mean,sd,ci95_low,ci95_high,min,max
            if (f[3] != series || !index.TryGetValue(f[0], out var a)) continue;
            var date = f[2].Split('-');
            var x = new DateTime(int.Parse(date[0]), int.Parse(date[1]), 1).ToOADate();
            var mean = CsvLine.Number(f[5]);
            if (double.IsFinite(mean)) result[a].Add(new Row(x, mean, CsvLine.Number(f[7]), CsvLine.Number(f[8])));
        }
        return result;
    }
}
