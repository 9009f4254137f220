using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SupplySim.Grains;
using SupplySim.Model.World;
using SupplySim.Scenarios;

namespace SupplySim.Experiments.Running;

/// <summary>
/// What makes a run's files what they are, as a SHA-256 (docs/experiments.md#resume-and-the-run-key): the binary, the
/// scenario as compiled (after extends, edits and sweep values) with the run's seed, its sharding, and its label and
/// replicate (both are written in every row of metrics.csv). Runs are deterministic, so two runs with one key write
/// the same bytes, and a completed run with the key asked for can stand in for running it again.
/// </summary>
public static class RunKey
{
    /// <summary>
    /// The version (with its commit) and a fingerprint of the assemblies that compute and write results: their module
    /// ids, which a deterministic build derives from their content, so a rebuilt change gives another binary.
    /// </summary>
    public static string Binary { get; } = $"{RunExecutor.Version} build {Hash(string.Join(",",
        new[] { typeof(WorldSpec), typeof(ScenarioLoader), typeof(IRunGrain), typeof(RunKey) }.Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N"))))[..16]}";

    /// <summary>
    /// The key of one run: what RunExecutor sends the run grain, plus where its rows say they come from and, when
    /// metrics.csv keeps only some metrics or ticks, which (<see cref="Results.OutputOptions.KeyText"/>).
    /// </summary>
    public static string Of(Scenario scenario, ulong seed, string run, int replicate, Results.OutputOptions? output = null)
        => Hash(string.Join("\n", new[] { "supplysim run v1", Binary, Setup(scenario, seed), "run=" + run, "replicate=" + replicate.ToString(CultureInfo.InvariantCulture) }
            .Concat(output?.KeyText is { Length: > 0 } selection ? [selection] : [])));

    /// <summary>
    /// The identity of an experiment, whatever its replicate count (replicate i's seed does not depend on it): its kind,
    /// seed, and every arm's label, folder and compiled scenario. Resuming into a folder with another key is refused.
    /// </summary>
    public static string Experiment(ExperimentPlan plan)
    {
        var text = new StringBuilder("supplysim experiment v1\n").Append(plan.Kind).Append('\n').Append(plan.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        for (var a = 0; a < plan.Arms.Count; a++)
            text.Append(plan.Arms[a].Run).Append('\n').Append(plan.Arms[a].Folder).Append('\n').Append(Hash(Setup(plan.Load(a), plan.Seed))).Append('\n');
        return Hash(text.ToString());
    }

    private static string Setup(Scenario scenario, ulong seed)
        => string.Join("\n", SpecJson.Serialize(scenario.Spec with { Seed = seed }),
            "firms-per-shard=" + scenario.FirmsPerShard.ToString(CultureInfo.InvariantCulture), "people-per-shard=" + scenario.PeoplePerShard.ToString(CultureInfo.InvariantCulture));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
