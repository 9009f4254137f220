using System.Text.Json;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Resume;

/// <summary>
/// A world slow enough to interrupt between runs (tiny.yaml over six years, about half a second a run) and its
/// 10-replicate experiment run once without interruption: the files every resumed experiment must match.
/// </summary>
public sealed class ResumeFixture : IAsyncLifetime
{
    public string Root { get; } = Repo.TempDir("resume");

    public string Scenario => Path.Combine(Root, "tiny-long.yaml");

    public string Reference => Path.Combine(Root, "reference");

    /// <summary>The command of the experiment, writing to <paramref name="dir"/>.</summary>
    public string[] Command(string dir) => ["run", Scenario, "--replicates", "10", "--parallel", "2", "--out", dir];

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Scenario, ScenarioDocument.Load(Repo.Path("tests", "Scenarios", "tiny.yaml")).Set("end", "2022-12").Yaml());
        var r = await CliProcess.Run(Command(Reference));
        if (r.ExitCode != 0) throw new InvalidOperationException($"the uninterrupted experiment failed ({r.ExitCode}): {r.StdErr}");
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Root, true);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Starts the command, waits until its manifest records at least 3 completed runs, sends <paramref name="signal"/>,
    /// and returns the exit code and standard error.
    /// </summary>
    public static async Task<(int Code, string StdErr)> Interrupt(string signal, string dir, params string[] command)
    {
        await using var cli = CliSession.Start(command);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (RunsCompleted(dir) < 3)
        {
            if (cli.HasExited) throw new InvalidOperationException($"supplysim ended before 3 runs were recorded:\n{cli.StdOut}\n{cli.StdErr}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no 3 completed runs in {dir}/manifest.json:\n{cli.StdOut}\n{cli.StdErr}");
            await Task.Delay(20);
        }
        var code = await cli.Signal(signal, TimeSpan.FromMinutes(1));
        return (code, cli.StdErr);
    }

    /// <summary>"runs_completed" of the folder's manifest.json (0 while there is none).</summary>
    public static int RunsCompleted(string dir) => Manifest(dir) is { } m ? m.GetProperty("runs_completed").GetInt32() : 0;

    public static JsonElement? Manifest(string dir)
    {
        var path = Path.Combine(dir, "manifest.json");
        if (!File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.Clone();
    }

    /// <summary>report.html without the line that quotes the command (its --out differs on purpose).</summary>
    public static string Report(string dir) => string.Join("\n", File.ReadLines(Path.Combine(dir, "report.html")).Where(l => !l.StartsWith("<dt>Command</dt>", StringComparison.Ordinal)));

    /// <summary>Whether this process ignores SIGINT (started in the background by a shell): its children then ignore it too.</summary>
    public static bool SigIntIgnored()
    {
        if (!OperatingSystem.IsLinux()) return false;
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0x2) != 0; // bit 1: signal 2, SIGINT
    }
}
