using System.Net;
using OpenTelemetry.Exporter;

namespace SupplySim.Hosting;

/// <summary>
/// What a process exports and serves for watching a run (docs/observability.md): OTLP metrics and
/// traces, a Prometheus scrape endpoint and console output, the Orleans dashboard, and how long to stay
/// up after the run. Every endpoint binds 127.0.0.1 unless <paramref name="Listen"/> names another address
/// (--metrics-listen, docs/observability.md#scraping-from-another-host). <see cref="None"/> exports nothing and adds
/// no OpenTelemetry, dashboard or grain-call filter to the host.
/// </summary>
public sealed record TelemetrySettings(
    Uri? OtlpEndpoint = null,
    OtlpExportProtocol OtlpProtocol = OtlpExportProtocol.Grpc,
    int? PrometheusPort = null,
    bool Console = false,
    int? DashboardPort = null,
    TimeSpan Linger = default,
    IPAddress? Listen = null)
{
    /// <summary>Nothing exported, nothing served.</summary>
    public static TelemetrySettings None { get; } = new();

    /// <summary>Path of the Prometheus scrape endpoint.</summary>
    public const string ScrapePath = "/metrics";

    /// <summary>
    /// Metrics go to OTLP or Prometheus: the SupplySim, Orleans and .NET runtime meters. (The console's
    /// quick look has its own, narrower providers: ConsoleTelemetryExporter.)
    /// </summary>
    public bool ExportsMetrics => OtlpEndpoint is not null || PrometheusPort is not null;

    /// <summary>Traces go to OTLP: SupplySim's spans and Orleans' grain-call spans, propagated across grain calls.</summary>
    public bool ExportsTraces => OtlpEndpoint is not null;

    /// <summary>The Orleans dashboard is served.</summary>
    public bool ServesDashboard => DashboardPort is not null;

    /// <summary>The address the scrape endpoint and the dashboard listen on: 127.0.0.1 unless --metrics-listen says otherwise.</summary>
    public IPAddress ListenAddress => Listen ?? IPAddress.Loopback;

    /// <summary>The Prometheus scrape URL, when one is served.</summary>
    public string? ScrapeUrl => PrometheusPort is { } p ? $"http://{new IPEndPoint(ListenAddress, p)}{ScrapePath}" : null;

    /// <summary>The dashboard URL, when it is served.</summary>
    public string? DashboardUrl => DashboardPort is { } p ? $"http://{new IPEndPoint(ListenAddress, p)}/" : null;

    /// <summary>One line per endpoint or exporter in use, for the console; empty when nothing is.</summary>
    public IEnumerable<string> Describe()
    {
        if (ScrapeUrl is { } scrape) yield return $"prometheus: {scrape}";
        if (DashboardUrl is { } dashboard) yield return $"dashboard:  {dashboard}";
        if (OtlpEndpoint is { } otlp) yield return $"otlp:       {otlp} ({(OtlpProtocol == OtlpExportProtocol.Grpc ? "grpc" : "http/protobuf")})";
        if (Console) yield return "console:    SupplySim metrics every 10 s and tick spans";
    }
}
