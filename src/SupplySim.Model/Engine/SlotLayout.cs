namespace SupplySim.Model.Engine;

/// <summary>
/// Lays out named slot families in one flat <c>double[]</c>: each family is declared once with its shape and
/// gets the next consecutive offsets, so the total <see cref="Length"/> always agrees with the declarations.
/// A flat array folds by plain summation and saves as one block; the families give it typed access
/// (the way NodaTime packs a date's fields behind typed properties).
/// </summary>
public sealed class SlotLayout
{
    /// <summary>Slots declared so far: the length of the flat array.</summary>
    public int Length { get; private set; }

    private int Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var at = Length;
        Length += count;
        return at;
    }

    /// <summary>One slot.</summary>
    public Slot Scalar() => new(Take(1));

    /// <summary>A family of <paramref name="count"/> slots, e.g. one per jurisdiction.</summary>
    public SlotFamily1 Vector(int count) => new(Take(count), count);

    /// <summary>A family of <paramref name="rows"/> × <paramref name="columns"/> slots, row-major, e.g. [jurisdiction, stage].</summary>
    public SlotFamily2 Matrix(int rows, int columns) => new(Take(rows * columns), rows, columns);

    /// <summary>A family of n0 × n1 × n2 slots, last index fastest, e.g. [origin, destination, kind].</summary>
    public SlotFamily3 Cube(int n0, int n1, int n2) => new(Take(n0 * n1 * n2), n0, n1, n2);
}

/// <summary>Where one slot sits in its flat array.</summary>
public readonly record struct Slot(int Offset);

/// <summary>Where a one-index family sits in its flat array, and its size.</summary>
public readonly record struct SlotFamily1(int Offset, int Count);

/// <summary>Where a two-index family sits in its flat array, and its shape.</summary>
public readonly record struct SlotFamily2(int Offset, int Rows, int Columns);

/// <summary>Where a three-index family sits in its flat array, and its shape.</summary>
public readonly record struct SlotFamily3(int Offset, int N0, int N1, int N2);
