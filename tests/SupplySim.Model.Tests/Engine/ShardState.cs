using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// A shard's checkpointed state seen through reflection: every instance field of the shard and of its parts (recursively) that is
/// not marked <see cref="FixedByLayoutAttribute"/>. Such a field must be a part (<see cref="IShardPart"/>) or plain state: an
/// unmanaged value or an array of unmanaged values, which the tests scramble, round-trip and compare byte for byte.
/// </summary>
internal static class ShardState
{
    /// <summary>One state field and the object that holds it.</summary>
    internal readonly record struct Field(object Holder, FieldInfo Info, string Path);

    internal static FieldInfo[] InstanceFields(Type type)
    {
        var fields = new List<FieldInfo>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        return fields.ToArray();
    }

    internal static bool Fixed(FieldInfo f) => f.IsDefined(typeof(FixedByLayoutAttribute));

    /// <summary>A part of a shard, or one of the run coordinator's state objects (signals, lever board, report, metrics): its fields are state in turn.</summary>
    internal static bool IsPart(Type t) => typeof(IShardPart).IsAssignableFrom(t) || (t.IsClass && !t.IsArray && t.Assembly == typeof(Shard).Assembly);

    /// <summary>Unmanaged value, or array of them: state a part saves as bytes.</summary>
    internal static bool IsPlainState(Type t)
        => t.IsArray ? t.GetArrayRank() == 1 && IsUnmanaged(t.GetElementType()!) : IsUnmanaged(t);

    private static bool IsUnmanaged(Type t)
        => t.IsValueType && !(bool)typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!.MakeGenericMethod(t).Invoke(null, null)!;

    /// <summary>Every plain state field under <paramref name="root"/> (a shard or a part), recursing into parts held in fields.</summary>
    internal static IEnumerable<Field> Fields(object root, string path)
    {
        foreach (var f in InstanceFields(root.GetType()).Where(f => !Fixed(f)))
        {
            var where = $"{path}.{Name(f)}";
            if (IsPart(f.FieldType)) foreach (var inner in Fields(f.GetValue(root)!, where)) yield return inner;
            else yield return new Field(root, f, where);
        }
    }

    internal static string Name(FieldInfo f) => f.Name.StartsWith('<') ? f.Name[1..f.Name.IndexOf('>')] : f.Name;

    /// <summary>The field's value as bytes (an array's elements, or the value itself).</summary>
    internal static byte[] Bytes(Field field)
    {
        var value = field.Info.GetValue(field.Holder)!;
        var type = field.Info.FieldType;
        var element = type.IsArray ? type.GetElementType()! : type;
        var method = typeof(ShardState).GetMethod(type.IsArray ? nameof(ArrayBytes) : nameof(ValueBytes), BindingFlags.NonPublic | BindingFlags.Static)!;
        return (byte[])method.MakeGenericMethod(element).Invoke(null, [value])!;
    }

    /// <summary>Changes every byte of the field's value (an array's elements in place), so a field its part forgets to save shows.</summary>
    internal static void Scramble(Field field, int salt)
    {
        var type = field.Info.FieldType;
        var element = type.IsArray ? type.GetElementType()! : type;
        if (type.IsArray)
        {
            typeof(ShardState).GetMethod(nameof(ScrambleArray), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element)
                .Invoke(null, [field.Info.GetValue(field.Holder), salt]);
            return;
        }
        var scrambled = typeof(ShardState).GetMethod(nameof(ScrambleValue), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element)
            .Invoke(null, [field.Info.GetValue(field.Holder), salt]);
        field.Info.SetValue(field.Holder, scrambled);
    }

    private static byte[] ArrayBytes<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static byte[] ValueBytes<T>(T value) where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();

    private static void ScrambleArray<T>(T[] values, int salt) where T : unmanaged => Scramble(MemoryMarshal.AsBytes(values.AsSpan()), salt);

    private static object ScrambleValue<T>(T value, int salt) where T : unmanaged
    {
        if (value is bool flag) return !flag; // a bool is saved as 0 or 1, so it is flipped rather than given other bytes
        Scramble(MemoryMarshal.AsBytes(new Span<T>(ref value)), salt);
        return value;
    }

    // An odd mask changes every byte.
    private static void Scramble(Span<byte> bytes, int salt)
    {
        for (var i = 0; i < bytes.Length; i++) bytes[i] ^= (byte)((0xA5 + salt + i) | 1);
    }

    /// <summary>Every state field of the restored shard (or run coordinator) equals the original's, byte for byte.</summary>
    internal static void AssertSame(object expected, object actual, string path)
    {
        var a = Fields(expected, path).ToArray();
        var b = Fields(actual, path).ToArray();
        Assert.Equal(a.Length, b.Length);
        for (var k = 0; k < a.Length; k++)
            Assert.True(Bytes(a[k]).AsSpan().SequenceEqual(Bytes(b[k])), $"{a[k].Path} differs after restore");
    }
}
