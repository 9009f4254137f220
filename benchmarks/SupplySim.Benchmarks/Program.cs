using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks/SupplySim.Benchmarks -- --filter '*'
// CI smoke run (one invocation each): add --job Dry --inProcess
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkOutcome).Assembly).Run(args).ToArray();
return BenchmarkOutcome.ExitCode(summaries, Console.Error);


/// <summary>
/// BenchmarkDotNet exits 0 even when a benchmark threw or measured nothing (its row reads NA), so a broken
/// benchmark would rot unnoticed: the process fails instead, naming each benchmark that produced no result.
/// </summary>
internal static class BenchmarkOutcome
{
    public static int ExitCode(IReadOnlyList<Summary> summaries, TextWriter error)
    {
        var failed = summaries.SelectMany(Failures).ToArray();
        foreach (var f in failed) error.WriteLine($"benchmark failed: {f}");
        return failed.Length == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Failures(Summary summary)
    {
        if (summary.HasCriticalValidationErrors)
            foreach (var e in summary.ValidationErrors.Where(e => e.IsCritical)) yield return $"{summary.Title}: {e.Message}";
        foreach (var c in summary.BenchmarksCases)
        {
            var report = summary[c];
            if (report is null || !report.Success || report.ResultStatistics is null || double.IsNaN(report.ResultStatistics.Mean))
                yield return c.DisplayInfo;
        }
    }
}
