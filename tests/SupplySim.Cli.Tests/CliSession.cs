using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SupplySim.Testing;

namespace SupplySim.Cli.Tests;

/// <summary>
/// A `supplysim` process that keeps running while a test talks to it (a run with --linger): its output
/// is collected as it comes, a test can wait for a line, then end it with SIGTERM as a user's Ctrl+C would.
/// </summary>
public sealed class CliSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new(), _stderr = new();
    private readonly SemaphoreSlim _lines = new(0);

    private CliSession(Process process) => _process = process;

    public string StdOut { get { lock (_stdout) return _stdout.ToString(); } }
    public string StdErr { get { lock (_stderr) return _stderr.ToString(); } }

    public static CliSession Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "supplysim.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var session = new CliSession(new Process { StartInfo = psi });
        session._process.OutputDataReceived += (_, e) => session.Append(session._stdout, e.Data);
        session._process.ErrorDataReceived += (_, e) => session.Append(session._stderr, e.Data);
        session._process.Start();
        session._process.BeginOutputReadLine();
        session._process.BeginErrorReadLine();
        return session;
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null) return;
        lock (to) to.Append(line).Append('\n');
        _lines.Release();
    }

    /// <summary>Waits until standard output holds <paramref name="text"/>; fails if the process exits first or time runs out.</summary>
    public async Task WaitForOutput(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!StdOut.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited && !StdOut.Contains(text, StringComparison.Ordinal))
                throw new InvalidOperationException($"supplysim exited ({_process.ExitCode}) before printing '{text}':\n{StdOut}\n{StdErr}");
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"no '{text}' within {timeout}:\n{StdOut}\n{StdErr}");
            await _lines.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Sends SIGTERM (as a service manager or Ctrl+C would end it) and returns the exit code.</summary>
    public Task<int> Terminate(TimeSpan timeout) => Signal("TERM", timeout);

    /// <summary>Sends a signal by name (INT, TERM) and returns the exit code; on Windows the process is killed instead.</summary>
    public async Task<int> Signal(string signal, TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            if (OperatingSystem.IsWindows()) _process.Kill();
            else using (var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>A port that is free on 127.0.0.1 right now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _lines.Dispose();
    }
}
