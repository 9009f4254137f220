using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Orleans.TestingHost;
using SupplySim.Grains.Telemetry;
using SupplySim.Hosting;
using SupplySim.Model.Time;
using SupplySim.Model.World;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Grains.Tests;

/// <summary>
/// SupplySim's spans and metrics on a two-silo cluster (so grain calls cross silos): one tick span per
/// tick with one shard-step span per shard beneath it, correctly parented and tagged, and the tick's
/// metric values in the outcome gauges. The tests of this class run one after another (one xunit
/// collection); listeners are process-wide, so every assertion filters on this test's own run.
/// </summary>
public class TelemetryTests
{
    private const int Ticks = 3, Replicate = 4;

    private sealed record Run(string RunId, int Shards, RunInfo Info, List<TickResult> Results);

    private static async Task<Run> RunTicks(string runName, bool propagate)
    {
        // Only the silo/client half of the wiring: the OTLP endpoint is never contacted, it only says "traces are exported".
        var settings = propagate ? new TelemetrySettings(OtlpEndpoint: new Uri("http://127.0.0.1:1")) : TelemetrySettings.None;
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddSupplySimGrains().AddTelemetry(settings));
        builder.ConfigureClient(client => client.AddTelemetry(settings));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var scenario = ScenarioLoader.Load(Repo.Scenario("quickstart.yaml"));
        var spec = scenario.Spec with { Name = runName };
        var runId = $"{runName}/run";
        var run = cluster.Client.GetGrain<IRunGrain>(runId);
        var info = await run.Start(new RunRequest(SpecJson.Serialize(spec), scenario.FirmsPerShard, scenario.PeoplePerShard, Replicate));
        var results = new List<TickResult>();
        for (var t = 0; t < Ticks; t++) results.Add(await run.Tick(t));
        await run.Stop();
        return new Run(runId, info.Shards, info, results);
    }

    private sealed record Trace(Run Run, List<Activity> All, List<Activity> Ticks, List<Activity> Steps);

    /// <summary>Runs a few ticks under an in-memory trace exporter of <paramref name="sources"/>; returns this run's spans.</summary>
    private static async Task<Trace> TraceRun(string prefix, bool propagate, params string[] sources)
    {
        var spans = new List<Activity>();
        Run run;
        using (var provider = Sdk.CreateTracerProviderBuilder().AddSource(sources).AddInMemoryExporter(spans).Build())
        {
            run = await RunTicks($"{prefix}-{Guid.NewGuid():N}", propagate);
            provider.ForceFlush();
        }
        var ticks = OfRun(spans, run.RunId, SimulationTelemetry.TickSpan);
        var steps = OfRun(spans, run.RunId, SimulationTelemetry.ShardStepSpan);
        AssertTickSpans(ticks, run.RunId);
        Assert.Equal(Ticks * run.Shards, steps.Count);
        return new Trace(run, spans, ticks, steps);
    }

    private static List<Activity> OfRun(IEnumerable<Activity> spans, string runId, string name)
        => spans.Where(a => a.OperationName == name && (a.GetTagItem(SimulationTelemetry.Tags.RunId) as string) == runId).ToList();

    private static void AssertTickSpans(List<Activity> ticks, string runId)
    {
        Assert.Equal(Ticks, ticks.Count);
        Assert.Equal(Enumerable.Range(0, Ticks), ticks.Select(a => (int)a.GetTagItem(SimulationTelemetry.Tags.Tick)!).Order());
        foreach (var tick in ticks)
        {
            var t = (int)tick.GetTagItem(SimulationTelemetry.Tags.Tick)!;
            Assert.Equal(runId, tick.GetTagItem(SimulationTelemetry.Tags.RunId));
            Assert.Equal(Replicate, tick.GetTagItem(SimulationTelemetry.Tags.Replicate));
            Assert.Equal(new MonthDate(2017, 1).AddMonths(t).ToString(), tick.GetTagItem(SimulationTelemetry.Tags.Date));
            Assert.Equal(SimulationTelemetry.Name, tick.Source.Name);
        }
    }

    [Fact]
    public async Task Should_Parent_Each_Shard_Step_Span_Under_Its_Tick_Span_Through_Orleans_Grain_Call_Spans()
    {
        var (run, spans, ticks, steps) = await TraceRun("trace-orleans", propagate: true, TelemetryHosting.ActivitySources);
        var bySpanId = spans.GroupBy(a => a.SpanId).ToDictionary(g => g.Key, g => g.First());
        foreach (var tick in ticks)
        {
            var t = (int)tick.GetTagItem(SimulationTelemetry.Tags.Tick)!;
            var mine = steps.Where(s => (int)s.GetTagItem(SimulationTelemetry.Tags.Tick)! == t).ToList();
            Assert.Equal(Enumerable.Range(0, run.Shards), mine.Select(s => (int)s.GetTagItem(SimulationTelemetry.Tags.Shard)!).Order());
            foreach (var step in mine)
            {
                // shard step <- Orleans server span of Step <- Orleans client span of Step <- the tick
                Assert.Equal(tick.TraceId, step.TraceId);
                var server = bySpanId[step.ParentSpanId];
                var client = bySpanId[server.ParentSpanId];
                Assert.Equal(ActivityKind.Server, server.Kind);
                Assert.Equal(ActivityKind.Client, client.Kind);
                Assert.All([server, client], a => Assert.EndsWith("/Step", a.OperationName, StringComparison.Ordinal));
                Assert.Equal(tick.SpanId, client.ParentSpanId);
            }
        }
    }

    [Fact]
    public async Task Should_Make_Each_Shard_Step_Span_A_Direct_Child_Of_Its_Tick_Span_Without_Orleans_Spans()
    {
        var (run, _, ticks, steps) = await TraceRun("trace-direct", propagate: false, SimulationTelemetry.Name);
        foreach (var tick in ticks)
        {
            var children = steps.Where(s => s.ParentSpanId == tick.SpanId).ToList();
            Assert.Equal(Enumerable.Range(0, run.Shards), children.Select(s => (int)s.GetTagItem(SimulationTelemetry.Tags.Shard)!).Order());
            Assert.All(children, s =>
            {
                Assert.Equal(tick.TraceId, s.TraceId);
                Assert.Equal(tick.GetTagItem(SimulationTelemetry.Tags.Tick), s.GetTagItem(SimulationTelemetry.Tags.Tick));
                Assert.False(string.IsNullOrEmpty(s.GetTagItem(SimulationTelemetry.Tags.Kind) as string));
            });
        }
    }

    [Fact]
    public async Task Should_Count_Ticks_And_Report_The_Ticks_Outcomes_By_Region_In_Gauges()
    {
        var runName = $"metrics-{Guid.NewGuid():N}";
        var seen = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SimulationTelemetry.Name) l.EnableMeasurementEvents(instrument);
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, object?>();
            foreach (var kv in tags) map[kv.Key] = kv.Value;
            if ((map.GetValueOrDefault(SimulationTelemetry.Tags.Scenario) as string) != runName) return;
            lock (seen) seen.Add((instrument.Name, value, map));
        }
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();

        var run = await RunTicks(runName, propagate: false);

        Assert.Equal(Ticks, seen.Where(m => m.Instrument == "supplysim.ticks").Sum(m => m.Value));
        Assert.Equal(Ticks, seen.Count(m => m.Instrument == "supplysim.tick.duration" && m.Value > 0));
        Assert.Equal([1.0, -1.0], seen.Where(m => m.Instrument == "supplysim.runs.in_flight").Select(m => m.Value));

        var last = run.Results[^1].Values;
        var regions = 0;
        for (var i = 0; i < run.Info.Metrics.Length; i++)
        {
            if (run.Info.Metrics[i] != "overdose_deaths") continue;
            var region = run.Info.Dimensions[i]["region=".Length..];
            var gauge = seen.Last(m => m.Instrument == "supplysim.overdose_deaths" && (string?)m.Tags[SimulationTelemetry.Tags.Region] == region);
            Assert.Equal(last[i], gauge.Value);
            Assert.Equal(Replicate, gauge.Tags[SimulationTelemetry.Tags.Replicate]);
            regions++;
        }
        Assert.Equal(4, regions);
        Assert.Equal(Ticks * regions, seen.Count(m => m.Instrument == "supplysim.supply_reaching_users"));
    }
}
