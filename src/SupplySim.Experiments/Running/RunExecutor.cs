using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Orleans.Runtime;
using SupplySim.Experiments.Results;
using SupplySim.Grains;
using SupplySim.Model.Agents;
using SupplySim.Model.World;
using SupplySim.Scenarios;

namespace SupplySim.Experiments.Running;

/// <summary>
/// What a finished (or interrupted) run left behind; <see cref="Reused"/>: taken from an earlier attempt (`--resume`), not run
/// now; <see cref="Market"/> is what its people saw of their markets, when asked for.
/// </summary>
public sealed record RunOutcome(string Directory, bool Completed, int TicksRun, double DeathsTotal, TimeSpan Wall, int Silos, int Shards, IReadOnlyList<RunRecovery>? Recoveries = null,
    bool Reused = false, HeldMarket? Market = null);

/// <summary>Receives progress as ticks complete.</summary>
public interface IRunProgress
{
    void Started(int ticks, int shards, long agents);
    void Ticked(int tick, string date, IReadOnlyList<string> applied);

    /// <summary>The run lost a silo and was rolled back to a checkpoint; ticks are reported again from the one after it.</summary>
    void Recovered(RunRecovery recovery) { }
}

/// <summary>What the run's checkpoints cost: how many were taken, the size of the last, and their total time.</summary>
public sealed class CheckpointStats(int every)
{
    public int Every { get; } = every;
    public int Taken { get; private set; }
    public long LastBytes { get; private set; }
    public double Seconds { get; private set; }

    public void Add(TickResult result)
    {
        Taken++;
        LastBytes = result.CheckpointBytes;
        Seconds += result.CheckpointSeconds;
    }
}

