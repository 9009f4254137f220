using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Metrics;
using SupplySim.Model.World;

namespace SupplySim.Model.Engine;

/// <summary>What every shard sees in one step.</summary>
public readonly record struct StepContext(int Tick, TickSignals Signals);

/// <summary>
/// A shard: many agents of one kind in one jurisdiction, held as struct arrays. Its step is a pure
/// function of its state, its sorted inbox and the tick's signals, so where it runs never matters.
/// </summary>
public abstract class Shard
{
    protected Shard(Layout layout, ShardInfo info)
    {
        Layout = layout;
        Info = info;
        Spec = layout.Spec;
        P = layout.Spec.Parameters;
        Seed = layout.Spec.Seed;
    }

    public Layout Layout { get; }
    public ShardInfo Info { get; }
    protected WorldSpec Spec { get; }
    protected ModelParameters P { get; }
    protected ulong Seed { get; }

    /// <summary>Runs one tick: apply the inbox (already in (source shard, sequence) order), run every agent, emit messages, fill the report.</summary>
    public abstract void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, ShardReport report);

    /// <summary>Writes every field that later steps read (the kind's <c>Checkpoint</c> fields, Saved); see <see cref="CheckpointFields"/>.</summary>
    public abstract void Save(BinaryWriter w);

    /// <summary>Reads what <see cref="Save"/> wrote into a shard built for the same layout and index.</summary>
    public abstract void Load(BinaryReader r);

    /// <summary>The base class's fields: all fixed by the layout.</summary>
    private protected static readonly CheckpointFields BaseCheckpoint = new([], [nameof(Layout), nameof(Info), nameof(Spec), nameof(P), nameof(Seed)]);

    /// <summary>Agent-steps done per tick (for throughput figures).</summary>
    public virtual long AgentCount => Info.Count;

    public static Shard Create(Layout layout, ShardInfo info) => info.Kind switch
    {
        ActorKind.PrecursorSupplier => new Agents.PrecursorSupplierShard(layout, info),
        ActorKind.Broker => new Agents.BrokerShard(layout, info),
        ActorKind.CartelLab => new Agents.CartelLabShard(layout, info),
        ActorKind.MoneyLaunderer => new Agents.MoneyLaundererShard(layout, info),
        ActorKind.EnforcementAgency => new Agents.EnforcementAgencyShard(layout, info),
        ActorKind.UserPopulation => new Agents.UserPopulationShard(layout, info),
        _ => throw new ArgumentOutOfRangeException(nameof(info)),
    };
}
