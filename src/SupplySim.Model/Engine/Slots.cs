using System.Runtime.CompilerServices;
using SupplySim.Model.World;

namespace SupplySim.Model.Engine;

/// <summary>
/// Typed views of one slot family over its flat array: no allocation, and an index outside the family throws
/// instead of writing into its neighbour. <c>report.Deaths[j] += x</c> writes through the returned reference.
/// </summary>
public readonly struct Slots1(double[] values, SlotFamily1 family)
{
    public int Count => family.Count;

    public ref double this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)i >= (uint)family.Count) SlotIndex.Throw(i, family.Count);
            return ref values[family.Offset + i];
        }
    }

    /// <summary>A family indexed by stage (seizures by stage).</summary>
    public ref double this[Stage stage] => ref this[(int)stage];

    public Span<double> AsSpan() => values.AsSpan(family.Offset, family.Count);
}

/// <summary>A two-index family, row-major; the second index may be a <see cref="Stage"/> or a <see cref="PersonState"/>.</summary>
public readonly struct Slots2(double[] values, SlotFamily2 family)
{
    public int Rows => family.Rows;
    public int Columns => family.Columns;

    public ref double this[int row, int column]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)row >= (uint)family.Rows) SlotIndex.Throw(row, family.Rows);
            if ((uint)column >= (uint)family.Columns) SlotIndex.Throw(column, family.Columns);
            return ref values[family.Offset + row * family.Columns + column];
        }
    }

    public ref double this[int row, Stage stage] => ref this[row, (int)stage];
    public ref double this[int row, PersonState state] => ref this[row, (int)state];

    /// <summary>One row's slots.</summary>
    public Span<double> Row(int row)
    {
        if ((uint)row >= (uint)family.Rows) SlotIndex.Throw(row, family.Rows);
        return values.AsSpan(family.Offset + row * family.Columns, family.Columns);
    }
}

/// <summary>A three-index family, last index fastest.</summary>
public readonly struct Slots3(double[] values, SlotFamily3 family)
{
    public ref double this[int i0, int i1, int i2]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)i0 >= (uint)family.N0) SlotIndex.Throw(i0, family.N0);
            if ((uint)i1 >= (uint)family.N1) SlotIndex.Throw(i1, family.N1);
            if ((uint)i2 >= (uint)family.N2) SlotIndex.Throw(i2, family.N2);
            return ref values[family.Offset + (i0 * family.N1 + i1) * family.N2 + i2];
        }
    }
}

internal static class SlotIndex
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(int index, int count) => throw new IndexOutOfRangeException($"slot index {index} outside a family of {count}");
}
