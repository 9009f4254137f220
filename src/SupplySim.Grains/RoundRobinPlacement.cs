using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace SupplySim.Grains;

/// <summary>
/// Places each new activation on the next compatible silo in address order, so the runs of an experiment
/// (replicates, sweep points) spread evenly over a cluster instead of piling up where random placement
/// happens to put them. Where a run executes never changes its results (shards fold in index order).
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplySim.RoundRobinPlacement")]
public sealed class RoundRobinPlacement : PlacementStrategy
{
    /// <summary>The one instance the attribute hands out.</summary>
    public static readonly RoundRobinPlacement Instance = new();
}

/// <summary>Marks a grain class for <see cref="RoundRobinPlacement"/>; its silos must register <see cref="RoundRobinPlacementDirector"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RoundRobinPlacementAttribute() : PlacementAttribute(RoundRobinPlacement.Instance);

/// <summary>
/// The director behind <see cref="RoundRobinPlacement"/>: a per-silo counter over the compatible silos sorted
/// by address. Deterministic given the order of placements; no clock and no random numbers.
/// </summary>
public sealed class RoundRobinPlacementDirector : IPlacementDirector
{
    private long _next = -1;

    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (silos.Length == 0) return Task.FromResult(context.LocalSilo);
        var i = (int)((ulong)Interlocked.Increment(ref _next) % (ulong)silos.Length);
        return Task.FromResult(silos[i]);
    }
}
