using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SupplySim.Testing;

namespace SupplySim.Cli.Tests;

/// <summary>The files of a redis-server that speaks only TLS: its certificate and key (PEM), and the CA that signed them.</summary>
public sealed record RedisTlsFiles(string Certificate, string Key, string Ca);

/// <summary>A private redis-server on a free 127.0.0.1 port, without persistence; killed on dispose.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    private RedisServer(Process process, int port) => (_process, Port) = (process, port);

    /// <param name="password">When given, the server requires it (requirepass).</param>
    /// <param name="onPort">The port to listen on (e.g. to restart a server that was stopped); default: a free one.</param>
    /// <param name="tls">When given, the server speaks only TLS on the port (--port 0 --tls-port), with this certificate, and does not ask clients for one.</param>
    /// <param name="dataDir">When given, the server keeps its data there, every write synced (appendonly), so it survives a kill -9 and restart.</param>
    public static async Task<RedisServer> StartAsync(string? password = null, int? onPort = null, RedisTlsFiles? tls = null, string? dataDir = null)
    {
        var port = onPort ?? FreePort();
        var psi = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        var listen = tls is null
            ? new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : ["--port", "0", "--tls-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tls-cert-file", tls.Certificate, "--tls-key-file", tls.Key,
               "--tls-ca-cert-file", tls.Ca, "--tls-auth-clients", "no"];
        string[] persistence = dataDir is null ? ["--appendonly", "no"] : ["--dir", dataDir, "--appendonly", "yes", "--appendfsync", "always"];
        foreach (var a in listen.Concat(["--bind", "127.0.0.1", "--save", ""]).Concat(persistence))
            psi.ArgumentList.Add(a);
        if (password is not null)
        {
            psi.ArgumentList.Add("--requirepass");
            psi.ArgumentList.Add(password);
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException("redis-server did not start (test.sh installs it)");
        var server = new RedisServer(process, port);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A port nothing listens on right now, on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the server (again: nothing happens).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private int _disposed;
}

/// <summary>A `supplysim silo` process on free 127.0.0.1 ports; started when it says it is ready, killed on dispose.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    public int Port { get; }

    /// <summary>The "silo ready: ..." line the silo printed when it had joined.</summary>
    public string ReadyLine { get; private set; } = "";

    private SiloProcess(Process process, int port) => (_process, Port) = (process, port);

    /// <param name="redis">HOST:PORT of the cluster's Redis.</param>
    /// <param name="clusterId">The cluster to join.</param>
    /// <param name="extra">More flags for `supplysim silo` (e.g. --redis-password).</param>
    public static Task<SiloProcess> StartAsync(string redis, string clusterId, params string[] extra)
        => StartAsync(redis, clusterId, entryExpiry: true, extra);

    /// <summary>
    /// Starts a silo; with <paramref name="entryExpiry"/>, its membership entry expires 60 s after its last update (short
    /// tests; the membership table itself may then expire under a cluster that lives longer).
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string redis, string clusterId, bool entryExpiry, params string[] extra)
    {
        var port = RedisServer.FreePort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        string[] expiry = entryExpiry ? ["--redis-entry-expiry", "60"] : [];
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "supplysim.dll"), "silo", "--redis", redis, "--cluster-id", clusterId,
                     "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--gateway-port", RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(expiry).Concat(extra))
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        var silo = new SiloProcess(process, port);
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"silo exited before it was ready: {await stderr}");
                if (!line.StartsWith("silo ready:", StringComparison.Ordinal)) continue;
                silo.ReadyLine = line;
                break;
            }
            _ = process.StandardOutput.ReadToEndAsync();
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the silo at once (no leave): its membership entry stays "Active" in Redis. Again: nothing happens.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private int _disposed;
}
