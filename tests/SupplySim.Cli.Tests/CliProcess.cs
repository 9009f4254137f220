using System.Diagnostics;
using SupplySim.Testing;

namespace SupplySim.Cli.Tests;

/// <summary>Runs the built `supplysim` (the Cli project's output copied beside the tests) as a user would.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static async Task<Result> Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "supplysim.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(timeout.Token);
        return new Result(p.ExitCode, await stdout, await stderr);
    }
}
