using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace SupplySim.Grains;

/// <summary>
/// Where a run's coordinator is activated: on the silo that received the call (the client's gateway for this run, so its
/// ticks are not forwarded to another silo) unless another silo has fewer of the client's runs, by the loads the client
/// sends in the request context of Start and Restore (<see cref="LoadKey"/>); without them, on the next compatible silo
/// in address order (docs/cluster.md#placement). Where a run executes never changes its results.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplySim.RunPlacement")]
public sealed class RunPlacement : PlacementStrategy
{
    /// <summary>The one instance the attribute hands out.</summary>
    public static readonly RunPlacement Instance = new();

    /// <summary>Request-context key of the client's runs in flight per silo: "SILO=N;SILO=N", SILO as <see cref="SiloAddress.ToString"/>.</summary>
    public const string LoadKey = "supplysim.loads";

    /// <summary>Writes loads for <see cref="LoadKey"/>.</summary>
    public static string FormatLoads(IEnumerable<KeyValuePair<string, int>> loads) => string.Join(";", loads.Select(l => $"{l.Key}={l.Value}"));

    /// <summary>Reads loads written by <see cref="FormatLoads"/>.</summary>
    public static Dictionary<string, int> ParseLoads(string text)
        => text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('='))
            .Where(p => p.Length == 2 && int.TryParse(p[1], System.Globalization.CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Marks a grain class for <see cref="RunPlacement"/>; its silos must register <see cref="RunPlacementDirector"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RunPlacementAttribute() : PlacementAttribute(RunPlacement.Instance);

/// <summary>
/// The director behind <see cref="RunPlacement"/>: with the client's loads, this silo if it has no more runs than the
/// least loaded compatible silo, else that silo (the first in address order on a tie); without them, a per-silo
/// round-robin counter over the compatible silos sorted by address. No clock, no random numbers.
/// </summary>
public sealed class RunPlacementDirector : IPlacementDirector
{
    private long _next = -1;

    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = SortedSilos(context, target);
        if (silos.Length == 0) return Task.FromResult(context.LocalSilo);
        if (target.RequestContextData?.TryGetValue(RunPlacement.LoadKey, out var hint) == true && hint is string text)
        {
            var loads = RunPlacement.ParseLoads(text);
            int Load(SiloAddress s) => loads.GetValueOrDefault(s.ToString());
            var least = silos.MinBy(Load)!;
            return Task.FromResult(Array.IndexOf(silos, context.LocalSilo) >= 0 && Load(context.LocalSilo) <= Load(least) ? context.LocalSilo : least);
        }
        var i = (int)((ulong)Interlocked.Increment(ref _next) % (ulong)silos.Length);
        return Task.FromResult(silos[i]);
    }

    /// <summary>The compatible silos in address order, so that every silo sees them in the same order.</summary>
    internal static SiloAddress[] SortedSilos(IPlacementContext context, PlacementTarget target)
        => context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
}
