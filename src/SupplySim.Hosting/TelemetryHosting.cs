using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using OrleansActivitySources = Orleans.Diagnostics.ActivitySources;
using SupplySim.Grains.Telemetry;

namespace SupplySim.Hosting;

/// <summary>
/// Wires <see cref="TelemetrySettings"/> into a host, the same way for the embedded silo and (later) a
/// cluster's silos and clients: OpenTelemetry with the SupplySim and Orleans meters and activity sources
/// and the exporters asked for, Orleans' activity propagation when traces are exported, and the Orleans
/// dashboard on an ASP.NET Core endpoint bound to 127.0.0.1 (or the --metrics-listen address). With <see cref="TelemetrySettings.None"/>
/// none of it is added, so an unwatched run pays nothing.
/// </summary>
public static class TelemetryHosting
{
    /// <summary>Meters exported: SupplySim's, Orleans' and the .NET runtime's (via AddRuntimeInstrumentation).</summary>
    public static readonly string[] Meters = [SimulationTelemetry.Name, "Microsoft.Orleans"];

    /// <summary>Activity sources exported: SupplySim's spans and Orleans' grain-call and lifecycle spans.</summary>
    public static readonly string[] ActivitySources =
        [SimulationTelemetry.Name, OrleansActivitySources.ApplicationGrainActivitySourceName, OrleansActivitySources.LifecycleActivitySourceName];

    private const int OtlpMetricIntervalMs = 5_000;

    /// <summary>
    /// A host builder that logs errors only and leaves Ctrl+C to the command line: a generic one with no
    /// defaults, or, when the dashboard or the scrape endpoint is served, ASP.NET Core's slim one (content root:
    /// the program's folder) with Kestrel listening on their ports at <see cref="TelemetrySettings.ListenAddress"/> only.
    /// </summary>
    public static IHostApplicationBuilder CreateHostBuilder(TelemetrySettings settings)
    {
        IHostApplicationBuilder builder;
        int[] ports = [.. new[] { settings.DashboardPort, settings.PrometheusPort }.OfType<int>()];
        if (ports.Length > 0)
        {
            var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
            web.WebHost.ConfigureKestrel(k => { foreach (var port in ports) k.Listen(settings.ListenAddress, port); });
            // Ctrl+C belongs to the command line (it cancels the run), not to the web host.
            web.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, CommandLineLifetime>());
            builder = web;
        }
        else
        {
            builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        }
        builder.Properties[typeof(TelemetrySettings)] = settings;
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        DiagnosticLog.AddTo(builder.Logging);
        AddOpenTelemetry(builder.Services, settings);
        return builder;
    }

    /// <summary>
    /// Silo side: activity propagation when traces are exported, dashboard services when served. In a
    /// cluster every silo needs the dashboard's services for the dashboard to see all of it.
    /// </summary>
    public static ISiloBuilder AddTelemetry(this ISiloBuilder silo, TelemetrySettings settings)
    {
        if (settings.ExportsTraces) silo.AddActivityPropagation();
        if (settings.ServesDashboard) silo.AddDashboard();
        return silo;
    }

    /// <summary>
    /// Client side (a separate client process): activity propagation when traces are exported, and the
    /// dashboard's services when this client serves the dashboard (every silo must then have it too).
    /// </summary>
    public static IClientBuilder AddTelemetry(this IClientBuilder client, TelemetrySettings settings)
    {
        if (settings.ExportsTraces) client.AddActivityPropagation();
        if (settings.ServesDashboard) client.AddDashboard();
        return client;
    }

    /// <summary>
    /// Builds the host and serves what <see cref="CreateHostBuilder"/> was asked for: the scrape endpoint at /metrics of
    /// its port (and nothing else there), the dashboard at the root of its own.
    /// </summary>
    public static IHost Build(IHostApplicationBuilder builder)
    {
        switch (builder)
        {
            case WebApplicationBuilder web:
                var settings = (TelemetrySettings)((IHostApplicationBuilder)web).Properties[typeof(TelemetrySettings)];
                var app = web.Build();
                if (settings.PrometheusPort is { } scrape)
                {
                    app.UseOpenTelemetryPrometheusScrapingEndpoint(c => c.Connection.LocalPort == scrape && c.Request.Path == TelemetrySettings.ScrapePath);
                    app.Use((context, next) =>
                    {
                        if (context.Connection.LocalPort != scrape) return next(context);
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return Task.CompletedTask;
                    });
                }
                if (settings.ServesDashboard) app.MapOrleansDashboard();
                return app;
            case HostApplicationBuilder generic:
                return generic.Build();
            default:
                throw new ArgumentException($"unsupported host builder {builder.GetType().Name}", nameof(builder));
        }
    }

    /// <summary>The version telemetry reports: every assembly of the solution carries the one in Directory.Build.props.</summary>
    private static string Version => typeof(TelemetryHosting).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Adds OpenTelemetry with the exporters asked for; adds nothing when none is.</summary>
    public static void AddOpenTelemetry(IServiceCollection services, TelemetrySettings settings)
    {
        var resource = ResourceBuilder.CreateDefault().AddService(
            serviceName: "supplysim", serviceVersion: Version,
            serviceInstanceId: $"{Environment.MachineName}/{Environment.ProcessId}");
        if (settings.Console) services.AddHostedService(_ => new ConsoleTelemetryExporter(resource));
        if (!settings.ExportsMetrics && !settings.ExportsTraces) return;

        var otel = services.AddOpenTelemetry();
        if (settings.ExportsMetrics)
            otel.WithMetrics(m =>
            {
                m.SetResourceBuilder(resource).AddMeter(Meters).AddRuntimeInstrumentation();
                // Served by the web host's Kestrel at /metrics of its port (Build).
                if (settings.PrometheusPort is not null) m.AddPrometheusExporter();
                if (settings.OtlpEndpoint is { } endpoint)
                    m.AddOtlpExporter((o, reader) =>
                    {
                        Otlp(o, settings, endpoint, "v1/metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = OtlpMetricIntervalMs;
                    });
            });
        if (settings.ExportsTraces && settings.OtlpEndpoint is { } traces)
            otel.WithTracing(t => t.SetResourceBuilder(resource).AddSource(ActivitySources).AddOtlpExporter(o => Otlp(o, settings, traces, "v1/traces")));
    }

    /// <summary>
    /// The OTLP endpoint of one signal: gRPC takes the collector's address as given; http/protobuf set
    /// in code takes the full URL, so the signal's path is appended (as the OTLP spec's base-URL rule does).
    /// </summary>
    private static void Otlp(OtlpExporterOptions options, TelemetrySettings settings, Uri endpoint, string signalPath)
    {
        options.Protocol = settings.OtlpProtocol;
        options.Endpoint = settings.OtlpProtocol == OtlpExportProtocol.Grpc
            ? endpoint
            : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
    }

    /// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to System.CommandLine.</summary>
    private sealed class CommandLineLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
