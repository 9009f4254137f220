using System.Diagnostics;
using SupplySim.Testing;

namespace SupplySim.Cli.Tests;

/// <summary>Runs the built `supplysim` (the Cli project's output copied beside the tests) as a user would.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Task<Result> Run(params string[] args) => Run(null, args);

    /// <summary>Runs supplysim; <paramref name="onLine"/> sees each line of its standard output as it is printed.</summary>
    public static Task<Result> Run(Func<string, Task>? onLine, params string[] args) => Run(TimeSpan.FromMinutes(3), onLine, args);

    /// <summary>Runs supplysim for at most <paramref name="limit"/>; then kills it and throws <see cref="TimeoutException"/>.</summary>
    public static async Task<Result> Run(TimeSpan limit, Func<string, Task>? onLine, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "supplysim.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = onLine is null ? p.StandardOutput.ReadToEndAsync() : ReadLines(p.StandardOutput, onLine);
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"supplysim {string.Join(' ', args)} did not end within {limit.TotalSeconds:F0} s");
        }
        return new Result(p.ExitCode, await stdout, await stderr);
    }

    private static async Task<string> ReadLines(StreamReader reader, Func<string, Task> onLine)
    {
        var all = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            all.Append(line).Append('\n');
            await onLine(line);
        }
        return all.ToString();
    }
}
