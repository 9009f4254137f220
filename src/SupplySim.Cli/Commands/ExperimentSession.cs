using Spectre.Console;
using SupplySim.Cli.Experiments;
using SupplySim.Cli.Hosting;
using SupplySim.Cli.Reports;
using SupplySim.Cli.Running;

namespace SupplySim.Cli.Commands;

/// <summary>
/// Carries out a checked <see cref="ExperimentPlan"/>: prepares the folder, runs every run on an embedded silo
/// (or, given <c>cluster</c>, on a Redis cluster of `supplysim silo` processes as a client),
/// assembles the results in order, builds the tables, charts and report, writes the manifest, and says where
/// it wrote what. An interrupted experiment leaves a manifest with "completed": false and no report.
/// </summary>
public static class ExperimentSession
{
    public static async Task<int> RunAsync(IAnsiConsole console, ExperimentPlan plan, string outDir, int parallel, CancellationToken cancellation, TelemetrySettings? telemetry = null, RedisClusterSettings? cluster = null, int? checkpointEvery = null)
    {
        telemetry ??= TelemetrySettings.None;
        Prepare(outDir);
        await using IClusterConnection silo = cluster is null
            ? await EmbeddedSilo.StartAsync(telemetry, cancellation)
            : await RedisClusterClient.ConnectAsync(cluster, telemetry, cancellation);
        foreach (var s in plan.Scenarios.DistinctBy(s => s.Name)) console.MarkupLineInterpolated($"[bold]{s.Name}[/]: {s.Question}");
        var started = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = new ExperimentConsoleProgress(console);
        IReadOnlyList<RunOutcome?> outcomes = [];
        TelemetryConsole.Announce(console, telemetry);
        try
        {
            outcomes = await progress.Track(plan, () => ExperimentRunner.RunAsync(silo.Grains, plan, outDir, parallel, progress, cancellation, checkpointEvery));
        }
        catch (OperationCanceledException)
        {
            ExperimentManifest.Write(outDir, plan, false, new(started, clock.Elapsed, parallel, outcomes), ["runs/"]);
            throw;
        }
        var runWall = clock.Elapsed;
        if (plan.Runs == 1 && outcomes[0] is { } single)
            console.WriteLine($"{single.TicksRun} ticks on {single.Silos} silo{(single.Silos == 1 ? "" : "s")} ({single.Shards} shards) in {single.Wall.TotalSeconds:F1} s; overdose deaths: {single.DeathsTotal:N0}");
        else
            console.WriteLine($"{plan.Runs} runs in {runWall.TotalSeconds:F1} s");
        console.WriteLine();

        ResultsAssembly.Assemble(plan, outDir);
        var files = ExperimentReport.Build(outDir, plan, RunExecutor.Version, console);
        ExperimentManifest.Write(outDir, plan, true, new(started, clock.Elapsed, parallel, outcomes), files);
        Wrote(console, outDir, files);
        await TelemetryConsole.LingerAsync(console, telemetry, cancellation);
        return SupplySimCommand.Ok;
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

    /// <summary>Creates the folder; a previous results folder's runs/ and charts/ are cleared so nothing stale remains.</summary>
    public static void Prepare(string dir)
    {
        if (File.Exists(dir)) throw new UserInputException($"--out {dir} is a file; give a folder for the results");
        try
        {
            if (File.Exists(Path.Combine(dir, ExperimentManifest.File)))
                foreach (var sub in new[] { "runs", "charts" })
                    if (Directory.Exists(Path.Combine(dir, sub))) Directory.Delete(Path.Combine(dir, sub), recursive: true);
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot create the results folder {dir}: {e.Message}");
        }
    }
}
