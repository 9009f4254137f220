using System.Diagnostics;
using SupplySim.Experiments.Reports;
using SupplySim.Experiments.Running;
using SupplySim.Grains;

namespace SupplySim.Experiments;

/// <summary>
/// Carries out a checked <see cref="ExperimentPlan"/> on a grain factory: prepares the folder, runs every run,
/// assembles the results in order, builds the tables, charts and report, and writes the manifest. An interrupted
/// experiment leaves a manifest with "completed": false and no report. What is shown, and where, is the caller's.
/// </summary>
public sealed class ExperimentSession(ExperimentPlan plan, string outDir, int parallel)
{
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IReadOnlyList<RunOutcome?> _outcomes = [];

    /// <summary>How long the runs took (set when they end).</summary>
    public TimeSpan RunWall { get; private set; }

    /// <summary>
    /// Runs every run of the plan (<see cref="ExperimentRunner"/>). When interrupted, writes the manifest of an
    /// incomplete experiment and rethrows.
    /// </summary>
    public async Task<IReadOnlyList<RunOutcome?>> RunAsync(IGrainFactory grains, IExperimentProgress progress, CancellationToken cancellation, int? checkpointEvery = null)
    {
        try
        {
            _outcomes = await ExperimentRunner.RunAsync(grains, plan, outDir, parallel, progress, cancellation, checkpointEvery);
        }
        catch (OperationCanceledException)
        {
            ExperimentManifest.Write(outDir, plan, false, new(_started, _clock.Elapsed, parallel, _outcomes), ["runs/"]);
            throw;
        }
        RunWall = _clock.Elapsed;
        return _outcomes;
    }

    /// <summary>
    /// Assembles the results, runs <paramref name="analyse"/> on the assembled folder (a hindcast's comparison with
    /// observed data), builds the report (showing each table) and writes the manifest; returns the files written.
    /// </summary>
    public IReadOnlyList<string> Finish(Action<ResultTable> show, Action<string>? analyse = null)
    {
        ResultsAssembly.Assemble(plan, outDir);
        analyse?.Invoke(outDir);
        var files = ExperimentReport.Build(outDir, plan, RunExecutor.Version, show);
        ExperimentManifest.Write(outDir, plan, true, new(_started, _clock.Elapsed, parallel, _outcomes), files);
        return files;
    }

    /// <summary>Creates the folder; a previous results folder's runs/, charts/ and hindcast files are cleared so nothing stale remains.</summary>
    public static void Prepare(string dir)
    {
        if (File.Exists(dir)) throw new UserInputException($"--out {dir} is a file; give a folder for the results");
        try
        {
            if (File.Exists(Path.Combine(dir, ExperimentManifest.File)))
            {
                foreach (var sub in new[] { "runs", "charts" })
                    if (Directory.Exists(Path.Combine(dir, sub))) Directory.Delete(Path.Combine(dir, sub), recursive: true);
                // A hindcast's files would otherwise put an old comparison into the new report.
                foreach (var file in new[] { Validation.HindcastRow.File, Validation.ModelPoint.File, Validation.HindcastFit.File, Validation.HindcastFit.MarkdownFile })
                    File.Delete(Path.Combine(dir, file));
            }
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot create the results folder {dir}: {e.Message}");
        }
    }
}
