using System.Diagnostics;
using SupplySim.Experiments.Results;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Resume;

/// <summary>
/// When the machine will not store the results (a full disk, a read-only or forbidden folder) supplysim says what and
/// where in one line with exit code 3, leaves partial files marked ".partial" and a manifest that says "failed";
/// an --out that is a file is a mistake in the command (exit code 2). Never "internal error" (docs/experiments.md).
/// </summary>
public class OutputFailureTests
{
    private static readonly string Tiny = Path.Combine("tests", "Scenarios", "tiny.yaml");

    private static string OneLine(CliProcess.Result r)
    {
        var lines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, r.StdErr);
        Assert.DoesNotContain("internal error", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr + r.StdOut);
        return lines[0];
    }

    [Fact]
    public async Task Should_Say_The_Disk_Is_Full_With_Exit_Code_3_And_Leave_Only_Partial_Files_When_A_Write_Fails_With_ENOSPC()
    {
        if (!File.Exists("/dev/full")) Assert.Skip("no /dev/full here (it is how this test fills a disk)");
        var dir = Repo.TempDir("disk-full");
        try
        {
            // The second run's metrics go to /dev/full, where every write fails with ENOSPC, as on a full disk.
            var second = Path.Combine(dir, "runs", "00-tiny", "r001");
            Directory.CreateDirectory(second);
            File.CreateSymbolicLink(Path.Combine(second, "metrics.csv.partial"), "/dev/full");

            var r = await CliProcess.Run("run", Tiny, "--replicates", "2", "--parallel", "1", "--out", dir);

            Assert.Equal(3, r.ExitCode);
            Assert.Equal($"error: no space left on the device (or quota exceeded) writing {Path.Combine(second, "metrics.csv.partial")}; free some space, or choose a folder on another disk; "
                + "the completed runs are kept: the same command with --resume runs only what is missing", OneLine(r));
            var manifest = ResumeFixture.Manifest(dir)!.Value;
            Assert.Equal("failed", manifest.GetProperty("status").GetString());
            Assert.Equal(1, manifest.GetProperty("runs_completed").GetInt32());
            Assert.False(File.Exists(Path.Combine(dir, "metrics.csv")) || File.Exists(Path.Combine(second, "metrics.csv")) || File.Exists(Path.Combine(dir, "report.html")),
                "nothing looks finished");
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Should_Say_The_Folder_Is_Read_Only_With_Exit_Code_3_Before_Running()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("mounts a read-only tmpfs: Linux only");
        var mount = Repo.TempDir("read-only");
        var (mounted, why) = await Run("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mount);
        if (!mounted)
        {
            Directory.Delete(mount);
            Assert.Skip($"cannot mount a read-only tmpfs here (needs root with CAP_SYS_ADMIN): {why}");
        }
        try
        {
            var r = await CliProcess.Run("run", Tiny, "--out", Path.Combine(mount, "out"));

            Assert.Equal(3, r.ExitCode);
            Assert.Equal($"error: the file system is read-only at {Path.Combine(mount, "out")}; choose a writable folder", OneLine(r));
            Assert.DoesNotContain("running", r.StdOut);
        }
        finally
        {
            await Run("umount", mount);
            Directory.Delete(mount);
        }
    }

    [Fact]
    public async Task Should_Say_An_Out_Path_Under_A_File_Is_Not_A_Folder_With_Exit_Code_2()
    {
        var dir = Repo.TempDir("out-file");
        try
        {
            var file = Path.Combine(dir, "results");
            await File.WriteAllTextAsync(file, "not a folder");

            var r = await CliProcess.Run("run", Tiny, "--out", Path.Combine(file, "a"));

            Assert.Equal(2, r.ExitCode);
            Assert.Equal($"error: --out {Path.Combine(file, "a")}: {file} is a file, not a folder; give a folder for the results", OneLine(r));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Should_Describe_A_Forbidden_Path_As_Missing_Permission()
        => Assert.Equal("no permission to write /data/out/metrics.csv.partial; make the folder writable for this user, or choose another folder",
            OutputFailure.Describe(new UnauthorizedAccessException("Access to the path '/data/out/metrics.csv.partial' is denied.")));

    [Fact]
    public void Should_Not_Describe_An_Ordinary_IOException_As_A_Storage_Failure()
        => Assert.Null(OutputFailure.Describe(new IOException("The process cannot access the file '/x' because it is being used by another process.")));

    private static async Task<(bool Ok, string Error)> Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var error = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            return (p.ExitCode == 0, error.Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }
}
