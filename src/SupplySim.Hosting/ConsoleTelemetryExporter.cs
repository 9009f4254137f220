using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SupplySim.Grains.Telemetry;

namespace SupplySim.Hosting;

/// <summary>
/// `--console-telemetry`, a quick look on standard output: the SupplySim meter every 10 s (and once
/// more when the host stops) and one span per tick. Orleans' meters and spans and the shard-step spans
/// are left to OTLP: on the console they would be thousands of blocks per run. Its own providers, so
/// it never widens what the OTLP and Prometheus exporters see.
/// </summary>
internal sealed class ConsoleTelemetryExporter(ResourceBuilder resource) : IHostedService, IDisposable
{
    private const int MetricIntervalMs = 10_000;
    private MeterProvider? _meters;
    private TracerProvider? _traces;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _meters = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(SimulationTelemetry.Name)
            .AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = MetricIntervalMs)
            .Build();
        _traces = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(SimulationTelemetry.Name)
            .AddProcessor(new TickSpansOnly(new SimpleActivityExportProcessor(new ConsoleActivityExporter(new ConsoleExporterOptions()))))
            .Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Flushes (a last metrics export) and detaches the listeners.</summary>
    public void Dispose()
    {
        _traces?.Dispose();
        _meters?.Dispose();
        _traces = null;
        _meters = null;
    }

    /// <summary>Passes on only the tick spans.</summary>
    private sealed class TickSpansOnly(BaseProcessor<Activity> inner) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.OperationName == SimulationTelemetry.TickSpan) inner.OnEnd(data);
        }

        protected override bool OnForceFlush(int timeoutMilliseconds) => inner.ForceFlush(timeoutMilliseconds);

        protected override bool OnShutdown(int timeoutMilliseconds) => inner.Shutdown(timeoutMilliseconds);

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
