using SupplySim.Experiments.Results;
using SupplySim.Experiments.Running;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Resume;

/// <summary>A run's key changes with everything that changes its files, and with nothing else (docs/experiments.md).</summary>
public class RunKeyTests
{
    private static readonly string Tiny = Repo.Path("tests", "Scenarios", "tiny.yaml");

    private static string Key(IReadOnlyList<SettingOverride>? edits = null, ulong seed = 42, string run = "tiny", int replicate = 0)
        => RunKey.Of(ScenarioLoader.Load(Tiny, edits), seed, run, replicate);

    [Fact]
    public void Should_Give_The_Same_Key_For_The_Same_Run_Loaded_Twice() => Assert.Equal(Key(), Key());

    [Fact]
    public void Should_Give_Another_Key_For_Another_Seed_Label_Replicate_Or_Edit()
    {
        var keys = new[]
        {
            Key(), Key(seed: 43), Key(run: "tiny @ x=1"), Key(replicate: 1),
            Key([new SettingOverride("interventions[2].budget-usd-per-month", "150000000")]),
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Should_Give_Another_Key_When_The_Metrics_Table_Keeps_Other_Metrics_Or_Ticks()
    {
        var scenario = ScenarioLoader.Load(Tiny);
        string With(OutputOptions? output) => RunKey.Of(scenario, 42, "tiny", 0, output);
        var keys = new[]
        {
            With(null), With(new OutputOptions(Every: 12)), With(new OutputOptions(Metrics: new HashSet<string> { "overdose_deaths" })),
            With(new OutputOptions(Metrics: new HashSet<string> { "overdose_deaths" }, Every: 12)),
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Should_Keep_The_Key_When_Only_The_Format_Changes()
        => Assert.Equal(Key(), RunKey.Of(ScenarioLoader.Load(Tiny), 42, "tiny", 0, new OutputOptions(TableFormat.Parquet)));

    [Fact]
    public void Should_Name_The_Version_And_Build_Of_The_Binary() => Assert.Matches(@"^\S+ build [0-9a-f]{16}$", RunKey.Binary);
}
