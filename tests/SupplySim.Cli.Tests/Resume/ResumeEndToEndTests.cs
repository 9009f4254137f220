using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Resume;

/// <summary>
/// An experiment stopped by a signal records how far it got, `report` shows what completed (marked partial), and
/// `--resume` runs only the missing runs into the same bytes as an uninterrupted experiment (docs/experiments.md).
/// </summary>
public class ResumeEndToEndTests(ResumeFixture fixture) : IClassFixture<ResumeFixture>
{
    private static readonly string[] Files =
        ["metrics.csv", "replicates.csv", "timeseries.csv", "summary.json", "charts/timeseries-overdose-deaths.png", "charts/timeseries-overdose-deaths.svg"];

    private static int CompletedRunFolders(string dir)
        => Directory.GetDirectories(Path.Combine(dir, "runs", "00-tiny")).Count(r => File.Exists(Path.Combine(r, "metrics.csv")));

    [Fact]
    public async Task Should_Record_The_Completed_Runs_And_Exit_With_130_When_Interrupted_By_Ctrl_C()
    {
        if (ResumeFixture.SigIntIgnored()) Assert.Skip("this test process ignores SIGINT (started in the background), so supplysim would too");
        var dir = Repo.TempDir("interrupted");
        try
        {
            var (code, stderr) = await ResumeFixture.Interrupt("INT", dir, fixture.Command(dir));

            Assert.Equal(130, code);
            var manifest = ResumeFixture.Manifest(dir)!.Value;
            Assert.Equal("interrupted", manifest.GetProperty("status").GetString());
            Assert.False(manifest.GetProperty("completed").GetBoolean());
            var completed = manifest.GetProperty("runs_completed").GetInt32();
            Assert.InRange(completed, 3, 9);
            Assert.Equal(completed, CompletedRunFolders(dir));
            Assert.Equal($"error: interrupted after {completed} of 10 runs (recorded in {Path.Combine(dir, "manifest.json")}); the same command with --resume runs only the rest\n", stderr);
            Assert.False(File.Exists(Path.Combine(dir, "metrics.csv")), "an interrupted experiment has no merged metrics.csv");
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Should_Run_Only_The_Missing_Runs_And_Write_The_Uninterrupted_Files_When_Resumed_After_SIGTERM()
    {
        var dir = Repo.TempDir("resumed");
        try
        {
            var (code, _) = await ResumeFixture.Interrupt("TERM", dir, fixture.Command(dir));
            Assert.Equal(143, code);
            Assert.Equal("interrupted", ResumeFixture.Manifest(dir)!.Value.GetProperty("status").GetString());
            var completed = ResumeFixture.RunsCompleted(dir);
            var firstRun = File.ReadAllText(Path.Combine(dir, "runs", "00-tiny", "r000", "manifest.json"));

            var r = await CliProcess.Run([.. fixture.Command(dir), "--resume"]);

            Assert.True(r.ExitCode == 0, r.StdErr + r.StdOut);
            Assert.Contains($"--resume: {completed} of 10 runs completed earlier in {dir} are reused", r.StdOut);
            Assert.Contains($"{10 - completed} runs in ", r.StdOut);
            var manifest = ResumeFixture.Manifest(dir)!.Value;
            Assert.Equal(completed, manifest.GetProperty("runs_reused").GetInt32());
            Assert.Equal(10, manifest.GetProperty("runs_completed").GetInt32());
            Assert.Equal("completed", manifest.GetProperty("status").GetString());
            Assert.Equal(firstRun, File.ReadAllText(Path.Combine(dir, "runs", "00-tiny", "r000", "manifest.json"))); // not run again
            foreach (var f in Files)
                Assert.True(File.ReadAllBytes(Path.Combine(dir, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(fixture.Reference, f))), $"{f} differs from the uninterrupted experiment's");
            Assert.Equal(ResumeFixture.Report(fixture.Reference), ResumeFixture.Report(dir));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Should_Report_The_Completed_Runs_Of_An_Interrupted_Experiment_Marked_Partial()
    {
        var dir = Repo.TempDir("partial");
        try
        {
            await ResumeFixture.Interrupt("TERM", dir, fixture.Command(dir));
            var completed = ResumeFixture.RunsCompleted(dir);

            var r = await CliProcess.Run("report", dir);

            Assert.True(r.ExitCode == 0, r.StdErr + r.StdOut);
            var banner = $"Partial results: {completed} of 10 runs completed (manifest status: interrupted)";
            Assert.StartsWith(banner, r.StdOut);
            Assert.Contains("<p class=\"partial\"", File.ReadAllText(Path.Combine(dir, "report.html")));
            Assert.Contains(banner, File.ReadAllText(Path.Combine(dir, "report.html")));
            var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json"))).RootElement;
            Assert.True(summary.GetProperty("partial").GetBoolean());
            Assert.Equal(completed, summary.GetProperty("runs_completed").GetInt32());
            Assert.Equal(completed, summary.GetProperty("runs")[0].GetProperty("statistics").GetProperty("overdose_deaths_total").GetProperty("n").GetInt32());
            Assert.False(File.Exists(Path.Combine(dir, "metrics.csv")), "a partial report does not merge the runs' metrics");
            Assert.Equal(completed, CompletedRunFolders(dir)); // and leaves them for --resume
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Should_Refuse_To_Resume_A_Folder_Holding_Another_Scenario_With_One_Line_And_Exit_Code_2()
    {
        var dir = Repo.TempDir("other");
        try
        {
            var first = await CliProcess.Run("run", "tests/Scenarios/tiny.yaml", "--out", dir);
            Assert.True(first.ExitCode == 0, first.StdErr);
            var manifest = File.ReadAllText(Path.Combine(dir, "manifest.json"));

            var r = await CliProcess.Run("run", "tests/Scenarios/tiny-surge.yaml", "--out", dir, "--resume");

            Assert.Equal(2, r.ExitCode);
            Assert.Equal($"error: --resume: {Path.Combine(dir, "manifest.json")} holds a different experiment (its scenarios, settings, varied values or seed differ from this command's); "
                + "give another --out, or leave out --resume to start over there\n", r.StdErr);
            Assert.Equal(manifest, File.ReadAllText(Path.Combine(dir, "manifest.json")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Should_Run_Nothing_When_Resuming_A_Complete_Experiment()
    {
        var manifest = File.ReadAllText(Path.Combine(fixture.Reference, "manifest.json"));

        var r = await CliProcess.Run([.. fixture.Command(fixture.Reference), "--resume"]);

        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Contains($"--resume: {fixture.Reference} already holds this experiment, complete; nothing to run", r.StdOut);
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(fixture.Reference, "manifest.json")));
    }
}
