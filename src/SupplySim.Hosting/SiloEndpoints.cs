using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;
using SupplySim.Grains;

namespace SupplySim.Hosting;

/// <summary>
/// Where a clustered silo listens and which address it tells the cluster (docs/cluster.md#deploying-on-containers-and-kubernetes):
/// an address of this machine (--advertise, 127.0.0.1 by default), or, in a Kubernetes pod (<see cref="Pod"/> given),
/// the pod's IP, listening on every address, with Orleans' Kubernetes hosting naming the silo after the pod and
/// declaring dead the silos whose pods are gone.
/// </summary>
public sealed record SiloEndpoints(IPAddress Address, int SiloPort, int GatewayPort, KubernetesPod? Pod = null)
{
    /// <summary>The address the silo's sockets bind: every address in a pod (its IP may be on any interface), else <see cref="Address"/>.</summary>
    public IPAddress ListenAddress => Pod is null ? Address : IPAddress.Any;

    /// <summary>Sets the silo's endpoints, and on Kubernetes adds the hosting that watches the cluster's pods.</summary>
    internal void ConfigureOn(ISiloBuilder silo)
    {
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = Address;
            o.SiloPort = SiloPort;
            o.GatewayPort = GatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(ListenAddress, SiloPort);
            o.GatewayListeningEndpoint = new IPEndPoint(ListenAddress, GatewayPort);
        });
        // A silo declared dead has stopped itself; deleting its pod lets the Deployment start a fresh one (RBAC: pods delete).
        if (Pod is not null) silo.UseKubernetesHosting(o => o.Configure(k => k.DeleteDefunctSiloPods = true));
    }

    /// <summary>
    /// The address --advertise names: an IP literal as given, or a host name resolved once, now (IPv4 preferred, as
    /// silos and clients dial it). Throws <see cref="UserInputException"/> when the name does not resolve.
    /// </summary>
    public static IPAddress Resolve(string text, string flag)
    {
        if (IPAddress.TryParse(text, out var literal)) return literal;
        if (Uri.CheckHostName(text) != UriHostNameType.Dns)
            throw new UserInputException($"{flag} must be an IP address or a host name of this machine, e.g. 192.168.1.20 or silo1.lan, got '{text}'");
        IPAddress[] found;
        try
        {
            found = Dns.GetHostAddresses(text);
        }
        catch (SocketException e)
        {
            throw new UserInputException($"{flag} {text}: the host name does not resolve ({e.Message}); give an IP address of this machine or a name DNS or /etc/hosts knows");
        }
        return found.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? found.FirstOrDefault()
            ?? throw new UserInputException($"{flag} {text}: the host name resolves to no address; give an IP address of this machine");
    }
}

/// <summary>
/// The Kubernetes pod a silo runs in, as the downward API tells it through environment variables (deploy/k8s/silo.yaml),
/// and the cluster identity Orleans' Kubernetes hosting reads from its own variables, which must agree with --cluster-id.
/// </summary>
public sealed record KubernetesPod(string Name, string Namespace, IPAddress Ip)
{
    /// <summary>The variables Orleans' Kubernetes hosting reads for the pod (names from <see cref="KubernetesHostingOptions"/>).</summary>
    public static readonly string[] Variables =
        [KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesHostingOptions.PodNamespaceEnvironmentVariable, KubernetesHostingOptions.PodIPEnvironmentVariable];

    /// <summary>Set by Kubernetes in every pod; the in-cluster API client needs it.</summary>
    public const string ApiHostVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>
    /// Reads the pod from <paramref name="environment"/> (the process's, in production); throws <see cref="UserInputException"/> (one
    /// line) when a variable is missing or disagrees with the cluster the silo was told to join.
    /// </summary>
    public static KubernetesPod FromEnvironment(Func<string, string?> environment, string clusterId, string serviceId)
    {
        var missing = Variables.Append(ApiHostVariable).Where(v => string.IsNullOrWhiteSpace(environment(v))).ToList();
        if (missing.Count > 0)
            throw new UserInputException($"--kubernetes: {string.Join(", ", missing)} not set; run the silo in a Kubernetes pod with them from the downward API (see deploy/k8s/silo.yaml), or drop --kubernetes");
        var ipText = environment(KubernetesHostingOptions.PodIPEnvironmentVariable)!;
        if (!IPAddress.TryParse(ipText, out var ip))
            throw new UserInputException($"--kubernetes: {KubernetesHostingOptions.PodIPEnvironmentVariable} must be the pod's IP address (fieldRef status.podIP), got '{ipText}'");
        foreach (var (variable, expected, flag) in new[]
                 {
                     (KubernetesHostingOptions.ClusterIdEnvironmentVariable, clusterId, "--cluster-id"),
                     (KubernetesHostingOptions.ServiceIdEnvironmentVariable, serviceId, "the service id"),
                 })
            if (environment(variable) is { Length: > 0 } value && value != expected)
                throw new UserInputException($"--kubernetes: {variable} is '{value}' but {flag} is '{expected}'; they must agree (the pod label orleans/clusterId names the cluster)");
        return new KubernetesPod(environment(Variables[0])!, environment(Variables[1])!, ip);
    }
}
