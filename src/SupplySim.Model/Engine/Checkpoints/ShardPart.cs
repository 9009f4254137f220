namespace SupplySim.Model.Engine.Checkpoints;

/// <summary>
/// A named piece of a shard's state (people, a market's stock, a lab's source) that writes and reads itself. A shard's
/// checkpoint is its parts in a fixed order (<see cref="Shard.Parts"/>). Every instance field of a part is state that
/// Save writes and Load reads, a nested part, or marked <see cref="FixedByLayoutAttribute"/>; a test round-trips each
/// such field through a checkpoint, so a field Save forgets fails it.
/// </summary>
public interface IShardPart
{
    void Save(BinaryWriter w);

    /// <summary>Reads what <see cref="Save"/> wrote into a part built for the same layout and shard.</summary>
    void Load(BinaryReader r);
}

/// <summary>
/// A field that the constructor derives from the scenario and layout and that never changes afterwards (or is
/// rewritten before it is read in every tick): checkpoints leave it out, a rebuilt shard has it already.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class FixedByLayoutAttribute : Attribute;

/// <summary>A struct array held directly by a shard, as a part (a table of agents, a stock per agent and substance).</summary>
public sealed class ArrayPart<T>(T[] values) : IShardPart where T : unmanaged
{
    public void Save(BinaryWriter w) => w.WriteArray(values);

    public void Load(BinaryReader r) => r.ReadArrayInto(values);
}

/// <summary>Builds parts for state a shard keeps in plain arrays.</summary>
public static class ShardPart
{
    public static IShardPart Array<T>(T[] values) where T : unmanaged => new ArrayPart<T>(values);
}
