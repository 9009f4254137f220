using System.Diagnostics;
using SupplySim.Experiments.Reports;
using SupplySim.Experiments.Results;
using SupplySim.Experiments.Running;
using SupplySim.Grains;

namespace SupplySim.Experiments;

/// <summary>
/// Carries out a checked <see cref="ExperimentPlan"/> on a grain factory: prepares the folder (or, resuming, takes the
/// runs an earlier attempt completed), runs the rest, records each run in manifest.json as it finishes, assembles the
/// results in order, builds the tables, charts and report, and writes the final manifest. An interrupted or failed
/// experiment leaves a manifest that says so and how many runs completed. What is shown, and where, is the caller's.
/// <paramref name="output"/> says in which format and with which metrics and ticks the long tables are written.
/// </summary>
public sealed class ExperimentSession(ExperimentPlan plan, string outDir, int parallel, OutputOptions? output = null)
{
    /// <summary>Runs at a time; settable until <see cref="RunAsync"/> (a cluster's default is known only once connected).</summary>
    public int Parallel { get; set; } = parallel;

    private readonly OutputOptions _output = output ?? OutputOptions.Default;
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly RunOutcome?[] _outcomes = new RunOutcome?[plan.Runs];
    private readonly Lock _manifest = new();
    private ExperimentStatus _status = ExperimentStatus.Running;
    private string? _key;
    private bool _begun;

    /// <summary>How long the runs took (set when they end).</summary>
    public TimeSpan RunWall { get; private set; }

    /// <summary>Runs completed so far, reused ones included.</summary>
    public int RunsCompleted => _outcomes.Count(o => o is not null);

    /// <summary>Runs taken from an earlier attempt by <see cref="Resume"/>.</summary>
    public int RunsReused => _outcomes.Count(o => o is { Reused: true });

    /// <summary>
    /// Runs every run of the plan not already completed (<see cref="ExperimentRunner"/>), recording each in manifest.json
    /// as it finishes. Interrupted, it marks the manifest "interrupted" at once (the process may have seconds left) and
    /// throws <see cref="ExperimentInterruptedException"/>; a storage failure becomes an <see cref="OutputFailureException"/>.
    /// </summary>
    public async Task<IReadOnlyList<RunOutcome?>> RunAsync(IGrainFactory grains, IExperimentProgress progress, CancellationToken cancellation, int? checkpointEvery = null)
    {
        if (!_begun) Begin();
        await using (cancellation.Register(() => TryRecord(ExperimentStatus.Interrupted)))
        {
            try
            {
                await ExperimentRunner.RunMissingAsync(grains, plan, outDir, Parallel, new Recorder(this, progress), cancellation, _outcomes, checkpointEvery, _output);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                TryRecord(ExperimentStatus.Interrupted);
                throw new ExperimentInterruptedException($"interrupted after {RunsCompleted} of {plan.Runs} runs (recorded in {Path.Combine(outDir, ExperimentManifest.File)}); "
                    + "the same command with --resume runs only the rest");
            }
            catch (Exception e)
            {
                if (Failed(e) is { } failure) throw failure;
                throw;
            }
        }
        RunWall = _clock.Elapsed;
        return _outcomes;
    }

    /// <summary>
    /// Writes the manifest of the experiment as it starts (the runs a resume reuses counted), so an experiment stopped
    /// from here on says what it is, and a folder that cannot be written to fails before any run starts.
    /// </summary>
    public void Begin()
    {
        _key ??= RunKey.Experiment(plan);
        Guard(() => Record(ExperimentStatus.Running, ["runs/"]));
        _begun = true;
    }

    /// <summary>
    /// Assembles the results, runs <paramref name="analyse"/> on the assembled folder (a hindcast's comparison with
    /// observed data), builds the report (showing each table) and writes the manifest; returns the files written.
    /// </summary>
    public IReadOnlyList<string> Finish(Action<ResultTable> show, Action<string>? analyse = null)
    {
        try
        {
            ResultsAssembly.Assemble(plan, outDir, _output.Format);
            analyse?.Invoke(outDir);
            var files = ExperimentReport.Build(outDir, plan, RunExecutor.Version, show);
            if (_output.Format == TableFormat.Parquet) files = ResultsAssembly.ParquetTables(plan, outDir, files);
            Record(ExperimentStatus.Completed, files);
            return files;
        }
        catch (Exception e)
        {
            if (Failed(e) is { } failure) throw failure;
            throw;
        }
    }

