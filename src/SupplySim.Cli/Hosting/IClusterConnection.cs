using Orleans.Hosting;
using SupplySim.Grains;

namespace SupplySim.Cli.Hosting;

/// <summary>
/// Where an experiment's grains live: the <see cref="EmbeddedSilo"/> in this process, or a Redis cluster of
/// `supplysim silo` processes reached as a client (<see cref="RedisClusterClient"/>). Disposing disconnects.
/// </summary>
public interface IClusterConnection : IAsyncDisposable
{
    /// <summary>The grain factory runs are started on.</summary>
    IGrainFactory Grains { get; }
}

/// <summary>Silo configuration every SupplySim silo shares, whatever its clustering.</summary>
public static class SupplySimSilo
{
    /// <summary>The Orleans service id of every SupplySim cluster.</summary>
    public const string ServiceId = "supplysim";

    /// <summary>Registers the placement director of <see cref="RoundRobinPlacement"/> (used by RunGrain).</summary>
    public static ISiloBuilder AddSupplySimPlacement(this ISiloBuilder silo)
        => silo.AddPlacementDirector<RoundRobinPlacement, RoundRobinPlacementDirector>();
}
