using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace SupplySim.Grains;

/// <summary>
/// Where a shard is activated: with its run's coordinator, so a tick's Step, Deliver and report calls stay inside
/// one silo; or, for a run split over silos (<see cref="RunSplitting"/>), on the silo of its part. The coordinator
/// activates its shards (Init) and names each one's part in the request context (<see cref="PartKey"/>): part p goes to
/// the p-th compatible silo after the coordinator's own, in address order (docs/cluster.md#placement).
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplySim.ShardPlacement")]
public sealed class ShardPlacement : PlacementStrategy
{
    /// <summary>The one instance the attribute hands out.</summary>
    public static readonly ShardPlacement Instance = new();

    /// <summary>Request-context key of a shard's part (an int, 0: the coordinator's silo) when its run is split.</summary>
    public const string PartKey = "supplysim.part";
}

/// <summary>Marks a grain class for <see cref="ShardPlacement"/>; its silos must register <see cref="ShardPlacementDirector"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ShardPlacementAttribute() : PlacementAttribute(ShardPlacement.Instance);

/// <summary>
/// The director behind <see cref="ShardPlacement"/>. Orleans places an activation on the silo that sends it its first
/// message, here the coordinator's (Init); a peer's Deliver that activates a shard lost with its silo places it with
/// that peer, which is the coordinator's silo too unless the run is split.
/// </summary>
public sealed class ShardPlacementDirector : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = RunPlacementDirector.SortedSilos(context, target);
        var here = Array.IndexOf(silos, context.LocalSilo);
        if (silos.Length == 0) return Task.FromResult(context.LocalSilo);
        var part = target.RequestContextData?.TryGetValue(ShardPlacement.PartKey, out var p) == true && p is int n ? n : 0;
        return Task.FromResult(silos[(Math.Max(here, 0) + part) % silos.Length]);
    }
}
