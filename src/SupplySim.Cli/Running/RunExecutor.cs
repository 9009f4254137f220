using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Orleans.Runtime;
using SupplySim.Cli.Results;
using SupplySim.Grains;
using SupplySim.Model.World;
using SupplySim.Scenarios;

namespace SupplySim.Cli.Running;

/// <summary>What a finished (or interrupted) run left behind.</summary>
public sealed record RunOutcome(string Directory, bool Completed, int TicksRun, double DeathsTotal, TimeSpan Wall, int Silos, int Shards);

/// <summary>Receives progress as ticks complete.</summary>
public interface IRunProgress
{
    void Started(int ticks, int shards, long agents);
    void Ticked(int tick, string date, IReadOnlyList<string> applied);
}

/// <summary>
/// Drives one run on whatever cluster the grain factory reaches (embedded silo or test cluster) and
/// streams its results folder: metrics.csv per tick, then summary.json and manifest.json (architecture.md §4).
/// </summary>
public static class RunExecutor
{
    public static string Version => typeof(RunExecutor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static async Task<RunOutcome> RunAsync(IGrainFactory grains, Scenario scenario, ulong seed, string outDir, IRunProgress progress, CancellationToken cancellation, RunSlot? slot = null)
    {
        var spec = scenario.Spec with { Seed = seed };
        slot ??= new RunSlot(spec.Name, 0);
        Directory.CreateDirectory(outDir);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var run = grains.GetGrain<IRunGrain>($"{spec.Name}/{seed}/{Guid.NewGuid():N}");
        var info = await run.Start(new RunRequest(SpecJson.Serialize(spec), scenario.FirmsPerShard, scenario.PeoplePerShard));
        var silos = await CountSilos(grains);
        progress.Started(info.Ticks, info.Shards, info.Agents);

        var headline = new Headline(info.Metrics, info.Dimensions);
        var sink = slot.Sink?.Invoke(info.Metrics, info.Dimensions);
        var applied = new List<(string Date, string Label)>();
        var ticks = 0;
        var metricsPath = Path.Combine(outDir, "metrics.csv");
        using (var csv = new MetricsCsvWriter(metricsPath, slot.Run, slot.Replicate, info.Metrics, info.Dimensions))
        {
            try
            {
                for (var t = 0; t < info.Ticks; t++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    if (slot.Pace is { } pace) await pace(t, cancellation);
                    var result = await run.Tick(t);
                    var date = spec.DateOf(t);
                    csv.Write(t, date.ToString(), result.Values);
                    headline.Add(date.Year, result.Values);
                    sink?.Write(t, date.ToString(), result.Values);
                    foreach (var label in result.Applied) applied.Add((date.ToString(), label));
                    ticks++;
                    progress.Ticked(t, date.ToString(), result.Applied);
                }
                csv.Commit();
                sink?.Commit();
            }
            catch (OperationCanceledException)
            {
                // metrics.csv stays ".partial"; the manifest below says the run did not complete.
            }
            finally
            {
                sink?.Dispose();
                await run.Stop();
            }
        }

        var completed = ticks == info.Ticks;
        clock.Stop();
        if (completed) AtomicFile.WriteAllText(Path.Combine(outDir, "summary.json"), Summary(spec, seed, slot, headline, applied));
        AtomicFile.WriteAllText(Path.Combine(outDir, "manifest.json"),
            Manifest(scenario, spec, seed, completed, ticks, silos, info, started, clock.Elapsed));
        return new RunOutcome(outDir, completed, ticks, headline.DeathsTotal, clock.Elapsed, silos, info.Shards);
    }

    private static async Task<int> CountSilos(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return hosts.Count;
    }

    internal static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Summary(WorldSpec spec, ulong seed, RunSlot slot, Headline headline, List<(string Date, string Label)> applied)
        => Json(w =>
        {
            w.WriteString("scenario", spec.Name);
            w.WriteString("run", slot.Run);
            w.WriteNumber("replicate", slot.Replicate);
            w.WriteString("question", spec.Question);
            w.WriteNumber("seed", seed);
            w.WriteString("start", spec.Start.ToString());
            w.WriteString("end", spec.DateOf(spec.Ticks - 1).ToString());
            w.WriteNumber("ticks", spec.Ticks);
            headline.WriteJson(w);
            w.WriteStartArray("interventions");
            foreach (var (date, label) in applied)
            {
                w.WriteStartObject();
                w.WriteString("date", date);
                w.WriteString("label", label);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

    private static string Manifest(Scenario scenario, WorldSpec spec, ulong seed, bool completed, int ticks, int silos, RunInfo info, DateTimeOffset started, TimeSpan wall)
        => Json(w =>
        {
            w.WriteString("tool", "supplysim");
            w.WriteString("version", Version);
            w.WriteBoolean("completed", completed);
            w.WriteString("scenario", spec.Name);
            w.WriteString("scenario_file", Path.GetFullPath(scenario.SourcePath));
            w.WriteString("scenario_sha256", scenario.Sha256);
            w.WriteNumber("seed", seed);
            w.WriteNumber("ticks_planned", info.Ticks);
            w.WriteNumber("ticks_run", ticks);
            w.WriteNumber("shards", info.Shards);
            w.WriteNumber("agents", info.Agents);
            w.WriteNumber("silos", silos);
            w.WriteString("silo", info.Silo);
            MachineFacts.Write(w);
            w.WriteString("started_utc", started.ToString("O"));
            w.WriteNumber("wall_seconds", Math.Round(wall.TotalSeconds, 3));
            w.WriteNumber("ticks_per_second", wall.TotalSeconds > 0 ? Math.Round(ticks / wall.TotalSeconds, 2) : 0);
            w.WriteStartArray("files");
            foreach (var f in completed ? new[] { "metrics.csv", "summary.json", "manifest.json" } : ["metrics.csv.partial", "manifest.json"]) w.WriteStringValue(f);
            w.WriteEndArray();
        });
}
