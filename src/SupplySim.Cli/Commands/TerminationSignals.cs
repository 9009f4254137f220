using System.Runtime.InteropServices;

namespace SupplySim.Cli.Commands;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM cancel the command's token, and the first one decides the exit code (130 or 143):
/// an experiment then records how far it got and exits on its own time. A second signal ends the process at once.
/// (System.CommandLine's own handling returns after 2 s whatever the command is still writing, and cannot say which signal came.)
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _received;

    public TerminationSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try { _registrations.Add(PosixSignalRegistration.Create(signal, Handle)); }
            catch (PlatformNotSupportedException) { } // then the runtime's default: the process ends
        }
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>Whether the first signal was SIGTERM.</summary>
    public bool Terminated => _received == (int)PosixSignal.SIGTERM;

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) != 0) return; // the second: left to the default
        context.Cancel = true;
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _cancel.Dispose();
    }
}
