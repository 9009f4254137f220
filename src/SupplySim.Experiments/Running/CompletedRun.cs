using System.Text.Json;
using SupplySim.Experiments.Analysis;

namespace SupplySim.Experiments.Running;

/// <summary>
/// A run folder (runs/ARM/rNNN) read back: whether its run completed, so that `--resume` can reuse it and `report`
/// can show a partial experiment. A run counts only when its manifest.json says so and its files are there under
/// their final names (an interrupted run leaves metrics.csv.partial and "completed": false).
/// </summary>
public static class CompletedRun
{
    /// <summary>
    /// The outcome of the completed run in <paramref name="dir"/>, or null. With a <paramref name="key"/> (resume), the
    /// run must have that <see cref="RunKey"/> and still hold its metrics.csv (which assembling the experiment removes).
    /// </summary>
    public static RunOutcome? Read(string dir, string? key)
    {
        var manifest = Path.Combine(dir, ExperimentManifest.File);
        string[] needed = key is null ? ["summary.json", ResultsAssembly.SeriesFile] : ["summary.json", ResultsAssembly.SeriesFile, ResultsAssembly.MetricsFile];
        if (!File.Exists(manifest) || needed.Any(f => !File.Exists(Path.Combine(dir, f)))) return null;
        try
        {
            using var m = JsonDocument.Parse(File.ReadAllBytes(manifest));
            var root = m.RootElement;
            if (!root.TryGetProperty("completed", out var completed) || !completed.GetBoolean()) return null;
            if (key is not null && !(root.TryGetProperty("cache_key", out var k) && k.GetString() == key)) return null;
            using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "summary.json")));
            var deaths = Outcomes.Find(Outcomes.Deaths)!.Read(summary.RootElement.GetProperty("headline"));
            return new RunOutcome(dir, true, root.GetProperty("ticks_run").GetInt32(), deaths, TimeSpan.FromSeconds(root.GetProperty("wall_seconds").GetDouble()),
                root.GetProperty("silos").GetInt32(), root.GetProperty("shards").GetInt32(), Reused: true);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null; // a file cut short or written by another version: run it again
        }
    }
}
