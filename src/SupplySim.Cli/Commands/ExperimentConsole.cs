using Spectre.Console;
using SupplySim.Cli.Rendering;
using SupplySim.Experiments;
using SupplySim.Experiments.Reports;
using SupplySim.Experiments.Results;
using SupplySim.Hosting;

namespace SupplySim.Cli.Commands;

/// <summary>
/// An experiment on the console: connects to an embedded silo (or, given <c>cluster</c>, to a Redis cluster of
/// `supplysim silo` processes as a client), runs the plan (<see cref="ExperimentSession"/>) with its
/// progress shown, runs <c>analyse</c> on the assembled folder (a hindcast), prints the tables, and says where it wrote what.
/// </summary>
public static class ExperimentConsole
{
    /// <summary>
    /// Runs at a time on a cluster unless --parallel says: as many per silo as this machine has processors (taking the silos
    /// to be machines like it). The embedded default, one per processor, kept one run per silo on two silos, and a run
    /// that waits on the client between ticks left its silo idle a third of the time (docs/performance.md#cluster-scaling).
    /// </summary>
    private static async Task<int> ClusterParallel(IGrainFactory grains)
    {
        var silos = (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
        return Math.Clamp(Math.Max(1, silos) * Environment.ProcessorCount, 1, 256);
    }

    public static async Task<int> RunAsync(IAnsiConsole console, ExperimentPlan plan, string outDir, int? parallel, CancellationToken cancellation, TelemetrySettings? telemetry = null,
        RedisClusterSettings? cluster = null, int? checkpointEvery = null, bool resume = false, OutputOptions? output = null, Action<string>? analyse = null)
    {
        telemetry ??= TelemetrySettings.None;
        var session = new ExperimentSession(plan, outDir, parallel ?? Math.Max(1, Environment.ProcessorCount), output);
        if (!Open(console, session, plan, outDir, resume)) return SupplySimCommand.Ok;
        session.Begin();
        await using IClusterConnection silo = cluster is null
            ? await EmbeddedSilo.StartAsync(telemetry, cancellation)
            : await RedisClusterClient.ConnectAsync(cluster, telemetry, cancellation);
        if (cluster is not null && parallel is null) session.Parallel = await ClusterParallel(silo.Grains);
        foreach (var s in plan.Scenarios.DistinctBy(s => s.Name)) console.MarkupLineInterpolated($"[bold]{s.Name}[/]: {s.Question}");
        var progress = new ExperimentConsoleProgress(console) { Reused = session.RunsReused };
        TelemetryAnnouncer.Announce(console, telemetry);
        // On the embedded silo a checkpoint has nothing to recover (the silo dies only with this process), so none is taken unless asked for.
        var every = checkpointEvery ?? (cluster is null ? 0 : null);
        var outcomes = await progress.Track(plan, () => session.RunAsync(silo.Grains, progress, cancellation, every));
        if (plan.Runs == 1 && outcomes[0] is { } single)
            console.WriteLine($"{single.TicksRun} ticks on {single.Silos} silo{(single.Silos == 1 ? "" : "s")} ({single.Shards} shards) in {single.Wall.TotalSeconds:F1} s; overdose deaths: {single.DeathsTotal:N0}");
        else
            console.WriteLine($"{plan.Runs - session.RunsReused} runs in {session.RunWall.TotalSeconds:F1} s{(session.RunsReused > 0 ? $" ({session.RunsReused} reused)" : "")}");
        console.WriteLine();

        var files = session.Finish(table => ConsoleTables.Write(console, table), analyse);
        Wrote(console, outDir, files);
        await TelemetryAnnouncer.LingerAsync(console, telemetry, cancellation);
        return SupplySimCommand.Ok;
    }

    /// <summary>
    /// Prepares the results folder; with --resume, takes the runs an earlier attempt there completed (saying how many).
    /// False when the folder already holds this experiment, complete: nothing to run.
    /// </summary>
    private static bool Open(IAnsiConsole console, ExperimentSession session, ExperimentPlan plan, string outDir, bool resume)
    {
        ExperimentSession.CheckFolder(outDir);
        if (!resume || !File.Exists(Path.Combine(outDir, ExperimentManifest.File)))
        {
            if (resume) console.WriteLine($"--resume: {outDir} holds no experiment yet; running all {plan.Runs} runs");
            ExperimentSession.Prepare(outDir);
            return true;
        }
        if (!session.Resume(ExperimentManifest.Read(outDir)))
        {
            console.WriteLine($"--resume: {outDir} already holds this experiment, complete; nothing to run (`supplysim report {outDir}` rebuilds its report)");
            return false;
        }
        console.WriteLine($"--resume: {session.RunsReused} of {plan.Runs} runs completed earlier in {outDir} are reused");
        return true;
    }

    /// <summary>Lists the files of a results folder, one per line and never wrapped, charts folded into one line.</summary>
    public static void Wrote(IAnsiConsole console, string outDir, IReadOnlyList<string> files)
    {
        var w = console.Profile.Out.Writer;
        w.WriteLine($"wrote {outDir}{Path.DirectorySeparatorChar}");
        var charts = files.Count(f => f.StartsWith("charts/", StringComparison.Ordinal));
        foreach (var f in files.Where(f => !f.StartsWith("charts/", StringComparison.Ordinal)))
        {
            var note = f switch
            {
                HtmlReport.File => "  (open this: tables, charts and how to read them)",
                "runs/" => "  (each run's summary, manifest and headline series)",
                _ => "",
            };
            w.WriteLine($"  {Path.Combine(outDir, f)}{note}");
        }
        if (charts > 0) w.WriteLine($"  {Path.Combine(outDir, "charts")}{Path.DirectorySeparatorChar}  ({charts / 2} charts, PNG and SVG)");
    }
}
