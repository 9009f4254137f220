using Microsoft.Extensions.Logging;

namespace SupplySim.Hosting;

/// <summary>
/// Logs for diagnosing a cluster (not for users): with SUPPLYSIM_LOG=Debug (or Information, Warning, Trace) the hosts'
/// Orleans logs and StackExchange.Redis' connection logs go to standard error with timestamps; by default only errors
/// are logged, nowhere.
/// </summary>
public static class DiagnosticLog
{
    /// <summary>The environment variable that names the level.</summary>
    public const string Variable = "SUPPLYSIM_LOG";

    /// <summary>The level asked for, or null.</summary>
    public static LogLevel? Level { get; } = Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable(Variable), ignoreCase: true, out var level) ? level : null;

    /// <summary>A logger factory writing to standard error at <see cref="Level"/>, or null when none was asked for.</summary>
    public static ILoggerFactory? Factory { get; } = Level is { } l
        ? LoggerFactory.Create(b => b.SetMinimumLevel(l).AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
        : null;

    /// <summary>Adds the logs asked for to a host's logging.</summary>
    public static void AddTo(ILoggingBuilder logging)
    {
        if (Level is not { } level) return;
        logging.SetMinimumLevel(level);
        logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
