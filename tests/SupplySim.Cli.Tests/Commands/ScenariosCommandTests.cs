using Spectre.Console.Testing;
using SupplySim.Cli.Commands;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Commands;

/// <summary>`supplysim scenarios` lists scenario files with the question each answers (golden output).</summary>
public class ScenariosCommandTests
{
    [Fact]
    public async Task Should_List_Each_Scenario_With_Its_Question()
    {
        var dir = Repo.Path("tests", "Scenarios");
        var console = new TestConsole().Width(120);
        Assert.Equal(0, await SupplySimCommand.InvokeAsync(["scenarios", "--dir", dir], console));
        Golden.Assert(console.Output.Replace(dir, "<dir>"), "Scenarios", "TestWorlds");
    }

    [Fact]
    public async Task Should_List_The_Shipped_Scenarios_By_Default()
    {
        var r = await CliProcess.Run("scenarios");
        Assert.Equal(0, r.ExitCode);
        foreach (var file in Directory.GetFiles(Repo.Path("scenarios"), "*.yaml")) Assert.Contains(Path.GetFileName(file), r.StdOut);
    }
}
