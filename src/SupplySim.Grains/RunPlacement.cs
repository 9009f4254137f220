using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace SupplySim.Grains;

/// <summary>
/// Where a run's coordinator is activated: on the silo its client asked for (<see cref="SiloKey"/> in the request
/// context of Start or Restore: the client spreads its runs by load, docs/cluster.md#placement), else on the next
/// compatible silo in address order. Where a run executes never changes its results (shards fold in index order).
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplySim.RunPlacement")]
public sealed class RunPlacement : PlacementStrategy
{
    /// <summary>The one instance the attribute hands out.</summary>
    public static readonly RunPlacement Instance = new();

    /// <summary>Request-context key of the silo (its <see cref="SiloAddress.ToParsableString"/>) a client wants a run on.</summary>
    public const string SiloKey = "supplysim.silo";
}

/// <summary>Marks a grain class for <see cref="RunPlacement"/>; its silos must register <see cref="RunPlacementDirector"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RunPlacementAttribute() : PlacementAttribute(RunPlacement.Instance);

/// <summary>
/// The director behind <see cref="RunPlacement"/>: the silo the client asked for if it is compatible (alive),
/// else a per-silo round-robin counter over the compatible silos sorted by address. No clock, no random numbers.
/// </summary>
public sealed class RunPlacementDirector : IPlacementDirector
{
    private long _next = -1;

    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = SortedSilos(context, target);
        if (silos.Length == 0) return Task.FromResult(context.LocalSilo);
        if (target.RequestContextData?.TryGetValue(RunPlacement.SiloKey, out var wanted) == true && wanted is string address
            && Array.Find(silos, s => s.ToParsableString() == address) is { } asked)
            return Task.FromResult(asked);
        var i = (int)((ulong)Interlocked.Increment(ref _next) % (ulong)silos.Length);
        return Task.FromResult(silos[i]);
    }

    /// <summary>The compatible silos in address order, so that every silo sees them in the same order.</summary>
    internal static SiloAddress[] SortedSilos(IPlacementContext context, PlacementTarget target)
        => context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
}
