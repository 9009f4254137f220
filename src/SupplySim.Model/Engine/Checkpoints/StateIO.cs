using System.Runtime.InteropServices;

namespace SupplySim.Model.Engine.Checkpoints;

/// <summary>
/// Reads and writes run state for checkpoints: arrays of unmanaged values (agent structs included) as their
/// raw bytes behind a length, so a shard of a million people saves in one copy. Checkpoints are read back by
/// the same binary on the same kind of machine (a cluster's silos), so byte order is the machine's.
/// </summary>
public static class StateIO
{
    /// <summary>Writes the array's length and its elements' bytes.</summary>
    public static void WriteArray<T>(this BinaryWriter w, T[] values) where T : unmanaged
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>Reads an array written by <see cref="WriteArray{T}"/> into <paramref name="into"/>, which must have the saved length.</summary>
    public static void ReadArrayInto<T>(this BinaryReader r, T[] into) where T : unmanaged
    {
        var n = r.ReadInt32();
        if (n != into.Length) throw new CheckpointException($"a checkpointed array of {typeof(T).Name} has {n} elements where the run has {into.Length}");
        ReadExactly(r, MemoryMarshal.AsBytes(into.AsSpan()));
    }

    /// <summary>Reads an array written by <see cref="WriteArray{T}"/>, whatever its length.</summary>
    public static T[] ReadArray<T>(this BinaryReader r) where T : unmanaged
    {
        var n = r.ReadInt32();
        if (n < 0) throw new CheckpointException($"a checkpointed array of {typeof(T).Name} has a negative length");
        var values = new T[n];
        ReadExactly(r, MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Writes an array that may be null (a flag, then the array).</summary>
    public static void WriteNullableArray<T>(this BinaryWriter w, T[]? values) where T : unmanaged
    {
        w.Write(values is not null);
        if (values is not null) w.WriteArray(values);
    }

    public static T[]? ReadNullableArray<T>(this BinaryReader r) where T : unmanaged => r.ReadBoolean() ? r.ReadArray<T>() : null;

    /// <summary>Writes a section marker, so a reader out of step with the writer fails at once instead of misreading.</summary>
    public static void WriteMarker(this BinaryWriter w, string section) => w.Write(section);

    public static void ReadMarker(this BinaryReader r, string section)
    {
        var found = r.ReadString();
        if (found != section) throw new CheckpointException($"checkpoint out of step: expected section '{section}', found '{found}'");
    }

    private static void ReadExactly(BinaryReader r, Span<byte> into)
    {
        while (into.Length > 0)
        {
            var n = r.Read(into);
            if (n <= 0) throw new CheckpointException("checkpoint ends early");
            into = into[n..];
        }
    }
}

/// <summary>A checkpoint that does not fit the run it is restored into (another scenario, layout or binary).</summary>
public sealed class CheckpointException(string message) : Exception(message);
