using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using SupplySim.Experiments.Results;
using SupplySim.Experiments.Running;
using SupplySim.Grains;

namespace SupplySim.Experiments;

/// <summary>Where an experiment stands: its runs going, stopped by a signal, ended by a failure, or done with its report.</summary>
public enum ExperimentStatus { Running, Interrupted, Failed, Completed }

/// <summary>An experiment that stopped before all its runs completed: its statistics cover <see cref="Completed"/> of <see cref="Planned"/> runs.</summary>
public sealed record PartialRuns(int Completed, int Planned, ExperimentStatus Status)
{
    public string Sentence => $"Partial results: {Completed} of {Planned} runs completed (manifest status: {Status.ToString().ToLowerInvariant()}); "
        + "every statistic covers the completed runs only. The same command with --resume runs the rest.";
}

/// <summary>
/// manifest.json of an experiment folder: what ran (the whole <see cref="ExperimentPlan"/> under "experiment",
/// so `supplysim report` can rebuild from the folder alone), where, how long, how far it got ("status",
/// "runs_completed", rewritten as each run finishes), what `--resume` checks ("binary", "experiment_key"), and the
/// files. The top-level keys of a single run's manifest (scenario, scenario_sha256, seed, ticks, ...) stay.
/// </summary>
public static class ExperimentManifest
{
    public const string File = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>How the runs went; <see cref="Key"/> is the plan's <see cref="RunKey.Experiment"/> (null: not recorded).</summary>
    public sealed record RunFacts(DateTimeOffset Started, TimeSpan Wall, int Parallel, IReadOnlyList<RunOutcome?> Outcomes, string? Key = null);

    /// <summary>What a results folder's manifest.json says: the plan, how far it got, and what --resume compares.</summary>
    public sealed record Stored(ExperimentPlan Plan, ExperimentStatus Status, string Version, string? Binary, string? Key, int RunsCompleted);

    public static void Write(string outDir, ExperimentPlan plan, ExperimentStatus status, RunFacts facts, IReadOnlyList<string> files)
    {
        var done = facts.Outcomes.Where(o => o is { Completed: true }).Cast<RunOutcome>().ToArray();
        var ran = done.Where(o => !o.Reused).ToArray();
        var first = plan.Scenarios[0];
        AtomicFile.WriteAllText(Path.Combine(outDir, File), RunExecutor.Json(w =>
        {
            w.WriteString("tool", "supplysim");
            w.WriteString("version", RunExecutor.Version);
            w.WriteBoolean("completed", status == ExperimentStatus.Completed);
            w.WriteString("status", JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString()));
            w.WriteString("command", plan.Kind.ToString().ToLowerInvariant());
            w.WriteString("command_line", plan.CommandLine);
            w.WriteString("scenario", first.Name);
            w.WriteString("scenario_file", first.File);
            w.WriteString("scenario_sha256", first.Sha256);
            w.WriteNumber("seed", plan.Seed);
            w.WriteNumber("replicates", plan.Replicates);
            w.WriteNumber("runs_planned", plan.Runs);
            w.WriteNumber("runs_completed", done.Length);
            w.WriteNumber("runs_reused", done.Length - ran.Length);
            w.WriteString("binary", RunKey.Binary);
            if (facts.Key is not null) w.WriteString("experiment_key", facts.Key);
            w.WriteNumber("ticks_planned", first.Ticks);
            w.WriteNumber("ticks_run", done.Sum(o => o.TicksRun));
            w.WriteNumber("shards", done.Select(o => o.Shards).FirstOrDefault());
            w.WriteNumber("silos", done.Select(o => o.Silos).FirstOrDefault());
            w.WriteNumber("parallel_runs", facts.Parallel);
            MachineFacts.Write(w);
            w.WriteString("started_utc", facts.Started.ToString("O"));
            w.WriteNumber("wall_seconds", Math.Round(facts.Wall.TotalSeconds, 3));
            w.WriteNumber("run_seconds_mean", ran.Length > 0 ? Math.Round(ran.Average(o => o.Wall.TotalSeconds), 3) : 0);
            w.WriteStartArray("files");
            foreach (var f in files) w.WriteStringValue(f);
            w.WriteEndArray();
            w.WritePropertyName("experiment");
            JsonSerializer.Serialize(w, plan, Options);
        }));
    }

    /// <summary>The manifest.json of a results folder (fails with a user-facing message when there is none).</summary>
    public static Stored Read(string outDir)
    {
        var path = Path.Combine(outDir, File);
        if (!Directory.Exists(outDir)) throw new UserInputException($"{outDir} is not a folder; give a results folder written by run, compare or sweep");
        if (!System.IO.File.Exists(path)) throw new UserInputException($"{outDir} has no {File}; give a results folder written by run, compare or sweep");
        try
        {
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (!root.TryGetProperty("experiment", out var e))
                throw new UserInputException($"{path} describes no experiment (written by an older supplysim); rerun the command to get a report");
            var plan = e.Deserialize<ExperimentPlan>(Options) ?? throw new JsonException("empty experiment");
            // Manifests from before "status" only say whether the experiment completed.
            var status = root.TryGetProperty("status", out var s) ? s.Deserialize<ExperimentStatus>(Options)
                : root.GetProperty("completed").GetBoolean() ? ExperimentStatus.Completed : ExperimentStatus.Interrupted;
            return new Stored(plan, status, Text(root, "version") ?? "?", Text(root, "binary"), Text(root, "experiment_key"),
                root.TryGetProperty("runs_completed", out var n) ? n.GetInt32() : 0);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UserInputException($"{path} is not a readable manifest: {ex.Message}");
        }
    }

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