/// <summary>
/// Drives one run on whatever cluster the grain factory reaches (embedded silo or test cluster) and
/// streams its results folder: metrics.csv per tick, then summary.json and manifest.json.
/// </summary>
public static class RunExecutor
{
    public static string Version => typeof(RunExecutor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>
    /// Runs one scenario to its end. Every <paramref name="checkpointEvery"/> ticks (default: the scenario's
    /// sharding.checkpoint-every) the grains checkpoint; when a silo dies the run rolls back to the last checkpoint
    /// on the surviving silos, metrics.csv is cut back to that tick, and the run replays (at most
    /// <see cref="RunRecoveryPolicy.MaxRecoveries"/> times from one checkpoint), so the files are the same as if nothing had failed.
    /// With <paramref name="captureMarket"/> the outcome carries what the run's people saw of their markets; with <paramref name="held"/>
    /// the run's people face that instead of their own markets (docs/experiments.md#direct-and-market-effects).
    /// </summary>
    public static async Task<RunOutcome> RunAsync(IGrainFactory grains, Scenario scenario, ulong seed, string outDir, IRunProgress progress, CancellationToken cancellation,
        RunSlot? slot = null, int? checkpointEvery = null, bool captureMarket = false, HeldMarket? held = null)
    {
        var spec = scenario.Spec with { Seed = seed, HeldMarket = held };
        slot ??= new RunSlot(spec.Name, 0);
        Directory.CreateDirectory(outDir);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var run = grains.GetGrain<IRunGrain>($"{spec.Name}/{seed}/{Guid.NewGuid():N}");
        var request = new RunRequest(SpecJson.Serialize(spec), scenario.FirmsPerShard, scenario.PeoplePerShard, CheckpointEvery: checkpointEvery ?? scenario.CheckpointEvery, CaptureMarket: captureMarket);
        using var policy = new RunRecoveryPolicy(grains);
        var info = await policy.StartAsync(run, request, cancellation);
        var silos = policy.SiloCount;
        progress.Started(info.Ticks, info.Shards, info.Agents);

        var headline = new Headline(info.Metrics, info.Dimensions);
        var sink = slot.Sink?.Invoke(info.Metrics, info.Dimensions);
        var applied = new List<(string Date, string Label)>();
        // Ticks since the last checkpoint reach the headline, the sink and the list of interventions only once a
        // checkpoint (or the end) confirms them; a rollback drops them, as it cuts metrics.csv back.
        var unconfirmed = new List<(int Tick, string Date, TickResult Result)>();
        var recoveries = new List<RunRecovery>();
        var checkpoints = new CheckpointStats(request.CheckpointEvery);
        var seen = captureMarket ? new double[info.Ticks][] : null; // by tick: a replay after a rollback overwrites
        var ticks = 0;
        string? lostCluster = null;
        var metricsPath = Path.Combine(outDir, "metrics.csv");
        using (var csv = new MetricsCsvWriter(metricsPath, slot.Run, slot.Replicate, info.Metrics, info.Dimensions, slot.Output))
        {
            var restorePoint = (Tick: -1, CsvLength: csv.Length);
            void Confirm()
            {
                foreach (var (t, date, result) in unconfirmed)
                {
                    headline.Add(spec.DateOf(t).Year, result.Values);
                    sink?.Write(t, date, result.Values);
                    foreach (var label in result.Applied) applied.Add((date, label));
                }
                unconfirmed.Clear();
            }
            try
            {
                for (var t = 0; t < info.Ticks;)
                {
                    cancellation.ThrowIfCancellationRequested();
                    if (slot.Pace is { } pace) await pace(t, cancellation);
                    var asked = Stopwatch.GetTimestamp();
                    TickResult result;
                    try
                    {
                        result = await policy.TickAsync(run, t, cancellation);
                    }
                    catch (Exception e) when (RunRecoveryPolicy.IsRecoverable(e) && !cancellation.IsCancellationRequested)
                    {
                        var siloLost = !RunRecoveryPolicy.IsStoreFailure(e);
                        // Repeated faults are survived while the run gets past a new checkpoint between them.
                        var stuck = recoveries.Count(r => r.RestoredTick == restorePoint.Tick);
                        if (stuck >= RunRecoveryPolicy.MaxRecoveries)
                            throw new ClusterLostException($"the run {(siloLost ? "lost a silo" : "lost its checkpoint store")} for the {stuck + 1}th time (at tick {t}) without getting past the checkpoint after tick {restorePoint.Tick}, and gives up: {RunRecoveryPolicy.Describe(e)}");
                        info = await policy.RestoreAsync(run, request, restorePoint.Tick, cancellation);
                        csv.Truncate(restorePoint.CsvLength);
                        unconfirmed.Clear();
                        var recovery = new RunRecovery(t, restorePoint.Tick, Stopwatch.GetElapsedTime(asked), RunRecoveryPolicy.Describe(e), siloLost);
                        recoveries.Add(recovery);
                        progress.Recovered(recovery);
                        ticks = restorePoint.Tick + 1;
                        t = restorePoint.Tick + 1;
                        continue;
                    }
                    var date = spec.DateOf(t).ToString();
                    csv.Write(t, date, result.Values);
                    if (seen is not null) seen[t] = result.MarketSeen ?? throw new InvalidOperationException("the run grain did not return what people saw of the market");
                    unconfirmed.Add((t, date, result));
                    ticks = t + 1;
                    // A live page (workshop) shows every tick as it comes; its runs are embedded, with no silo to lose.
                    if (slot.Pace is not null) Confirm();
                    progress.Ticked(t, date, result.Applied);
                    if (result.Checkpointed)
                    {
                        Confirm();
                        restorePoint = (t, csv.Length);
                        checkpoints.Add(result);
                    }
                    t++;
                }
                Confirm();
                csv.Commit();
                sink?.Commit();
            }
            catch (OperationCanceledException)
            {
                // metrics.csv stays ".partial"; the manifest below says the run did not complete.
            }
            catch (ClusterLostException e)
            {
                lostCluster = e.Message;
            }
            finally
            {
                sink?.Dispose();
                await StopQuietly(run, lostCluster is not null);
            }
        }

        var completed = ticks == info.Ticks && lostCluster is null;
        clock.Stop();
        if (completed) AtomicFile.WriteAllText(Path.Combine(outDir, "summary.json"), Summary(spec, seed, slot, headline, applied));
        AtomicFile.WriteAllText(Path.Combine(outDir, "manifest.json"),
            Manifest(scenario, spec, seed, RunKey.Of(scenario, seed, slot.Run, slot.Replicate, slot.Output), completed, ticks, silos, info, started, clock.Elapsed, checkpoints, recoveries));
        if (lostCluster is not null) throw new ClusterLostException(lostCluster);
        return new RunOutcome(outDir, completed, ticks, headline.DeathsTotal, clock.Elapsed, silos, info.Shards, recoveries,
            Market: completed && seen is not null ? HeldMarket.Of(seen) : null);
    }

    /// <summary>Stops the run's grains and deletes its checkpoints; after the cluster was lost, only tries briefly.</summary>
    private static async Task StopQuietly(IRunGrain run, bool clusterLost)
    {
        try
        {
            await run.Stop().WaitAsync(TimeSpan.FromSeconds(clusterLost ? 5 : 60));
        }
        catch (Exception e) when (RunRecoveryPolicy.IsRecoverable(e))
        {
            // The silo that held a shard is gone, or Redis is; its checkpoints expire in Redis (RedisCheckpointStore.Expiry).
        }
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

    private static string Manifest(Scenario scenario, WorldSpec spec, ulong seed, string key, bool completed, int ticks, int silos, RunInfo info, DateTimeOffset started, TimeSpan wall,
        CheckpointStats checkpoints, IReadOnlyList<RunRecovery> recoveries)
        => Json(w =>
        {
            w.WriteString("tool", "supplysim");
            w.WriteString("version", Version);
            w.WriteBoolean("completed", completed);
            w.WriteString("scenario", spec.Name);
            w.WriteString("scenario_file", Path.GetFullPath(scenario.SourcePath));
            w.WriteString("scenario_sha256", scenario.Sha256);
            w.WriteNumber("seed", seed);
            w.WriteString("cache_key", key);
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
            w.WriteStartObject("checkpoints");
            w.WriteNumber("every", checkpoints.Every);
            w.WriteNumber("taken", checkpoints.Taken);
            w.WriteNumber("last_bytes", checkpoints.LastBytes);
            w.WriteNumber("seconds_total", Math.Round(checkpoints.Seconds, 3));
            w.WriteEndObject();
            w.WriteNumber("recovery_count", recoveries.Count);
            w.WriteStartArray("recoveries");
            foreach (var r in recoveries)
            {
                w.WriteStartObject();
                w.WriteNumber("failed_at_tick", r.FailedAtTick);
                w.WriteNumber("restored_tick", r.RestoredTick);
                w.WriteNumber("seconds", Math.Round(r.Took.TotalSeconds, 3));
                w.WriteString("cause", r.Cause);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("files");
            foreach (var f in completed ? new[] { "metrics.csv", "summary.json", "manifest.json" } : ["metrics.csv.partial", "manifest.json"]) w.WriteStringValue(f);
            w.WriteEndArray();
        });
}
