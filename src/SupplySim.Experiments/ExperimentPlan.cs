using System.Text.RegularExpressions;
using SupplySim.Grains;
using SupplySim.Scenarios;

namespace SupplySim.Experiments;

/// <summary>What an experiment does: one run (with replicates), a comparison of scenarios, or a sweep of settings.</summary>
public enum ExperimentKind { Run, Compare, Sweep }

/// <summary>A scenario file used by an experiment, with what a report shows about it.</summary>
public sealed record ScenarioEntry(string Name, string File, string Sha256, string Question, string Description, string Start, string End, int Ticks);

/// <summary>
/// One arm: a scenario (by index into <see cref="ExperimentPlan.Scenarios"/>) with its overrides, run once per
/// replicate. <see cref="Run"/> is its label in metrics.csv and every table; <see cref="Folder"/> its folder under runs/.
/// <see cref="MarketHeld"/>: the arm's people face, replicate by replicate, the market the people of arm 0 (the baseline) saw
/// (docs/experiments.md#direct-and-market-effects).
/// </summary>
public sealed record ArmEntry(string Run, string Folder, int Scenario, IReadOnlyList<SettingOverride> Overrides, bool MarketHeld = false);

/// <summary>
/// An experiment before it runs: arms × replicates, with replicate i of every arm on the same seed
/// (<see cref="ReplicateSeeds"/>). Stored in manifest.json, so `supplysim report` can rebuild from a folder.
/// </summary>
public sealed partial record ExperimentPlan(
    ExperimentKind Kind,
    IReadOnlyList<ScenarioEntry> Scenarios,
    IReadOnlyList<ArmEntry> Arms,
    ulong Seed,
    int Replicates,
    SweepDefinition? Sweep,
    string CommandLine)
{
    public ulong[] Seeds => ReplicateSeeds.For(Seed, Replicates);

    public int Runs => Arms.Count * Replicates;

    /// <summary>Whether some arm holds the baseline's market (compare --decompose): the baseline's runs then capture it.</summary>
    public bool Decomposes => Arms.Any(a => a.MarketHeld);

    /// <summary>The "market held" arm of arm <paramref name="arm"/> (same scenario), or -1.</summary>
    public int HeldArmOf(int arm)
    {
        for (var a = 0; a < Arms.Count; a++)
            if (Arms[a].MarketHeld && Arms[a].Scenario == Arms[arm].Scenario && !Arms[arm].MarketHeld) return a;
        return -1;
    }

    public static string RunFolder(int replicate) => $"r{replicate:D3}";

    public string RunDirectory(string outDir, int arm, int replicate) => Path.Combine(outDir, "runs", Arms[arm].Folder, RunFolder(replicate));

    public Scenario Load(int arm) => ScenarioLoader.Load(Scenarios[Arms[arm].Scenario].File, Arms[arm].Overrides);

    public static ExperimentPlan ForRun(string file, ulong? seed, int replicates, string commandLine)
    {
        var s = ScenarioLoader.Load(file);
        return new ExperimentPlan(ExperimentKind.Run, [Entry(s)], [new ArmEntry(s.Spec.Name, "00-" + Slug(s.Spec.Name), 0, [])],
            seed ?? s.Spec.Seed, replicates, null, commandLine);
    }

    /// <summary>
    /// The first file is the baseline; every scenario must cover the same months, and all use the baseline's seed. With
    /// <paramref name="decompose"/>, one "market held" arm per other scenario follows them (docs/experiments.md#direct-and-market-effects).
    /// </summary>
    public static ExperimentPlan ForCompare(IReadOnlyList<string> files, ulong? seed, int replicates, string commandLine, bool decompose = false)
    {
        if (files.Count < 2) throw new UserInputException("compare needs a baseline and at least one other scenario file");
        var loaded = files.Select(f => ScenarioLoader.Load(f)).ToArray();
        var baseline = loaded[0].Spec;
        foreach (var s in loaded.Skip(1))
            if (s.Spec.Start != baseline.Start || s.Spec.Ticks != baseline.Ticks)
                throw new UserInputException($"{s.SourcePath} runs {s.Spec.Start} to {s.Spec.DateOf(s.Spec.Ticks - 1)} but the baseline {loaded[0].SourcePath} runs {baseline.Start} to {baseline.DateOf(baseline.Ticks - 1)}; compare needs the same months");
        var labels = new List<string>();
        foreach (var s in loaded)
        {
            var label = labels.Contains(s.Spec.Name) ? Path.GetFileNameWithoutExtension(s.SourcePath) : s.Spec.Name;
            for (var k = 2; labels.Contains(label); k++) label = $"{s.Spec.Name} ({k})";
            labels.Add(label);
        }
        var arms = labels.Select((l, i) => new ArmEntry(l, $"{i:D2}-{Slug(l)}", i, [])).ToList();
        if (decompose)
        {
            if (loaded.Skip(1).FirstOrDefault(s => s.Spec.Populations.Length != baseline.Populations.Length || s.PeoplePerShard != loaded[0].PeoplePerShard
                    || s.Spec.Populations.Where((p, i) => p.People != baseline.Populations[i].People).Any()) is { } other)
                throw new UserInputException($"--decompose: {other.SourcePath} has other populations (or people per shard) than the baseline {loaded[0].SourcePath}; its people cannot face the baseline's markets");
            for (var i = 1; i < labels.Count; i++)
            {
                var label = labels[i] + " (market held)";
                arms.Add(new ArmEntry(label, $"{arms.Count:D2}-{Slug(label)}", i, [], MarketHeld: true));
            }
        }
        return new ExperimentPlan(ExperimentKind.Compare, loaded.Select(Entry).ToArray(), arms, seed ?? baseline.Seed, replicates, null, commandLine);
    }

    /// <summary>One arm per grid point; every point is compiled here, so a value out of range fails before anything runs.</summary>
    public static ExperimentPlan ForSweep(string file, SweepDefinition sweep, ulong? seed, int replicates, string commandLine)
    {
        var s = ScenarioLoader.Load(file);
        var arms = new ArmEntry[sweep.Points];
        for (var p = 0; p < sweep.Points; p++)
        {
            var overrides = sweep.Overrides(p);
            var label = $"{s.Spec.Name} @ " + string.Join(" & ", overrides.Select(o => $"{o.Path}={o.Value}"));
            try { ScenarioLoader.Load(file, overrides); }
            catch (ScenarioException e) { throw new SweepPointException(overrides, e.Problem); }
            catch (SettingPathException e) { throw new SweepPointException(overrides, e.Message); }
            arms[p] = new ArmEntry(label, $"p{p:D3}", 0, overrides);
        }
        return new ExperimentPlan(ExperimentKind.Sweep, [Entry(s)], arms, seed ?? s.Spec.Seed, replicates, sweep, commandLine);
    }

    private static ScenarioEntry Entry(Scenario s)
        => new(s.Spec.Name, Path.GetFullPath(s.SourcePath), s.Sha256, s.Spec.Question, Description(s.SourcePath),
            s.Spec.Start.ToString(), s.Spec.DateOf(s.Spec.Ticks - 1).ToString(), s.Spec.Ticks);

    /// <summary>The comment block that opens a scenario file (its question, levers, what to watch, grounding), without the '#'.</summary>
    public static string Description(string file)
    {
        var lines = new List<string>();
        foreach (var line in File.ReadLines(file))
        {
            if (!line.StartsWith('#')) break;
            if (line.StartsWith("# yaml-language-server:", StringComparison.Ordinal)) continue;
            lines.Add(line.Length > 1 && line[1] == ' ' ? line[2..] : line[1..]);
        }
        return string.Join("\n", lines).Trim('\n');
    }

    [GeneratedRegex("[^a-z0-9.]+")]
    private static partial Regex NotSlug();

    public static string Slug(string label)
    {
        var s = NotSlug().Replace(label.ToLowerInvariant(), "-").Trim('-');
        return s.Length > 60 ? s[..60].TrimEnd('-') : s;
    }
}

/// <summary>A sweep point whose values the scenario does not accept.</summary>
public sealed class SweepPointException(IReadOnlyList<SettingOverride> point, string problem)
    : Exception($"at {string.Join(" & ", point.Select(o => $"{o.Path}={o.Value}"))}: {problem}");
