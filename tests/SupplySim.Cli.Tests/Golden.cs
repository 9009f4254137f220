using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// Golden files for console output: tests/SupplySim.Cli.Tests/Expectations/COMMAND/CASE.txt. Lines are compared
/// without trailing spaces. Set SUPPLYSIM_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff.
/// </summary>
public static class Golden
{
    public static void Assert(string actual, string command, string caseName)
    {
        var path = Repo.Path("tests", "SupplySim.Cli.Tests", "Expectations", command, caseName + ".txt");
        var normalized = Normalize(actual);
        if (Environment.GetEnvironmentVariable("SUPPLYSIM_UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            if (Environment.GetEnvironmentVariable("SUPPLYSIM_UPDATE_GOLDEN") != "1")
                Xunit.Assert.Fail($"{path} did not exist; it has been written from this run: review it and run the test again");
            return;
        }
        Xunit.Assert.Equal(Normalize(File.ReadAllText(path)), normalized);
    }

    private static string Normalize(string text)
        => string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n') + "\n";
}
