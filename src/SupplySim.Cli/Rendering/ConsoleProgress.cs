using Spectre.Console;
using SupplySim.Experiments.Running;

namespace SupplySim.Cli.Rendering;

/// <summary>
/// Shows a run's progress: a Spectre progress bar on an interactive terminal, otherwise one plain line
/// per simulated year (logs and CI stay readable).
/// </summary>
public sealed class ConsoleProgress(IAnsiConsole console) : IRunProgress
{
    private ProgressTask? _task;
    private int _ticks;

    public async Task<T> Track<T>(Func<Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive) return await work();
        T result = default!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                _task = ctx.AddTask("ticks", autoStart: true, maxValue: 1);
                result = await work();
            });
        return result;
    }

    public void Started(int ticks, int shards, long agents)
    {
        _ticks = ticks;
        if (_task is not null) _task.MaxValue = ticks;
        else console.WriteLine($"running {ticks} monthly ticks over {shards} shards ({agents:N0} agents)");
    }

    public void Ticked(int tick, string date, IReadOnlyList<string> applied)
    {
        if (_task is not null)
        {
            _task.Description = date;
            _task.Increment(1);
            return;
        }
        foreach (var a in applied) console.WriteLine($"  {date}: {a}");
        if (date.EndsWith("-12", StringComparison.Ordinal) || tick == _ticks - 1) console.WriteLine($"  {date}  tick {tick + 1}/{_ticks}");
    }

    public void Recovered(RunRecovery recovery) => WriteUnwrapped(console, RecoveryLine(recovery));

    /// <summary>Writes a line as is (Spectre would wrap it at the console's width).</summary>
    public static void WriteUnwrapped(IAnsiConsole console, string line)
    {
        console.Profile.Out.Writer.WriteLine(line);
        console.Profile.Out.Writer.Flush();
    }

    /// <summary>The one console line about a rollback.</summary>
    public static string RecoveryLine(RunRecovery r, string? run = null)
        => $"recovered{(run is null ? "" : $" {run}")}: {(r.SiloLost ? "a silo was lost" : "the checkpoint store failed")} at tick {r.FailedAtTick + 1} ({r.Cause}); "
           + (r.RestoredTick >= 0 ? $"rolled back to the checkpoint after tick {r.RestoredTick + 1}" : "restarted from the first tick (no checkpoint yet)")
           + $" on the {(r.SiloLost ? "surviving " : "")}silos in {r.Took.TotalSeconds:F1} s, replaying";
}
