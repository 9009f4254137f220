using Spectre.Console;
using SupplySim.Hosting;

namespace SupplySim.Cli.Rendering;

/// <summary>What a command prints about watching a run: the endpoints in use, and the linger after it.</summary>
public static class TelemetryAnnouncer
{
    /// <summary>Prints one line per endpoint or exporter in use (nothing when none is).</summary>
    public static void Announce(IAnsiConsole console, TelemetrySettings settings)
    {
        foreach (var line in settings.Describe()) console.WriteLine($"  {line}");
    }

    /// <summary>
    /// Keeps the process, and so its silo, scrape endpoint and dashboard, up for <see cref="TelemetrySettings.Linger"/>
    /// after the run. Ctrl+C ends the wait early and is not an error: the run's results are already written.
    /// </summary>
    public static async Task LingerAsync(IAnsiConsole console, TelemetrySettings settings, CancellationToken cancellation)
    {
        if (settings.Linger <= TimeSpan.Zero) return;
        // Short enough not to wrap in an 80-column console; the endpoints were announced at the start.
        console.WriteLine($"lingering {settings.Linger.TotalSeconds:0.#} s so the endpoints can be read (Ctrl+C to stop)");
        try
        {
            await Task.Delay(settings.Linger, cancellation);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
