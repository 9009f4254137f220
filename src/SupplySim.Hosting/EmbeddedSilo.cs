using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using SupplySim.Grains;

namespace SupplySim.Hosting;

/// <summary>
/// The embedded default: one silo in this process, localhost clustering bound to
/// 127.0.0.1 on free ports, and the co-hosted client, so `supplysim run` needs nothing installed.
/// </summary>
public sealed class EmbeddedSilo : IClusterConnection
{
    private readonly IHost _host;

    private EmbeddedSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static Task<EmbeddedSilo> StartAsync(CancellationToken cancellation) => StartAsync(TelemetrySettings.None, cancellation);

    /// <summary>Starts the silo with the telemetry and dashboard of <paramref name="telemetry"/> (TelemetryHosting).</summary>
    public static async Task<EmbeddedSilo> StartAsync(TelemetrySettings telemetry, CancellationToken cancellation)
    {
        var builder = TelemetryHosting.CreateHostBuilder(telemetry);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreeLoopbackPort(), gatewayPort: FreeLoopbackPort(),
                serviceId: "supplysim", clusterId: "embedded");
            silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
            silo.AddSupplySimGrains();
            silo.AddTelemetry(telemetry);
        });
        var host = TelemetryHosting.Build(builder);
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception e) when (ListenPort.IsAddressInUse(e))
        {
            await StopAfterFailedStart(host);
            var ports = string.Join(" or ", new[] { telemetry.PrometheusPort, telemetry.DashboardPort }.OfType<int>());
            throw new UserInputException($"port {ports} is in use on {telemetry.ListenAddress} (taken after it was checked): {e.Message.ReplaceLineEndings(" ")}");
        }
        return new EmbeddedSilo(host);
    }

    /// <summary>
    /// Stops what did start (the silo starts before the dashboard's endpoint binds) and disposes the host.
    /// Stopping services that never started may throw; the start's own error is the one worth reporting.
    /// </summary>
    private static async Task StopAfterFailedStart(IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await host.StopAsync(timeout.Token); }
        catch (Exception) { }
        host.Dispose();
    }

    /// <summary>A port that is free on 127.0.0.1 right now (the OS picks it).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _host.StopAsync(timeout.Token); }
        catch (OperationCanceledException) { }
        _host.Dispose();
    }
}
