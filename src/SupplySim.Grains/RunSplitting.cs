using SupplySim.Model.World;

namespace SupplySim.Grains;

/// <summary>
/// When a run is split over silos, and how (docs/cluster.md#placement). A run of at most <see cref="AgentsPerSilo"/>
/// agents lives whole on one silo: its ticks never cross the network. A bigger one is split into
/// ceil(agents / AgentsPerSilo) parts, at most one per active silo. The firm shards (suppliers, brokers, labs,
/// launderers, agencies) trade with each other every tick and stay together in part 0 with the coordinator; user
/// populations trade only with firms, never with each other, so they are dealt out, largest first, to the part with
/// the fewest agents. Only lab shipments and their payments then cross silos.
/// </summary>
public sealed record RunSplitting(long AgentsPerSilo)
{
    /// <summary>The default: the 10-million-person national run splits, the 1-million-agent baseline does not (measured in docs/performance.md#cluster-scaling).</summary>
    public static readonly RunSplitting Default = new(3_000_000);

    /// <summary>How many silos a run of <paramref name="agents"/> agents is split over on a cluster of <paramref name="silos"/> active silos.</summary>
    public int Parts(long agents, int silos)
        => agents <= AgentsPerSilo ? 1 : (int)Math.Clamp((agents + AgentsPerSilo - 1) / AgentsPerSilo, 1, Math.Max(1, silos));

    /// <summary>The part (0 to <paramref name="parts"/> - 1) of each shard, by shard index.</summary>
    public static int[] Assign(Layout layout, int parts)
    {
        var part = new int[layout.Shards.Length];
        if (parts <= 1) return part;
        var load = new long[parts];
        load[0] = layout.Shards.Where(s => s.Kind != ActorKind.UserPopulation).Sum(s => (long)s.Count);
        foreach (var s in layout.MarketShards.OrderByDescending(s => s.Count).ThenBy(s => s.Index))
        {
            var lightest = Array.IndexOf(load, load.Min());
            part[s.Index] = lightest;
            load[lightest] += s.Count;
        }
        return part;
    }
}
