using System.Runtime.CompilerServices;
using Orleans.Runtime;
using SupplySim.Grains;

namespace SupplySim.Experiments.Running;

/// <summary>
/// Counts one client's runs in flight per silo, so that a new run, or one whose silo died, is placed by load
/// (<see cref="RunPlacement"/>, docs/cluster.md#placement). Several clients each spread their own runs evenly, so
/// together they spread evenly too. Shared by every run started through one grain factory (one connection).
/// </summary>
public sealed class RunBalancer
{
    private static readonly ConditionalWeakTable<IGrainFactory, RunBalancer> Shared = new();

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _runs = new();

    /// <summary>The balancer of the runs started through <paramref name="grains"/>.</summary>
    public static RunBalancer Of(IGrainFactory grains) => Shared.GetValue(grains, _ => new RunBalancer());

    /// <summary>The runs in flight on each of <paramref name="active"/>, for <see cref="RunPlacement.LoadKey"/>.</summary>
    public string Loads(IEnumerable<SiloAddress> active)
    {
        lock (_lock) return RunPlacement.FormatLoads(active.Select(s => s.ToString()).Select(s => KeyValuePair.Create(s, _runs.GetValueOrDefault(s))));
    }

    /// <summary>A run now lives on <paramref name="silo"/> (its <see cref="RunInfo.Silo"/>), no longer on <paramref name="before"/>.</summary>
    public void Moved(string? before, string? silo)
    {
        if (before == silo) return;
        lock (_lock)
        {
            if (before is not null && _runs.TryGetValue(before, out var n)) _runs[before] = n - 1;
            if (silo is not null) _runs[silo] = _runs.GetValueOrDefault(silo) + 1;
        }
    }
}
