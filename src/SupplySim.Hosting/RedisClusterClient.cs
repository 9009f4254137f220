using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using SupplySim.Grains;

namespace SupplySim.Hosting;

/// <summary>
/// An Orleans client of a cluster of `supplysim silo` processes whose membership is in Redis. Connecting
/// either succeeds or fails with one line (<see cref="UserInputException"/>) within <see cref="ConnectBudget"/>:
/// Redis unreachable, no silo in the cluster (or a wrong --cluster-id), or no gateway answering. A cluster whose
/// gateway does answer but slowly (a freshly started silo and client on a loaded machine: both are still compiling
/// their code, and the client's first fetch of the cluster's manifest can take seconds) gets up to
/// <see cref="StartBudget"/>: the 12 s budget holds only while connections fail.
/// </summary>
public sealed class RedisClusterClient : IClusterConnection
{
    /// <summary>How long connecting may take before it is reported as failed.</summary>
    public static readonly TimeSpan ConnectBudget = TimeSpan.FromSeconds(12);

    /// <summary>How long connecting may take while no connection attempt failed for want of a listening gateway.</summary>
    public static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(60);

    /// <summary>How long the client waits for the answer to a call before it fails with a TimeoutException (a rollback).</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(30);

    private readonly IHost _host;

    private RedisClusterClient(IHost host) => _host = host;

    /// <inheritdoc />
    public IGrainFactory Grains => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Checks Redis and the cluster's membership, then connects to a gateway of the cluster.</summary>
    public static async Task<RedisClusterClient> ConnectAsync(RedisClusterSettings settings, TelemetrySettings telemetry, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        await RedisProbe.CheckAsync(settings, requireMembers: true);
        var deadline = StartBudget - clock.Elapsed;
        var builder = TelemetryHosting.CreateHostBuilder(telemetry);
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = settings.Redis(abortOnConnectFail: false));
            client.Configure<ClusterOptions>(o => { o.ServiceId = SupplySimSilo.ServiceId; o.ClusterId = settings.ClusterId; });
            // A run watches the cluster's silos while a call is outstanding (RunRecoveryPolicy), so this only bounds a call
            // lost while every silo lives; the longest call, starting a 10-million-person run, takes a few seconds.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
            // Every silo of the cluster is a gateway; the client moves to another when the one it uses dies.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
            // A refused connection (nobody listens: the silo is dead) or an empty gateway list fails within ConnectBudget;
            // a gateway that accepted but answered slowly is retried until StartBudget.
            client.UseConnectionRetryFilter(async (failure, token) =>
            {
                var budget = IsSlowAnswer(failure) ? StartBudget : ConnectBudget;
                if (clock.Elapsed + TimeSpan.FromSeconds(1) >= budget) return false;
                await Task.Delay(TimeSpan.FromMilliseconds(500), token);
                return true;
            });
            client.AddTelemetry(telemetry);
        });
        var host = TelemetryHosting.Build(builder);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(deadline > TimeSpan.Zero ? deadline : TimeSpan.FromSeconds(1));
        try
        {
            await host.StartAsync(timeout.Token);
            var hosts = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0)
                .GetHosts(onlyActive: true).WaitAsync(timeout.Token);
            if (hosts.Count == 0) throw new InvalidOperationException("the cluster lists no active silo");
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested && e is not UserInputException)
        {
            await StopQuietly(host);
            var why = e is OperationCanceledException ? $"no answer in {clock.Elapsed.TotalSeconds:F0} s" : RedisProbe.FirstLine(e.Message);
            throw new UserInputException(
                $"cannot connect to cluster '{settings.ClusterId}' (membership in Redis at {settings.Endpoint}): no silo answered ({why}); are its silos running?");
        }
        catch
        {
            await StopQuietly(host);
            throw;
        }
        return new RedisClusterClient(host);
    }

    /// <summary>Whether a failed connection attempt reached a listening gateway that did not answer in time (not a refusal).</summary>
    private static bool IsSlowAnswer(Exception failure)
    {
        var slow = false;
        for (Exception? x = failure; x is not null; x = x.InnerException)
        {
            if (x is System.Net.Sockets.SocketException or SiloUnavailableException) return false;
            slow |= x is TimeoutException or OperationCanceledException;
        }
        return slow;
    }

    private static async Task StopQuietly(IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try { await host.StopAsync(timeout.Token); }
        catch (Exception) { }
        host.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _host.StopAsync(timeout.Token); }
        catch (OperationCanceledException) { }
        _host.Dispose();
    }
}
