using SupplySim.Experiments.Running;

namespace SupplySim.Experiments;

/// <summary>Receives an experiment's progress: a run's ticks as they happen and each run as it completes.</summary>
public interface IExperimentProgress
{
    void Started(ExperimentPlan plan, int parallel);

    /// <summary>Progress of one run (by job index = arm × replicates + replicate); called from that run's worker.</summary>
    IRunProgress For(int job);

    /// <summary>Called once per run, from its worker, when it has written its files.</summary>
    void Completed(int job, RunOutcome outcome);
}

/// <summary>
/// Runs every (arm, replicate) of a plan on the cluster, <c>parallel</c> runs at a time, each streaming to
/// its own folder runs/ARM/rNNN (metrics.csv, series.csv, summary.json, manifest.json). Which run finishes
/// first never matters: the folder of a run depends only on its arm, replicate and seed, and the results are
/// assembled in (arm, replicate) order afterwards (<see cref="ResultsAssembly"/>).
/// </summary>
public static class ExperimentRunner
{
    public static async Task<IReadOnlyList<RunOutcome>> RunAsync(IGrainFactory grains, ExperimentPlan plan, string outDir, int parallel,
        IExperimentProgress progress, CancellationToken cancellation, int? checkpointEvery = null)
    {
        var outcomes = new RunOutcome?[plan.Runs];
        await RunMissingAsync(grains, plan, outDir, parallel, progress, cancellation, outcomes, checkpointEvery);
        return outcomes!;
    }

    /// <summary>
    /// Runs the jobs whose entry of <paramref name="outcomes"/> is null and fills it in; the others (runs reused by
    /// `--resume`) are reported as completed first, so progress counts every run of the plan.
    /// </summary>
    public static async Task RunMissingAsync(IGrainFactory grains, ExperimentPlan plan, string outDir, int parallel,
        IExperimentProgress progress, CancellationToken cancellation, RunOutcome?[] outcomes, int? checkpointEvery = null, Results.OutputOptions? output = null)
    {
        var seeds = plan.Seeds;
        var missing = Enumerable.Range(0, plan.Runs).Where(j => outcomes[j] is null).ToArray();
        var next = -1;
        // Decomposition: replicate r of a "market held" arm waits for what the people of the baseline's replicate r saw. The
        // baseline is arm 0 and the held arms come last, so every baseline job has been taken before a held job waits.
        var baselineMarkets = plan.Decomposes ? plan.Seeds.Select(_ => new TaskCompletionSource<Model.Agents.HeldMarket>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray() : null;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        progress.Started(plan, parallel);
        for (var job = 0; job < plan.Runs; job++)
            if (outcomes[job] is { } reused) progress.Completed(job, reused);

        async Task Worker()
        {
            while (true)
            {
                var n = Interlocked.Increment(ref next);
                if (n >= missing.Length) return;
                var job = missing[n];
                var (arm, replicate) = (job / plan.Replicates, job % plan.Replicates);
                var dir = plan.RunDirectory(outDir, arm, replicate);
                var slot = new RunSlot(plan.Arms[arm].Run, replicate, (m, d) => new SeriesCsvWriter(Path.Combine(dir, ResultsAssembly.SeriesFile), m, d), Output: output);
                try
                {
                    var held = plan.Arms[arm].MarketHeld ? await baselineMarkets![replicate].Task.WaitAsync(failed.Token) : null;
                    var outcome = await RunExecutor.RunAsync(grains, plan.Load(arm), seeds[replicate], dir, progress.For(job), failed.Token, slot, checkpointEvery,
                        captureMarket: arm == 0 && baselineMarkets is not null, held: held);
                    if (!outcome.Completed) throw new OperationCanceledException();
                    if (arm == 0 && baselineMarkets is not null) baselineMarkets[replicate].SetResult(outcome.Market!);
                    outcomes[job] = outcome;
                    progress.Completed(job, outcome);
                }
                catch
                {
                    await failed.CancelAsync();
                    throw;
                }
            }
        }

        var workers = Enumerable.Range(0, Math.Clamp(parallel, 1, Math.Max(1, missing.Length))).Select(_ => Task.Run(Worker)).ToArray();
        try { await Task.WhenAll(workers); }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // A run failed and cancelled the others: report the failure, not the cancellations it caused.
            throw workers.Select(w => w.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException) ?? throw new OperationCanceledException();
        }
    }
}
