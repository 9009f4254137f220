using System.Security.Cryptography;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// The project's guard against unintended changes of results: SHA-256 of metrics.csv and summary.json for every
/// shipped scenario at seed 7, and of the baseline at two more seeds, as `supplysim run` writes them. A refactor
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
            // Two at a time: the runs are independent processes, and CI has two cores.
            await Parallel.ForAsync(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, _) =>
            {
                var (scenario, seed) = runs[i];
                var dir = Path.Combine(root, $"{scenario}-{seed}");
                var r = await CliProcess.Run("run", $"scenarios/{scenario}.yaml", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir);
                Assert.True(r.ExitCode == 0, $"{scenario} seed {seed}: exit {r.ExitCode}\n{r.StdErr}");
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

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}
