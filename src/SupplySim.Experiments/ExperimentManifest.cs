using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using SupplySim.Experiments.Results;
using SupplySim.Experiments.Running;
using SupplySim.Grains;

namespace SupplySim.Experiments;

/// <summary>
/// manifest.json of an experiment folder: what ran (the whole <see cref="ExperimentPlan"/> under "experiment",
/// so `supplysim report` can rebuild from the folder alone), where, how long, whether it completed, and the
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

    public sealed record RunFacts(DateTimeOffset Started, TimeSpan Wall, int Parallel, IReadOnlyList<RunOutcome?> Outcomes);

    public static void Write(string outDir, ExperimentPlan plan, bool completed, RunFacts facts, IReadOnlyList<string> files)
    {
        var done = facts.Outcomes.Where(o => o is { Completed: true }).Cast<RunOutcome>().ToArray();
        var first = plan.Scenarios[0];
        AtomicFile.WriteAllText(Path.Combine(outDir, File), RunExecutor.Json(w =>
        {
            w.WriteString("tool", "supplysim");
            w.WriteString("version", RunExecutor.Version);
            w.WriteBoolean("completed", completed);
            w.WriteString("command", plan.Kind.ToString().ToLowerInvariant());
            w.WriteString("command_line", plan.CommandLine);
            w.WriteString("scenario", first.Name);
            w.WriteString("scenario_file", first.File);
            w.WriteString("scenario_sha256", first.Sha256);
            w.WriteNumber("seed", plan.Seed);
            w.WriteNumber("replicates", plan.Replicates);
            w.WriteNumber("runs_planned", plan.Runs);
            w.WriteNumber("runs_completed", done.Length);
            w.WriteNumber("ticks_planned", first.Ticks);
            w.WriteNumber("ticks_run", done.Sum(o => o.TicksRun));
            w.WriteNumber("shards", done.Select(o => o.Shards).FirstOrDefault());
            w.WriteNumber("silos", done.Select(o => o.Silos).FirstOrDefault());
            w.WriteNumber("parallel_runs", facts.Parallel);
            MachineFacts.Write(w);
            w.WriteString("started_utc", facts.Started.ToString("O"));
            w.WriteNumber("wall_seconds", Math.Round(facts.Wall.TotalSeconds, 3));
            w.WriteNumber("run_seconds_mean", done.Length > 0 ? Math.Round(done.Average(o => o.Wall.TotalSeconds), 3) : 0);
            w.WriteStartArray("files");
            foreach (var f in files) w.WriteStringValue(f);
            w.WriteEndArray();
            w.WritePropertyName("experiment");
            JsonSerializer.Serialize(w, plan, Options);
        }));
    }

    /// <summary>The plan stored in a results folder's manifest.json (fails with a user-facing message when there is none).</summary>
    public static ExperimentPlan ReadPlan(string outDir)
    {
        var path = Path.Combine(outDir, File);
        if (!Directory.Exists(outDir)) throw new UserInputException($"{outDir} is not a folder; give a results folder written by run, compare or sweep");
        if (!System.IO.File.Exists(path)) throw new UserInputException($"{outDir} has no {File}; give a results folder written by run, compare or sweep");
        try
        {
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
            if (!doc.RootElement.TryGetProperty("experiment", out var e))
                throw new UserInputException($"{path} describes no experiment (written by an older supplysim); rerun the command to get a report");
            if (!doc.RootElement.GetProperty("completed").GetBoolean())
                throw new UserInputException($"{path} says the experiment did not complete; rerun it");
            return e.Deserialize<ExperimentPlan>(Options) ?? throw new JsonException("empty experiment");
        }
        catch (JsonException ex)
        {
            throw new UserInputException($"{path} is not a readable manifest: {ex.Message}");
        }
    }
}
