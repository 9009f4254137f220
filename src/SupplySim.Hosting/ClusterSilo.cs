using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using SupplySim.Grains;
using SupplySim.Grains.Checkpoints;

namespace SupplySim.Hosting;

/// <summary>
/// A worker silo of a Redis-membership cluster (`supplysim silo`): listens where <see cref="SiloEndpoints"/> says,
/// keeps its checkpoints in Redis, and is declared dead quickly when it dies (<see cref="SupplySimSilo.FailureDetection"/>).
/// </summary>
public sealed class ClusterSilo : IDisposable
{
    private readonly IHost _host;

    private ClusterSilo(IHost host) => _host = host;

    /// <summary>
    /// Starts the silo and joins the cluster; throws <see cref="UserInputException"/> (one line) when it cannot join.
    /// <paramref name="splitting"/>: when a run is split over silos (default <see cref="RunSplitting.Default"/>); every silo of a cluster should get the same.
    /// </summary>
    public static async Task<ClusterSilo> StartAsync(RedisClusterSettings settings, SiloEndpoints endpoints, TelemetrySettings telemetry, CancellationToken cancellation,
        RunSplitting? splitting = null)
    {
        var builder = TelemetryHosting.CreateHostBuilder(telemetry);
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(o =>
            {
                o.ConfigurationOptions = settings.Redis(abortOnConnectFail: false);
                if (settings.EntryExpiry is { } expiry) o.EntryExpiry = expiry;
            });
            silo.Configure<ClusterOptions>(o => { o.ServiceId = SupplySimSilo.ServiceId; o.ClusterId = settings.ClusterId; });
            endpoints.ConfigureOn(silo);
            silo.Configure<ClusterMembershipOptions>(SupplySimSilo.FailureDetection);
            // Calls to a silo that died fail when membership declares it dead (seconds); this bounds a call nobody answers,
            // which would otherwise hold its coordinator (not reentrant) and make the client's restore wait behind it.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(20));
            silo.Services.AddSingleton<ICheckpointStore>(_ => new RedisCheckpointStore(settings));
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
            silo.AddSupplySimGrains(splitting);
            silo.AddTelemetry(telemetry);
        });
        var host = TelemetryHosting.Build(builder);
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await host.StopAsync(stopTimeout.Token); } catch (Exception) { }
            host.Dispose();
            throw new UserInputException($"the silo could not join cluster '{settings.ClusterId}' (Redis at {settings.Endpoint}): {RedisProbe.FirstLine(e.Message)}");
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new ClusterSilo(host);
    }

    /// <summary>Leaves the cluster, waiting at most 20 s for the silo's grains to deactivate.</summary>
    public async Task StopAsync()
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try { await _host.StopAsync(stopTimeout.Token); } catch (OperationCanceledException) { }
    }

    public void Dispose() => _host.Dispose();
}
