using System.Diagnostics;
using System.Diagnostics.Metrics;
using SupplySim.Model.World;

namespace SupplySim.Grains.Telemetry;

/// <summary>
/// The run grain's telemetry for one run: a span per tick (tagged run id, replicate, tick, date), the
/// tick counter and wall-time histogram, the runs-in-flight count, and the outcome gauges taken from
/// the tick's metric values. All of it per tick: O(regions) work, nothing per agent.
/// </summary>
public sealed class RunTelemetry
{
    private readonly string _runId;
    private readonly WorldSpec _spec;
    private readonly int _replicate;
    private readonly int _shards;
    private readonly TagList _runTags;
    private readonly (int Index, Gauge<double> Gauge, TagList Tags)[] _outcomes;
    private bool _inFlight;

    /// <summary>Starts the telemetry of a run; counts it in flight until <see cref="Stopped"/>.</summary>
    public RunTelemetry(string runId, WorldSpec spec, int replicate, int shards, IReadOnlyList<string> metrics, IReadOnlyList<string> dimensions)
    {
        _runId = runId;
        _spec = spec;
        _replicate = replicate;
        _shards = shards;
        _runTags = new TagList { { SimulationTelemetry.Tags.Scenario, spec.Name } };
        _outcomes = OutcomeSeries(spec.Name, replicate, metrics, dimensions);
        SimulationTelemetry.RunsInFlight.Add(1, _runTags);
        _inFlight = true;
    }

    /// <summary>
    /// Starts the span of a tick (null when no one listens) and hands its id to the shards it calls
    /// through the Orleans request context.
    /// </summary>
    public Activity? StartTick(int tick)
    {
        var activity = SimulationTelemetry.Source.StartActivity(SimulationTelemetry.TickSpan, ActivityKind.Internal);
        if (activity is null) return null;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(SimulationTelemetry.Tags.RunId, _runId);
            activity.SetTag(SimulationTelemetry.Tags.Scenario, _spec.Name);
            activity.SetTag(SimulationTelemetry.Tags.Replicate, _replicate);
            activity.SetTag(SimulationTelemetry.Tags.Tick, tick);
            activity.SetTag(SimulationTelemetry.Tags.Date, _spec.DateOf(tick).ToString());
            activity.SetTag(SimulationTelemetry.Tags.Shards, _shards);
        }
        if (activity is { IdFormat: ActivityIdFormat.W3C, Id: { } id }) RequestContext.Set(SimulationTelemetry.TickParentKey, id);
        return activity;
    }

    /// <summary>Records a completed tick: the counter, its wall time and the outcome gauges.</summary>
    public void TickCompleted(double[] values, TimeSpan wall)
    {
        SimulationTelemetry.Ticks.Add(1, _runTags);
        SimulationTelemetry.TickDuration.Record(wall.TotalSeconds, _runTags);
        foreach (var (index, gauge, tags) in _outcomes)
        {
            var v = values[index];
            if (double.IsFinite(v)) gauge.Record(v, tags);
        }
    }

    /// <summary>The run stopped (or its grain went away): no longer in flight. Idempotent.</summary>
    public void Stopped()
    {
        if (!_inFlight) return;
        _inFlight = false;
        SimulationTelemetry.RunsInFlight.Add(-1, _runTags);
    }

    private static (int, Gauge<double>, TagList)[] OutcomeSeries(string scenario, int replicate, IReadOnlyList<string> metrics, IReadOnlyList<string> dimensions)
    {
        var series = new List<(int, Gauge<double>, TagList)>();
        for (var i = 0; i < metrics.Count; i++)
        {
            const string prefix = "region=";
            if (!SimulationTelemetry.OutcomeGauges.TryGetValue(metrics[i], out var gauge)) continue;
            if (!dimensions[i].StartsWith(prefix, StringComparison.Ordinal) || dimensions[i].Contains(';', StringComparison.Ordinal)) continue;
            var tags = new TagList
            {
                { SimulationTelemetry.Tags.Scenario, scenario },
                { SimulationTelemetry.Tags.Replicate, replicate },
                { SimulationTelemetry.Tags.Region, dimensions[i][prefix.Length..] },
            };
            series.Add((i, gauge, tags));
        }
        return series.ToArray();
    }
}
