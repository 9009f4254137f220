using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Spectre.Console;
using SupplySim.Cli.Rendering;
using SupplySim.Grains;
using SupplySim.Hosting;

namespace SupplySim.Cli.Commands;

/// <summary>
/// `supplysim silo --redis HOST:PORT --cluster-id ID [--advertise ADDRESS] [--port N] [--gateway-port N]`:
/// a worker silo of a Redis-membership cluster. Binds 127.0.0.1 unless --advertise names another address;
/// prints one line when it has joined, and runs until Ctrl+C or SIGTERM.
/// </summary>
public static class SiloCommand
{
    public const int DefaultPort = 11111, DefaultGatewayPort = 30000;

    public static Command Create(IAnsiConsole console)
    {
        var flags = new RedisClusterFlags(silo: true);
        var advertise = new Option<string?>("--advertise")
        {
            Description = "IP address this silo listens on and tells the cluster to reach it at (default 127.0.0.1: this machine only). Give the machine's LAN address to cluster several machines.",
            HelpName = "ADDRESS",
        };
        var port = new Option<int>("--port") { Description = "Silo-to-silo port; each silo on a machine needs its own.", HelpName = "N", DefaultValueFactory = _ => DefaultPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients (run/compare/sweep --redis) connect to; each silo on a machine needs its own.", HelpName = "N", DefaultValueFactory = _ => DefaultGatewayPort };
        var splitAbove = new Option<long>("--split-above")
        {
            Description = "Split a run over several silos only when it has more agents than this (one part per this many agents, at most one per silo); smaller runs live whole on one silo. Give every silo of a cluster the same value.",
            HelpName = "AGENTS",
            DefaultValueFactory = _ => RunSplitting.Default.AgentsPerSilo,
        };
        var cmd = new Command("silo", "Start a worker silo of a cluster whose membership is in Redis; `run`, `compare` and `sweep` with --redis submit to it. Runs until Ctrl+C.");
        flags.AddTo(cmd);
        cmd.Options.Add(advertise);
        cmd.Options.Add(port);
        cmd.Options.Add(gatewayPort);
        cmd.Options.Add(splitAbove);
        var telemetryOptions = new TelemetryOptions();
        telemetryOptions.AddTo(cmd);
        cmd.SetAction(async (parse, cancellation) =>
        {
            var settings = flags.Read(parse)!;
            var address = IPAddress.Loopback;
            if (parse.GetValue(advertise) is { } text && !IPAddress.TryParse(text, out address!))
                throw new UserInputException($"--advertise must be an IP address of this machine, e.g. 192.168.1.20, got '{text}'");
            var (siloPort, gwPort) = (parse.GetValue(port), parse.GetValue(gatewayPort));
            foreach (var (p, name) in new[] { (siloPort, "--port"), (gwPort, "--gateway-port") })
                if (p is < 1 or > 65535) throw new UserInputException($"{name} must be a port from 1 to 65535, got {p}");
            if (parse.GetValue(splitAbove) < 1) throw new UserInputException($"--split-above must be a number of agents of at least 1, got {parse.GetValue(splitAbove)}");
            if (siloPort == gwPort) throw new UserInputException($"--port and --gateway-port are both {siloPort}; give them different ports");
            EnsureFree(address, siloPort, "--port");
            EnsureFree(address, gwPort, "--gateway-port");
            var telemetry = telemetryOptions.Read(parse);
            await RedisProbe.CheckAsync(settings, requireMembers: false);

            using var silo = await ClusterSilo.StartAsync(settings, address, siloPort, gwPort, telemetry, cancellation, new RunSplitting(parse.GetValue(splitAbove)));
            console.Profile.Out.Writer.WriteLine(
                $"silo ready: cluster {settings.ClusterId}, silo {address}:{siloPort}, gateway {address}:{gwPort}, membership in Redis at {settings.Endpoint} (Ctrl+C stops it)");
            console.Profile.Out.Writer.Flush();
            TelemetryAnnouncer.Announce(console, telemetry);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException) { }
            await silo.StopAsync();
            console.Profile.Out.Writer.WriteLine("silo stopped");
            return SupplySimCommand.Ok;
        });
        return cmd;
    }

    private static void EnsureFree(IPAddress address, int port, string flag)
    {
        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            listener.Stop();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new UserInputException($"{flag} {port}: port {port} is in use on {address}; choose another port or stop what listens there");
        }
        catch (SocketException e)
        {
            throw new UserInputException($"{flag} {port}: cannot listen on {address} port {port} ({e.Message}); --advertise must be an address of this machine");
        }
    }
}
