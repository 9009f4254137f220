using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Tables;

/// <summary>
/// One small sweep of tiny.yaml (2 points × 2 replicates) written as CSV and as Parquet, and one run written whole and
/// thinned to two metrics every 12 ticks: what the output-format tests compare (docs/experiments.md#output-formats).
/// </summary>
public sealed class OutputFormatFixture : IAsyncLifetime
{
    /// <summary>The test classes that share one fixture (its experiments run once).</summary>
    public const string Collection = "output formats";

    public const string VariedPath = "actors.suppliers[0].kyc-share";

    public string Root { get; } = Repo.TempDir("formats");

    public string Csv => Path.Combine(Root, "csv");
    public string Parquet => Path.Combine(Root, "parquet");
    public string Full => Path.Combine(Root, "full");
    public string Thinned => Path.Combine(Root, "thinned");

    private static string Tiny => Repo.Path("tests", "Scenarios", "tiny.yaml");

    private static string[] Sweep(string dir, params string[] more)
        => ["sweep", Tiny, "--vary", $"{VariedPath}=0.1,0.5", "--replicates", "2", "--parallel", "2", "--out", dir, .. more];

    public async ValueTask InitializeAsync()
    {
        foreach (var args in new[]
        {
            Sweep(Csv), Sweep(Parquet, "--format", "parquet"),
            ["run", Tiny, "--out", Full], ["run", Tiny, "--out", Thinned, "--metrics", "overdose_deaths,retail_price_per_mg", "--every", "12"],
        })
        {
            var r = await CliProcess.Run(args);
            if (r.ExitCode != 0) throw new InvalidOperationException($"supplysim {string.Join(' ', args)} failed ({r.ExitCode}): {r.StdErr}");
        }
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Root, true);
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(OutputFormatFixture.Collection)]
public sealed class OutputFormatCollection : ICollectionFixture<OutputFormatFixture>;
