using System.Diagnostics;
using System.Text.Json;
using SupplySim.Experiments;
using SupplySim.Experiments.Running;
using SupplySim.Scenarios;

namespace SupplySim.Workshop;

/// <summary>Where a live run stands.</summary>
public enum LiveStatus { Running, Paused, Done, Stopped, Failed }

/// <summary>One tick as the page draws it: the headline series of <see cref="Experiments.Analysis.Outcomes.Series"/> (NaN as null) and the interventions applied.</summary>
public sealed record LiveTick(int Tick, string Date, double?[] Values, IReadOnlyList<string> Applied);

/// <summary>
/// One run of the page: the edited scenario written to <c>scenario.yaml</c> in its own folder and run from
/// there by <see cref="RunExecutor"/>, exactly as `supplysim run scenario.yaml --seed N` would (same writers,
/// same metrics.csv, summary.json and manifest.json). The page only paces it: a delay per tick, pause, and
/// single steps, awaited between ticks, so the numbers never depend on how it was watched.
/// </summary>
public sealed class LiveRun : IRunProgress, ITickSink
{
    public const string ScenarioFile = "scenario.yaml";

    private readonly object _gate = new();
    private readonly List<LiveTick> _ticks = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HeadlineSeries? _series;
    private bool _paused;
    private int _steps, _delayMs, _planned;
    private double?[]? _pending;
    private LiveStatus _status = LiveStatus.Running;

    public int Id { get; }
    public string Directory { get; }
    public ulong Seed { get; }
    public ScenarioEdit Edit { get; }
    public IReadOnlyDictionary<string, string> Levers { get; }
    public Task Completion { get; private set; } = Task.CompletedTask;
    public string? Error { get; private set; }

    /// <summary>summary.json's "headline" once the run has completed: the numbers the CLI reports.</summary>
    public JsonElement? Headline { get; private set; }

    private LiveRun(int id, string directory, ulong seed, ScenarioEdit edit, IReadOnlyDictionary<string, string> levers, int delayMs, bool paused)
    {
        Id = id;
        Directory = directory;
        Seed = seed;
        Edit = edit;
        Levers = levers;
        _delayMs = delayMs;
        _paused = paused;
    }

    /// <summary>Writes the edited scenario (a mistake in it throws <see cref="ScenarioException"/> before anything runs) and starts the run.</summary>
    public static LiveRun Start(IGrainFactory grains, LeverCatalogue catalogue, IReadOnlyDictionary<string, string> levers, ulong seed,
        string directory, int id, int delayMs, bool paused)
    {
        var edit = catalogue.Edit(levers);
        System.IO.Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, ScenarioFile);
        File.WriteAllText(file, edit.Write(catalogue.ScenarioFile));
        var scenario = ScenarioLoader.Load(file);
        var run = new LiveRun(id, directory, seed, edit, levers, delayMs, paused);
        run.Completion = Task.Run(() => run.Execute(grains, scenario));
        return run;
    }

    private async Task Execute(IGrainFactory grains, Scenario scenario)
    {
        try
        {
            var slot = new RunSlot(scenario.Spec.Name, 0, (m, d) => { _series = new HeadlineSeries(m, d); return this; }, Pace);
            var outcome = await RunExecutor.RunAsync(grains, scenario, Seed, Directory, this, _stop.Token, slot);
            if (outcome.Completed)
            {
                using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "summary.json")));
                Headline = summary.RootElement.GetProperty("headline").Clone();
            }
            lock (_gate) _status = outcome.Completed ? LiveStatus.Done : LiveStatus.Stopped;
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _status = _stop.IsCancellationRequested ? LiveStatus.Stopped : LiveStatus.Failed;
                Error = e.Message;
            }
        }
    }

    private async Task Pace(int tick, CancellationToken cancellation)
    {
        while (true)
        {
            Task wake;
            lock (_gate)
            {
                if (!_paused) break;
                if (_steps > 0)
                {
                    _steps--;
                    return;
                }
                wake = _wake.Task;
            }
            await wake.WaitAsync(cancellation);
        }
        var delay = _delayMs;
        if (delay > 0) await Task.Delay(delay, cancellation);
    }

    public void Pause() => Change(() => _paused = true);

    public void Resume() => Change(() => _paused = false);

    public void Step() => Change(() => { _paused = true; _steps++; });

    public void Speed(int delayMs) => Change(() => _delayMs = delayMs);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        try { await Completion; }
        catch (OperationCanceledException) { }
    }

    private void Change(Action change)
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            change();
            old = _wake;
            _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        old.TrySetResult();
    }

    /// <summary>The ticks from <paramref name="since"/> on, and where the run stands.</summary>
    public (LiveStatus Status, int Planned, IReadOnlyList<LiveTick> Ticks, double TicksPerSecond, int DelayMs) Read(int since)
    {
        lock (_gate)
        {
            var status = _status == LiveStatus.Running && _paused ? LiveStatus.Paused : _status;
            var rate = _ticks.Count > 1 && _clock.Elapsed.TotalSeconds > 0 ? (_ticks.Count - 1) / _clock.Elapsed.TotalSeconds : 0;
            return (status, _planned, _ticks.Skip(Math.Max(0, since)).ToArray(), rate, _delayMs);
        }
    }

    void IRunProgress.Started(int ticks, int shards, long agents)
    {
        lock (_gate) _planned = ticks;
    }

    void IRunProgress.Ticked(int tick, string date, IReadOnlyList<string> applied)
    {
        lock (_gate)
        {
            if (_ticks.Count == 0) _clock.Restart();
            _ticks.Add(new LiveTick(tick, date, _pending ?? [], applied.ToArray()));
            _pending = null;
        }
    }

    void ITickSink.Write(int tick, string date, double[] values)
    {
        var row = _series!.Next(values);
        lock (_gate) _pending = row.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();
    }

    void ITickSink.Commit() { }

    void IDisposable.Dispose() { }
}
