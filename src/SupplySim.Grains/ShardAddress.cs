using SupplySim.Model.World;

namespace SupplySim.Grains;

/// <summary>Finds the grain of a shard: its kind picks the grain type, "{run}/{index}" is the key.</summary>
public static class ShardAddress
{
    public static string Key(string runId, int index) => $"{runId}/{index}";

    public static IShardGrain Get(IGrainFactory factory, string runId, ShardInfo shard)
    {
        var key = Key(runId, shard.Index);
        return shard.Kind switch
        {
            ActorKind.PrecursorSupplier => factory.GetGrain<IPrecursorSupplierShardGrain>(key),
            ActorKind.Broker => factory.GetGrain<IBrokerShardGrain>(key),
            ActorKind.CartelLab => factory.GetGrain<ICartelLabShardGrain>(key),
            ActorKind.MoneyLaunderer => factory.GetGrain<IMoneyLaundererShardGrain>(key),
            ActorKind.EnforcementAgency => factory.GetGrain<IEnforcementAgencyShardGrain>(key),
            _ => factory.GetGrain<IUserPopulationShardGrain>(key),
        };
    }
}
