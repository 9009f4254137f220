using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using SupplySim.Model.Metrics;

namespace SupplySim.Grains.Telemetry;

/// <summary>
/// The one definition of SupplySim's own telemetry (docs/observability.md): the <c>SupplySim</c> meter and
/// activity source and every instrument on them. Instruments are recorded only per tick and per shard
/// step, never per agent; with no listener attached (no exporter enabled) each record is a cheap no-op
/// and <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null. Telemetry only
/// reads what the simulation computed: it never changes a result.
/// </summary>
public static class SimulationTelemetry
{
    /// <summary>Name of both the meter and the activity source; register it with AddMeter and AddSource.</summary>
    public const string Name = "SupplySim";

    /// <summary>Span of one tick on the run grain: interventions, every shard's Step, folding.</summary>
    public const string TickSpan = "supplysim.tick";

    /// <summary>Span of one shard's Step of one tick, a child of its tick's span.</summary>
    public const string ShardStepSpan = "supplysim.shard.step";

    /// <summary>Tag keys shared by spans and metrics.</summary>
    public static class Tags
    {
        public const string RunId = "supplysim.run.id";
        public const string Scenario = "supplysim.scenario";
        public const string Replicate = "supplysim.replicate";
        public const string Tick = "supplysim.tick";
        public const string Date = "supplysim.date";
        public const string Shards = "supplysim.shards";
        public const string Shard = "supplysim.shard";
        public const string Kind = "supplysim.kind";
        public const string Agents = "supplysim.agents";
        public const string Region = "region";
    }

    /// <summary>The instrumentation scope's version: the product version without its source-revision suffix.</summary>
    private static readonly string Version =
        (typeof(SimulationTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>The SupplySim activity source: tick spans and shard-step spans.</summary>
    public static readonly ActivitySource Source = new(Name, Version);

    /// <summary>The SupplySim meter.</summary>
    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Ticks completed (every shard stepped and the reports folded), by scenario.</summary>
    public static readonly Counter<long> Ticks =
        Meter.CreateCounter<long>("supplysim.ticks", "{tick}", "Ticks completed: every shard stepped and the reports folded.");

    /// <summary>Agent-steps: agents of a shard times the ticks it stepped, by actor kind.</summary>
    public static readonly Counter<long> AgentSteps =
        Meter.CreateCounter<long>("supplysim.agent_steps", "{step}", "Agents stepped (one per agent per tick), by actor kind.");

    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    /// <summary>Wall time of one tick on the run grain, from its start to its folded metrics.</summary>
    public static readonly Histogram<double> TickDuration =
        Meter.CreateHistogram("supplysim.tick.duration", "s", "Wall time of one tick: interventions, every shard's Step, folding.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    /// <summary>Wall time of one shard's Step (including delivering its outgoing batches), by actor kind.</summary>
    public static readonly Histogram<double> ShardStepDuration =
        Meter.CreateHistogram("supplysim.shard.step.duration", "s", "Wall time of one shard's Step, including delivery of its batches.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    /// <summary>Shard grains initialised and not yet released, on this silo, by actor kind.</summary>
    public static readonly UpDownCounter<long> Shards =
        Meter.CreateUpDownCounter<long>("supplysim.shards", "{shard}", "Shard grains initialised and not yet released on this silo.");

    /// <summary>Runs (each replicate is a run) started and not yet stopped, by scenario.</summary>
    public static readonly UpDownCounter<long> RunsInFlight =
        Meter.CreateUpDownCounter<long>("supplysim.runs.in_flight", "{run}", "Runs (replicates) started and not yet stopped.");

    /// <summary>Overdose deaths in the latest simulated month, by scenario, replicate and region.</summary>
    public static readonly Gauge<double> OverdoseDeaths =
        Meter.CreateGauge<double>($"supplysim.{MetricCatalog.OverdoseDeaths.Name}", "{death}", $"Overdose deaths in the latest simulated month (metric {MetricCatalog.OverdoseDeaths.Name}).");

    /// <summary>Supply reaching users in the latest simulated month, by scenario, replicate and region.</summary>
    public static readonly Gauge<double> SupplyReachingUsers =
        Meter.CreateGauge<double>("supplysim.supply_reaching_users", "kg", $"Opioid supply reaching users in the latest simulated month (metric {MetricCatalog.SupplyReachingUsersKg.Name}).");

    /// <summary>Retail price (USD) per mg in the latest simulated month, by scenario, replicate and region.</summary>
    public static readonly Gauge<double> RetailPrice =
        Meter.CreateGauge<double>("supplysim.retail_price", "{USD}/mg", $"Retail price in USD per mg in the latest simulated month (metric {MetricCatalog.RetailPricePerMg.Name}).");

    /// <summary>The tick metrics (catalogue names) that feed the outcome gauges.</summary>
    internal static readonly IReadOnlyDictionary<string, Gauge<double>> OutcomeGauges = new Dictionary<string, Gauge<double>>(StringComparer.Ordinal)
    {
        [MetricCatalog.OverdoseDeaths.Name] = OverdoseDeaths,
        [MetricCatalog.SupplyReachingUsersKg.Name] = SupplyReachingUsers,
        [MetricCatalog.RetailPricePerMg.Name] = RetailPrice,
    };

    /// <summary>
    /// Key under which the run grain passes its tick span's W3C id to the shards in the Orleans request
    /// context, so a shard's span is the child of its tick's span even when Orleans' own grain-call
    /// spans are not recorded. Set only while a tick span is being recorded.
    /// </summary>
    internal const string TickParentKey = "supplysim-tick-parent";
}
