using System.Security.Cryptography;
using SupplySim.Experiments;
using SupplySim.Experiments.Analysis;
using SupplySim.Experiments.Running;
using SupplySim.Hosting;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// The project's guard against unintended changes of results: SHA-256 of metrics.csv and summary.json for every
/// shipped scenario at seed 7, and of the baseline at two more seeds, written as `supplysim run` writes them. A refactor
/// keeps every line of Expectations/GoldenOutputs/outputs.tsv; a change meant to move results re-records it
/// (SUPPLYSIM_UPDATE_GOLDEN=1) in its own commit and says why.
/// </summary>
public class GoldenOutputTests
{
    private static readonly string File_ = Repo.Path("tests", "SupplySim.Cli.Tests", "Expectations", "GoldenOutputs", "outputs.tsv");
    private static readonly ulong[] BaselineSeeds = [7, 8, 20130101];

    /// <summary>Every run the guard covers: each shipped scenario at seed 7, then the baseline at its other seeds.</summary>
    public static IReadOnlyList<(string Scenario, ulong Seed)> Runs()
        => [.. Directory.GetFiles(Repo.Path("scenarios"), "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).Select(s => (s, 7UL)),
            .. BaselineSeeds.Skip(1).Select(seed => ("baseline", seed))];

    [Fact]
    public async Task Should_Write_Byte_Identical_Metrics_And_Summary_For_Every_Shipped_Scenario()
    {
        var runs = Runs();
        var actual = new string[runs.Count];
        var root = Repo.TempDir("golden");
        try
        {
            // The library path of `supplysim run` (plan, runs on an embedded silo, results assembly, summary files)
            // without charts and report, on one silo for all runs: the same files, a fraction of the time.
            await using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None);
            await Parallel.ForAsync(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, cancellation) =>
            {
                var (scenario, seed) = runs[i];
                var dir = Path.Combine(root, $"{scenario}-{seed}");
                var plan = ExperimentPlan.ForRun(Repo.Scenario(scenario + ".yaml"), seed, 1, "golden");
                ExperimentSession.Prepare(dir);
                await new ExperimentSession(plan, dir, 1).RunAsync(silo.Grains, Quiet.Instance, cancellation);
                ResultsAssembly.Assemble(plan, dir);
                ExperimentFiles.Write(dir, ReplicateTable.Read(dir, plan));
                actual[i] = $"{scenario}\t{seed}\t{Sha256(Path.Combine(dir, "metrics.csv"))}\t{Sha256(Path.Combine(dir, "summary.json"))}";
            });
        }
        finally
        {
            Directory.Delete(root, true);
        }

        var text = "scenario\tseed\tmetrics_csv_sha256\tsummary_json_sha256\n" + string.Join("\n", actual) + "\n";
        if (Environment.GetEnvironmentVariable("SUPPLYSIM_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(File_, text);
            return;
        }
        var expected = (await File.ReadAllTextAsync(File_)).Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var got = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var changed = got.Except(expected).ToArray();
        Assert.True(changed.Length == 0 && expected.Length == got.Length,
            $"outputs differ from {File_} (re-record with SUPPLYSIM_UPDATE_GOLDEN=1 only for a change meant to move results):\n"
            + string.Join("\n", changed) + (expected.Length != got.Length ? $"\n{expected.Length - 1} recorded runs, {got.Length - 1} now" : ""));
    }

    /// <summary>No progress to show.</summary>
    private sealed class Quiet : IExperimentProgress, IRunProgress
    {
        public static readonly Quiet Instance = new();
        public void Started(ExperimentPlan plan, int parallel) { }
        public IRunProgress For(int job) => this;
        public void Completed(int job, RunOutcome outcome) { }
        public void Started(int ticks, int shards, long agents) { }
        public void Ticked(int tick, string date, IReadOnlyList<string> applied) { }
    }

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}
