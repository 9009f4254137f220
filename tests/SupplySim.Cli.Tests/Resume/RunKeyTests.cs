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
    public void Should_Name_The_Version_And_Build_Of_The_Binary() => Assert.Matches(@"^\S+ build [0-9a-f]{16}$", RunKey.Binary);
}
