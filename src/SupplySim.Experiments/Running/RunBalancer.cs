using System.Runtime.CompilerServices;
using Orleans.Runtime;

namespace SupplySim.Experiments.Running;

/// <summary>
/// Spreads one client's runs over the cluster's active silos by load (docs/cluster.md#placement): a new run, or one
/// whose silo died, goes to the active silo with the fewest of this client's runs in flight, ties taken in turn.
/// Several clients each spread their own runs evenly, so together they spread evenly too. Shared by every run started
/// through one grain factory (one connection to the cluster).
/// </summary>
public sealed class RunBalancer
{
    private static readonly ConditionalWeakTable<IGrainFactory, RunBalancer> Shared = new();

    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, int> _runs = new();
    private long _turn;

    /// <summary>The balancer of the runs started through <paramref name="grains"/>.</summary>
    public static RunBalancer Of(IGrainFactory grains) => Shared.GetValue(grains, _ => new RunBalancer());

    /// <summary>Picks the silo for one more run among <paramref name="active"/> (not empty) and counts the run there.</summary>
    public SiloAddress Take(IReadOnlyCollection<SiloAddress> active)
    {
        lock (_lock)
        {
            var silos = active.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
            var start = (int)(_turn++ % silos.Length);
            var best = silos[start];
            for (var k = 1; k < silos.Length; k++)
            {
                var s = silos[(start + k) % silos.Length];
                if (Runs(s) < Runs(best)) best = s;
            }
            _runs[best] = Runs(best) + 1;
            return best;
        }
    }

    /// <summary>A run placed by <see cref="Take"/> ended or moved.</summary>
    public void Release(SiloAddress silo)
    {
        lock (_lock)
        {
            if (Runs(silo) <= 1) _runs.Remove(silo);
            else _runs[silo]--;
        }
    }

    private int Runs(SiloAddress silo) => _runs.GetValueOrDefault(silo);
}
