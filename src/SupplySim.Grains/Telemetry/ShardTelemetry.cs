using System.Diagnostics;
using SupplySim.Model.World;

namespace SupplySim.Grains.Telemetry;

/// <summary>
/// A shard grain's telemetry: its span per Step (the child of its tick's span), the agent-steps
/// counter, the step wall-time histogram and the count of live shards on this silo. Per shard per
/// tick only.
/// </summary>
public sealed class ShardTelemetry
{
    private readonly string _runId;
    private readonly ShardInfo _shard;
    private readonly string _kind;
    private readonly TagList _kindTags;
    private bool _live;

    /// <summary>Counts the shard as live on this silo until <see cref="Released"/>.</summary>
    public ShardTelemetry(string runId, ShardInfo shard)
    {
        _runId = runId;
        _shard = shard;
        _kind = shard.Kind.ToString();
        _kindTags = new TagList { { SimulationTelemetry.Tags.Kind, _kind } };
        SimulationTelemetry.Shards.Add(1, _kindTags);
        _live = true;
    }

    /// <summary>
    /// Starts the span of this shard's Step of <paramref name="tick"/> (null when no one listens). Its
    /// parent is the current activity when Orleans' grain-call spans carry the trace into this grain
    /// (AddActivityPropagation), else the tick span the run grain put in the request context.
    /// </summary>
    public Activity? StartStep(int tick)
    {
        var source = SimulationTelemetry.Source;
        if (!source.HasListeners()) return null;
        var activity = Activity.Current is { } current
            ? source.StartActivity(SimulationTelemetry.ShardStepSpan, ActivityKind.Internal, current.Context)
            : source.StartActivity(SimulationTelemetry.ShardStepSpan, ActivityKind.Internal, TickParent());
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(SimulationTelemetry.Tags.RunId, _runId);
            activity.SetTag(SimulationTelemetry.Tags.Tick, tick);
            activity.SetTag(SimulationTelemetry.Tags.Shard, _shard.Index);
            activity.SetTag(SimulationTelemetry.Tags.Kind, _kind);
            activity.SetTag(SimulationTelemetry.Tags.Agents, _shard.Count);
        }
        return activity;
    }

    /// <summary>Records a finished Step: its agents stepped and its wall time.</summary>
    public void Stepped(TimeSpan wall)
    {
        SimulationTelemetry.AgentSteps.Add(_shard.Count, _kindTags);
        SimulationTelemetry.ShardStepDuration.Record(wall.TotalSeconds, _kindTags);
    }

    /// <summary>The shard was released (or its grain went away): no longer live. Idempotent.</summary>
    public void Released()
    {
        if (!_live) return;
        _live = false;
        SimulationTelemetry.Shards.Add(-1, _kindTags);
    }

    private static ActivityContext TickParent()
        => RequestContext.Get(SimulationTelemetry.TickParentKey) is string id && ActivityContext.TryParse(id, null, isRemote: true, out var parent)
            ? parent
            : default;
}