    /// <summary>
    /// For `--resume`: checks that <paramref name="stored"/> (the folder's manifest) is this experiment on this binary,
    /// clears charts/ and takes every run whose folder holds a completed run with the same <see cref="RunKey"/>.
    /// A different experiment is refused with one line (<see cref="UserInputException"/>), before anything is changed.
    /// Returns false, changing nothing, when the folder already holds this experiment complete.
    /// </summary>
    public bool Resume(ExperimentManifest.Stored stored)
    {
        _key ??= RunKey.Experiment(plan);
        var manifest = Path.Combine(outDir, ExperimentManifest.File);
        const string fix = "give another --out, or leave out --resume to start over there";
        if (stored.Binary != RunKey.Binary)
            throw new UserInputException($"--resume: {manifest} was written by supplysim {stored.Binary ?? stored.Version}, this is {RunKey.Binary}; its runs may differ from this binary's, so none can be reused; {fix}");
        if (stored.Plan.Kind != plan.Kind)
            throw new UserInputException($"--resume: {manifest} holds a {Kind(stored.Plan)} experiment, not a {Kind(plan)}; {fix}");
        if (stored.Key != _key)
            throw new UserInputException($"--resume: {manifest} holds a different experiment (its scenarios, settings, varied values or seed differ from this command's); {fix}");
        if (stored.Status == ExperimentStatus.Completed && stored.Plan.Replicates == plan.Replicates) return false;
        Guard(() =>
        {
            var charts = Path.Combine(outDir, "charts");
            if (Directory.Exists(charts)) Directory.Delete(charts, recursive: true);
        });
        var seeds = plan.Seeds;
        for (var arm = 0; arm < plan.Arms.Count; arm++)
        {
            var scenario = plan.Load(arm);
            for (var r = 0; r < plan.Replicates; r++)
                _outcomes[arm * plan.Replicates + r] = CompletedRun.Read(plan.RunDirectory(outDir, arm, r), RunKey.Of(scenario, seeds[r], plan.Arms[arm].Run, r, _output));
        }
        return true;
    }

    /// <summary>
    /// Creates the folder; a previous results folder's runs/, charts/, metrics table (metrics.csv, *.parquet) and hindcast
    /// files are cleared so nothing stale remains, e.g. a metrics.parquet beside the metrics.csv of a rerun in the other format.
    /// </summary>
    public static void Prepare(string dir)
    {
        CheckFolder(dir);
        Guard(() =>
        {
            if (File.Exists(Path.Combine(dir, ExperimentManifest.File)))
            {
                foreach (var sub in new[] { "runs", "charts" })
                    if (Directory.Exists(Path.Combine(dir, sub))) Directory.Delete(Path.Combine(dir, sub), recursive: true);
                // A hindcast's files would otherwise put an old comparison into the new report.
                foreach (var file in new[] { Validation.HindcastRow.File, Validation.ModelPoint.File, Validation.HindcastFit.File, Validation.HindcastFit.MarkdownFile })
                    File.Delete(Path.Combine(dir, file));
                foreach (var table in Directory.GetFiles(dir, "*.parquet").Append(Path.Combine(dir, ResultsAssembly.MetricsFile)))
                    File.Delete(table);
            }
            Directory.CreateDirectory(dir);
        });
    }

    /// <summary>An --out that is, or lies under, a file is a mistake in the command (exit code 2), not a failure of the machine.</summary>
    public static void CheckFolder(string dir)
    {
        for (var d = Path.GetFullPath(dir); !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
            if (File.Exists(d))
                throw new UserInputException(d == Path.GetFullPath(dir) ? $"--out {dir} is a file; give a folder for the results" : $"--out {dir}: {d} is a file, not a folder; give a folder for the results");
    }

    /// <summary>Runs <paramref name="write"/>, turning a storage failure into one line (<see cref="OutputFailureException"/>).</summary>
    private static void Guard(Action write)
    {
        try { write(); }
        catch (Exception e) when (OutputFailure.Wrap(e) is { } failure) { throw failure; }
    }

    /// <summary>Marks the manifest "failed"; a storage failure comes back as one line that says the completed runs are kept.</summary>
    private OutputFailureException? Failed(Exception e)
    {
        TryRecord(ExperimentStatus.Failed);
        return OutputFailure.Wrap(e, RunsCompleted > 0 ? "; the completed runs are kept: the same command with --resume runs only what is missing" : "");
    }

    private static string Kind(ExperimentPlan p) => p.Kind.ToString().ToLowerInvariant();

    private void Record(ExperimentStatus status, IReadOnlyList<string>? files = null)
    {
        lock (_manifest)
        {
            // A signal outranks what workers still report; completion is written last, by Finish.
            if (_status is ExperimentStatus.Interrupted or ExperimentStatus.Failed && status == ExperimentStatus.Running) status = _status;
            _status = status;
            ExperimentManifest.Write(outDir, plan, status, new(_started, _clock.Elapsed, Parallel, _outcomes, _key), files ?? ["runs/"]);
        }
    }

    /// <summary>Records what it can: after a disk filled up, the manifest may not fit either, and the first failure is the one to report.</summary>
    private void TryRecord(ExperimentStatus status)
    {
        try { Record(status); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Records each run in the manifest as it completes, then passes it on.</summary>
    private sealed class Recorder(ExperimentSession session, IExperimentProgress inner) : IExperimentProgress
    {
        public void Started(ExperimentPlan plan, int parallel) => inner.Started(plan, parallel);

        public IRunProgress For(int job) => inner.For(job);

        public void Completed(int job, RunOutcome outcome)
        {
            session._outcomes[job] = outcome;
            if (!outcome.Reused) session.Record(ExperimentStatus.Running);
            inner.Completed(job, outcome);
        }
    }
}

/// <summary>The experiment was stopped (Ctrl+C, SIGTERM) and its manifest says how far it got.</summary>
public sealed class ExperimentInterruptedException(string message) : OperationCanceledException(message);
