namespace SupplySim.Experiments.Running;

/// <summary>Receives each tick's metric values (in catalogue order) as a run streams them, e.g. to derive headline series.</summary>
public interface ITickSink : IDisposable
{
    void Write(int tick, string date, double[] values);

    /// <summary>Called once when every tick has been written (then Dispose); an interrupted run only disposes.</summary>
    void Commit();
}

/// <summary>
/// Where one run sits in an experiment: its label in the <c>run</c> column of metrics.csv (default: the
/// scenario name), its replicate index, an optional sink created from the run's metric catalogue, and an
/// optional pace awaited before each tick (workshop mode's pause, step and speed; it never changes results), and what
/// of its metrics metrics.csv keeps (<see cref="Results.OutputOptions"/>; default: all).
/// </summary>
public sealed record RunSlot(string Run, int Replicate, Func<string[], string[], ITickSink>? Sink = null, Func<int, CancellationToken, Task>? Pace = null,
    Results.OutputOptions? Output = null);
