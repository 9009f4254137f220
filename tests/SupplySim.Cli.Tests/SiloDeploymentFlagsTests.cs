using System.Diagnostics;
using System.Globalization;
using SupplySim.Grains;
using SupplySim.Hosting;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// The silo flags for containers and Kubernetes (docs/cluster.md#deploying-on-containers-and-kubernetes): --metrics-listen
/// for a scraper on another host, --advertise with a host name, and --kubernetes refused outside a pod. "Another host" is
/// 127.0.0.2 here: a socket bound to 127.0.0.1 only is not reachable there, one bound to 0.0.0.0 is.
/// </summary>
[Collection(ClusterCollection.Name)]
public class SiloDeploymentFlagsTests
{
    private static string FreshClusterId() => $"test-{Guid.NewGuid():N}";

    private static string Port() => RedisServer.FreePort().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Given_Metrics_Listen_On_All_Addresses_When_Scraped_At_Another_Local_Address_Then_Metrics_And_Dashboard_Answer()
    {
        await using var redis = await RedisServer.StartAsync();
        var (metrics, dashboard) = (Port(), Port());
        await using var silo = await SiloProcess.StartAsync(redis.Endpoint, FreshClusterId(), "--metrics-listen", $"0.0.0.0:{metrics}", "--dashboard-port", dashboard);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var scrape = await http.GetAsync(new Uri($"http://127.0.0.2:{metrics}/metrics"));
        Assert.Equal(System.Net.HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("orleans_", await scrape.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.2:{dashboard}/"))).StatusCode);
    }

    [Fact]
    public async Task Given_Only_A_Prometheus_Port_When_Scraped_At_Another_Local_Address_Then_Nothing_Listens_There()
    {
        await using var redis = await RedisServer.StartAsync();
        var metrics = Port();
        await using var silo = await SiloProcess.StartAsync(redis.Endpoint, FreshClusterId(), "--prometheus-port", metrics);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{metrics}/metrics"))).StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.2:{metrics}/metrics")));
    }

    [Theory]
    [InlineData("0.0.0.0", "error: --metrics-listen must be ADDRESS:PORT")]
    [InlineData("metrics.lan:9464", "error: --metrics-listen must be ADDRESS:PORT")]
    [InlineData("192.0.2.1:9464", "error: --metrics-listen 9464: cannot listen on 192.0.2.1")]
    public async Task Given_A_Bad_Metrics_Listen_When_A_Silo_Starts_Then_One_Line_And_Exit_Code_2(string value, string start)
    {
        var clock = Stopwatch.StartNew();
        var result = await CliProcess.Run("silo", "--redis", "127.0.0.1:1", "--cluster-id", FreshClusterId(), "--port", Port(), "--gateway-port", Port(), "--metrics-listen", value);
        ClusterTests.AssertOneLineError(result, clock.Elapsed, start);
    }

    [Fact]
    public async Task Given_Advertise_With_A_Host_Name_When_The_Silo_Starts_Then_It_Listens_On_The_Address_The_Name_Resolves_To()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var silo = await SiloProcess.StartAsync(redis.Endpoint, FreshClusterId(), "--advertise", "localhost");
        Assert.Contains($", silo 127.0.0.1:{silo.Port},", silo.ReadyLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_Advertise_With_A_Name_That_Does_Not_Resolve_When_The_Silo_Starts_Then_One_Line_And_Exit_Code_2()
    {
        var clock = Stopwatch.StartNew();
        var result = await CliProcess.Run("silo", "--redis", "127.0.0.1:1", "--cluster-id", FreshClusterId(), "--port", Port(), "--gateway-port", Port(), "--advertise", "no-such-silo.invalid");
        ClusterTests.AssertOneLineError(result, clock.Elapsed, "error: --advertise no-such-silo.invalid: the host name does not resolve");
    }

    [Fact]
    public async Task Given_Kubernetes_Outside_A_Pod_When_The_Silo_Starts_Then_One_Line_Naming_The_Missing_Variables()
    {
        var clock = Stopwatch.StartNew();
        var result = await CliProcess.Run("silo", "--redis", "127.0.0.1:1", "--cluster-id", FreshClusterId(), "--port", Port(), "--gateway-port", Port(), "--kubernetes");
        ClusterTests.AssertOneLineError(result, clock.Elapsed, "error: --kubernetes: POD_NAME, POD_NAMESPACE, POD_IP, KUBERNETES_SERVICE_HOST not set");
    }

    [Fact]
    public void Given_A_Pod_Whose_Cluster_Label_Differs_From_Cluster_Id_When_Read_Then_It_Is_Refused()
    {
        var env = PodEnvironment(("ORLEANS_CLUSTER_ID", "other"));
        var e = Assert.Throws<UserInputException>(() => KubernetesPod.FromEnvironment(env, "supplysim", SupplySimSilo.ServiceId));
        Assert.StartsWith("--kubernetes: ORLEANS_CLUSTER_ID is 'other' but --cluster-id is 'supplysim'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_The_Downward_Api_Variables_When_Read_Then_The_Pod_Has_Its_Name_Namespace_And_Ip()
    {
        var pod = KubernetesPod.FromEnvironment(PodEnvironment(("ORLEANS_CLUSTER_ID", "supplysim")), "supplysim", SupplySimSilo.ServiceId);
        Assert.Equal(new KubernetesPod("supplysim-silo-7d9f-abcde", "supplysim", System.Net.IPAddress.Parse("10.244.1.7")), pod);
    }

    private static Func<string, string?> PodEnvironment(params (string Name, string Value)[] more)
    {
        var env = new Dictionary<string, string>
        {
            ["POD_NAME"] = "supplysim-silo-7d9f-abcde",
            ["POD_NAMESPACE"] = "supplysim",
            ["POD_IP"] = "10.244.1.7",
            ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1",
            ["ORLEANS_SERVICE_ID"] = SupplySimSilo.ServiceId,
        };
        foreach (var (name, value) in more) env[name] = value;
        return name => env.GetValueOrDefault(name);
    }
}
