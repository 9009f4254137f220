using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Metrics;
using SupplySim.Model.World;

namespace SupplySim.Model.Engine;

/// <summary>What every shard sees in one step.</summary>
public readonly record struct StepContext(int Tick, TickSignals Signals)
{
    /// <summary>
    /// A spin-up tick (before the scenario's start): flows run (orders, deliveries, synthesis, shipping, sales, payments,
    /// seizures) but slow adaptations (capacities, presses, relocation, people, cutting, registers) wait for the start.
    /// </summary>
    public bool SpinUp => Tick < 0;
}

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

    [field: FixedByLayout] public Layout Layout { get; }
    [field: FixedByLayout] public ShardInfo Info { get; }
    [field: FixedByLayout] protected WorldSpec Spec { get; }
    [field: FixedByLayout] protected ModelParameters P { get; }
    [field: FixedByLayout] protected ulong Seed { get; }

    /// <summary>Runs one tick: apply the inbox (already in (source shard, sequence) order), run every agent, emit messages, fill the report.</summary>
    public abstract void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, ShardReport report);

    /// <summary>
    /// Everything later steps read that the layout does not fix, in the order checkpoints write it. Built on each call
    /// (checkpoints only), so a shard lists its parts here and nowhere else.
    /// </summary>
    protected internal abstract IShardPart[] Parts { get; }

    /// <summary>Writes the shard's parts in order, each behind a marker so a reader out of step fails at once.</summary>
    public void Save(BinaryWriter w)
    {
        foreach (var part in Parts)
        {
            w.WriteMarker(part.GetType().Name);
            part.Save(w);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote into a shard built for the same layout and index.</summary>
    public void Load(BinaryReader r)
    {
        foreach (var part in Parts)
        {
            r.ReadMarker(part.GetType().Name);
            part.Load(r);
        }
    }

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
