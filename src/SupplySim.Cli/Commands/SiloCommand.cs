using System.CommandLine;
using System.Net;
using Spectre.Console;
using SupplySim.Cli.Rendering;
using SupplySim.Grains;
using SupplySim.Hosting;

namespace SupplySim.Cli.Commands;

/// <summary>
/// `supplysim silo --redis HOST:PORT --cluster-id ID [--advertise ADDRESS|--kubernetes] [--port N] [--gateway-port N]`:
/// a worker silo of a Redis-membership cluster. Binds 127.0.0.1 unless --advertise names another address (or host name),
/// or, with --kubernetes, every address with the pod's IP advertised; prints one line when it has joined, and runs until
/// Ctrl+C or SIGTERM.
/// </summary>
public static class SiloCommand
{
    public const int DefaultPort = 11111, DefaultGatewayPort = 30000;

    public static Command Create(IAnsiConsole console)
    {
        var flags = new RedisClusterFlags(silo: true);
        var advertise = new Option<string?>("--advertise")
        {
            Description = "IP address or host name (resolved once, at start) this silo listens on and tells the cluster to reach it at (default 127.0.0.1: this machine only). Give the machine's LAN address or name to cluster several machines.",
            HelpName = "ADDRESS",
        };
        var kubernetes = new Option<bool>("--kubernetes")
        {
            Description = "Run in a Kubernetes pod: advertise the pod's IP (POD_IP), name the silo after the pod (POD_NAME) and declare dead the silos whose pods are gone (needs RBAC on pods; see deploy/k8s).",
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
        cmd.Options.Add(kubernetes);
        cmd.Options.Add(port);
        cmd.Options.Add(gatewayPort);
        cmd.Options.Add(splitAbove);
        var telemetryOptions = new TelemetryOptions();
        telemetryOptions.AddTo(cmd);
        cmd.SetAction(async (parse, cancellation) =>
        {
            var settings = flags.Read(parse)!;
            var (siloPort, gwPort) = (parse.GetValue(port), parse.GetValue(gatewayPort));
            foreach (var (p, name) in new[] { (siloPort, "--port"), (gwPort, "--gateway-port") })
                if (p is < 1 or > 65535) throw new UserInputException($"{name} must be a port from 1 to 65535, got {p}");
            if (parse.GetValue(splitAbove) < 1) throw new UserInputException($"--split-above must be a number of agents of at least 1, got {parse.GetValue(splitAbove)}");
            if (siloPort == gwPort) throw new UserInputException($"--port and --gateway-port are both {siloPort}; give them different ports");
            var endpoints = Endpoints(parse.GetValue(advertise), parse.GetValue(kubernetes), settings.ClusterId, siloPort, gwPort);
            const string notHere = "--advertise must be an address of this machine";
            ListenPort.EnsureFree(endpoints.ListenAddress, siloPort, "--port", notHere);
            ListenPort.EnsureFree(endpoints.ListenAddress, gwPort, "--gateway-port", notHere);
            var telemetry = telemetryOptions.Read(parse);
            await RedisProbe.CheckAsync(settings, requireMembers: false);

            using var silo = await ClusterSilo.StartAsync(settings, endpoints, telemetry, cancellation, new RunSplitting(parse.GetValue(splitAbove)));
            var where = endpoints.Pod is { } pod ? $" in pod {pod.Namespace}/{pod.Name}" : "";
            console.Profile.Out.Writer.WriteLine(
                $"silo ready: cluster {settings.ClusterId}, silo {endpoints.Address}:{siloPort}, gateway {endpoints.Address}:{gwPort}{where}, membership in Redis at {settings.Endpoint} (Ctrl+C stops it)");
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

    /// <summary>Where the silo listens: the pod's IP with --kubernetes, else the address --advertise names (127.0.0.1 by default).</summary>
    private static SiloEndpoints Endpoints(string? advertise, bool kubernetes, string clusterId, int siloPort, int gatewayPort)
    {
        if (!kubernetes)
            return new SiloEndpoints(advertise is null ? IPAddress.Loopback : SiloEndpoints.Resolve(advertise, "--advertise"), siloPort, gatewayPort);
        if (advertise is not null)
            throw new UserInputException("--advertise and --kubernetes: give only one (on Kubernetes the silo advertises its pod's IP, POD_IP)");
        var pod = KubernetesPod.FromEnvironment(Environment.GetEnvironmentVariable, clusterId, SupplySimSilo.ServiceId);
        return new SiloEndpoints(pod.Ip, siloPort, gatewayPort, pod);
    }
}
