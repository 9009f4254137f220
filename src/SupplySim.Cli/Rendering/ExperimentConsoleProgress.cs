using Spectre.Console;
using SupplySim.Experiments;
using SupplySim.Experiments.Running;

namespace SupplySim.Cli.Rendering;

/// <summary>
/// Shows an experiment's progress. One run: as `run` always did (<see cref="ConsoleProgress"/>). Several: a
/// Spectre progress bar over all their ticks on an interactive terminal; otherwise one plain line per
/// completed run, printed in (arm, replicate) order whatever order the runs finish in, so logs read the same.
/// </summary>
public sealed class ExperimentConsoleProgress(IAnsiConsole console) : IExperimentProgress
{
    private readonly Lock _lock = new();
    private ConsoleProgress? _single;
    private ProgressTask? _task;
    private ExperimentPlan? _plan;
    private RunOutcome?[] _done = [];
    private int _printed;

    /// <summary>Runs taken from an earlier attempt (`--resume`): shown as done, not run.</summary>
    public int Reused { get; set; }

    public async Task<T> Track<T>(ExperimentPlan plan, Func<Task<T>> work)
    {
        _plan = plan;
        _done = new RunOutcome?[plan.Runs];
        if (plan.Runs == 1) return await (_single = new ConsoleProgress(console)).Track(work);
        if (!console.Profile.Capabilities.Interactive) return await work();
        T result = default!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                _task = ctx.AddTask($"0/{plan.Runs} runs", autoStart: true, maxValue: (double)plan.Runs * plan.Scenarios[0].Ticks);
                result = await work();
            });
        return result;
    }

    public void Started(ExperimentPlan plan, int parallel)
    {
        if (_single is null && _task is null)
            console.WriteLine(Reused > 0
                ? $"running {plan.Runs - Reused} of {plan.Runs} runs ({plan.Arms.Count} x {plan.Replicates} replicates; {Reused} reused), {Math.Max(1, Math.Min(parallel, plan.Runs - Reused))} at a time"
                : $"running {plan.Runs} runs ({plan.Arms.Count} x {plan.Replicates} replicates), {Math.Min(parallel, plan.Runs)} at a time");
    }

    public IRunProgress For(int job) => _single is not null ? _single : new Ticks(this, job);

    public void Completed(int job, RunOutcome outcome)
    {
        if (_single is not null || _plan is null) return;
        lock (_lock)
        {
            _done[job] = outcome;
            if (_task is not null)
            {
                if (outcome.Reused) _task.Increment(outcome.TicksRun);
                _task.Description = $"{_done.Count(d => d is not null)}/{_plan.Runs} runs";
                return;
            }
            while (_printed < _done.Length && _done[_printed] is { } o)
            {
                var (arm, replicate) = (_printed / _plan.Replicates, _printed % _plan.Replicates);
                console.WriteLine($"  {_printed + 1}/{_plan.Runs} {_plan.Arms[arm].Run} r{replicate}: {o.DeathsTotal:N0} deaths (seed {_plan.Seeds[replicate]}){(o.Reused ? " (reused)" : "")}");
                _printed++;
            }
        }
    }

    private void Say(string line) => ConsoleProgress.WriteUnwrapped(console, line);

    private sealed class Ticks(ExperimentConsoleProgress owner, int job) : IRunProgress
    {
        public void Recovered(RunRecovery recovery)
        {
            var plan = owner._plan!;
            lock (owner._lock) owner.Say(ConsoleProgress.RecoveryLine(recovery, $"{plan.Arms[job / plan.Replicates].Run} r{job % plan.Replicates}"));
        }

        public void Started(int ticks, int shards, long agents) { }

        public void Ticked(int tick, string date, IReadOnlyList<string> applied)
        {
            lock (owner._lock) owner._task?.Increment(1);
        }
    }
}
