using System.Globalization;
using System.Text;
using System.Text.Json;
using SupplySim.Experiments.Analysis;
using SupplySim.Experiments.Results;
using SupplySim.Experiments.Statistics;
using SupplySim.Experiments.Tables;

namespace SupplySim.Experiments;

/// <summary>
/// Assembles an experiment's folder from its runs, always in (arm, replicate) order whatever order they finished in:
/// metrics.csv (every run's rows concatenated; the per-run copies are then removed), replicates.csv (each run's
/// headline outcomes) and timeseries.csv (per arm, tick and series: mean and 95% CI across replicates, read from
/// the runs' series.csv files in step, so memory does not grow with ticks). A partial experiment's replicates.csv and
/// timeseries.csv (<see cref="AssembleCompleted"/>, for `report`) cover the runs that completed and leave the runs' files as they are.
/// </summary>
public static class ResultsAssembly
{
    public const string MetricsFile = "metrics.csv", SeriesFile = "series.csv", ReplicatesFile = "replicates.csv", TimeSeriesFile = "timeseries.csv";
    public const string ReplicatesHeader = "run,replicate,seed,outcome,value";
    public const string TimeSeriesHeader = "run,tick,date,series,n,mean,sd,ci95_low,ci95_high,min,max";

    public static void Assemble(ExperimentPlan plan, string outDir, TableFormat format = TableFormat.Csv)
    {
        if (format == TableFormat.Parquet) MergeMetricsParquet(plan, outDir);
        else MergeMetrics(plan, outDir);
        var all = Enumerable.Repeat(true, plan.Runs).ToArray();
        WriteReplicates(plan, outDir, all);
        WriteTimeSeries(plan, outDir, all);
    }

    /// <summary>replicates.csv and timeseries.csv of the runs marked in <paramref name="completed"/> (by job: arm × replicates + replicate); metrics.csv is not merged.</summary>
    public static void AssembleCompleted(ExperimentPlan plan, string outDir, bool[] completed)
    {
        WriteReplicates(plan, outDir, completed);
        WriteTimeSeries(plan, outDir, completed);
    }

    private static void MergeMetrics(ExperimentPlan plan, string outDir)
    {
        var path = Path.Combine(outDir, MetricsFile);
        using (var output = File.Create(AtomicFile.PartialPath(path)))
        {
            output.Write(Encoding.UTF8.GetBytes(MetricsCsvWriter.Header + "\n"));
            foreach (var (arm, replicate) in Runs(plan))
            {
                var part = Path.Combine(plan.RunDirectory(outDir, arm, replicate), MetricsFile);
                using (var input = File.OpenRead(part))
                {
                    while (input.ReadByte() is not ('\n' or -1)) { } // the header line
                    input.CopyTo(output);
                }
                File.Delete(part);
            }
        }
        AtomicFile.Commit(path);
    }

    /// <summary>metrics.parquet instead of metrics.csv (<see cref="MetricsParquet"/>), one row group per run; the runs' copies are then removed.</summary>
    private static void MergeMetricsParquet(ExperimentPlan plan, string outDir)
    {
        var parts = Runs(plan).Select(r => Path.Combine(plan.RunDirectory(outDir, r.Arm, r.Replicate), MetricsFile)).ToArray();
        MetricsParquet.Write(plan, outDir, parts);
        foreach (var part in parts) File.Delete(part);
    }

    /// <summary>
    /// With --format parquet: a Parquet copy beside each CSV table of <paramref name="files"/> (the CSV tables stay: the
    /// report and `report DIR` read them). Returns the files, each Parquet copy after its CSV.
    /// </summary>
    public static IReadOnlyList<string> ParquetTables(ExperimentPlan plan, string outDir, IReadOnlyList<string> files)
    {
        var listed = new List<string>();
        foreach (var f in files)
        {
            listed.Add(f);
            if (f.EndsWith(".csv", StringComparison.Ordinal) && !f.Contains('/')) listed.Add(CsvTableParquet.Write(plan, Path.Combine(outDir, f)));
        }
        return listed;
    }

    private static void WriteReplicates(ExperimentPlan plan, string outDir, bool[] completed)
    {
        var path = Path.Combine(outDir, ReplicatesFile);
        var seeds = plan.Seeds;
        using (var file = new AtomicWriter(path))
        {
            var w = file.Writer;
            w.WriteLine(ReplicatesHeader);
            foreach (var (arm, replicate) in Runs(plan).Where(r => completed[r.Arm * plan.Replicates + r.Replicate]))
            {
                using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(plan.RunDirectory(outDir, arm, replicate), "summary.json")));
                var headline = summary.RootElement.GetProperty("headline");
                foreach (var o in Outcomes.Headline)
                    w.WriteLine(CsvLine.Join([plan.Arms[arm].Run, Invariant(replicate), Invariant(seeds[replicate]), o.Key, CsvLine.Text(o.Read(headline))]));
            }
            file.Commit();
        }
    }

    private static void WriteTimeSeries(ExperimentPlan plan, string outDir, bool[] completed)
    {
        var path = Path.Combine(outDir, TimeSeriesFile);
        using (var file = new AtomicWriter(path))
        {
            var w = file.Writer;
            w.WriteLine(TimeSeriesHeader);
            for (var arm = 0; arm < plan.Arms.Count; arm++)
            {
                var readers = Enumerable.Range(0, plan.Replicates).Where(r => completed[arm * plan.Replicates + r])
                    .Select(r => new StreamReader(Path.Combine(plan.RunDirectory(outDir, arm, r), SeriesFile))).ToArray();
                if (readers.Length == 0) continue;
                try
                {
                    var header = readers.Select(r => r.ReadLine()!).ToArray()[0].Split(',');
                    var run = MetricsCsvWriter.Field(plan.Arms[arm].Run);
                    while (readers[0].ReadLine() is { } first)
                    {
                        var rows = readers.Skip(1).Select(r => r.ReadLine()!.Split(',')).Prepend(first.Split(',')).ToArray();
                        for (var s = 2; s < header.Length; s++)
                        {
                            var m = new RunningMoments();
                            foreach (var row in rows) m.Add(CsvLine.Number(row[s]));
                            var (lo, hi) = m.Interval;
                            w.WriteLine(string.Join(",", run, rows[0][0], rows[0][1], header[s], Invariant(m.N),
                                CsvLine.Text(m.N > 0 ? m.Mean : double.NaN), CsvLine.Text(m.Sd), CsvLine.Text(lo), CsvLine.Text(hi),
                                CsvLine.Text(m.N > 0 ? m.Min : double.NaN), CsvLine.Text(m.N > 0 ? m.Max : double.NaN)));
                        }
                    }
                }
                finally
                {
                    foreach (var r in readers) r.Dispose();
                }
            }
            file.Commit();
        }
    }

    private static IEnumerable<(int Arm, int Replicate)> Runs(ExperimentPlan plan)
    {
        for (var a = 0; a < plan.Arms.Count; a++)
            for (var r = 0; r < plan.Replicates; r++) yield return (a, r);
    }

    private static string Invariant(IFormattable v) => v.ToString(null, CultureInfo.InvariantCulture);
}
