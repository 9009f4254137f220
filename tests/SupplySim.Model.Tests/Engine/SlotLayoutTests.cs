using SupplySim.Model.Engine;
using SupplySim.Model.Metrics;
using SupplySim.Model.World;
using Xunit;
using static SupplySim.Model.Tests.BaselineWorld;

namespace SupplySim.Model.Tests.Engine;

/// <summary>The slot allocator behind reports and signals: families follow each other, and an index never leaves its family.</summary>
public class SlotLayoutTests
{
    [Fact]
    public void Should_Lay_Families_End_To_End_And_Count_Their_Slots()
    {
        var slots = new SlotLayout();
        var a = slots.Vector(3);
        var b = slots.Matrix(2, 4);
        var c = slots.Scalar();
        var d = slots.Cube(2, 3, 2);
        Assert.Equal((0, 3, 11, 12), (a.Offset, b.Offset, c.Offset, d.Offset));
        Assert.Equal(3 + 8 + 1 + 12, slots.Length);

        var values = new double[slots.Length];
        new Slots2(values, b)[1, 2] = 5;
        new Slots3(values, d)[1, 2, 1] = 7;
        Assert.Equal(5, values[3 + 1 * 4 + 2]);
        Assert.Equal(7, values[12 + (1 * 3 + 2) * 2 + 1]);
    }

    [Fact]
    public void Should_Reject_An_Index_Outside_Its_Family_Instead_Of_Writing_Into_The_Next()
    {
        var slots = new SlotLayout();
        var a = slots.Vector(3);
        var b = slots.Matrix(2, 4);
        slots.Vector(5); // room after both, so only the family's own bounds can catch the overrun
        var values = new double[slots.Length];
        Assert.Throws<IndexOutOfRangeException>(() => new Slots1(values, a)[3] = 1);
        Assert.Throws<IndexOutOfRangeException>(() => new Slots2(values, b)[0, 4] = 1);
        Assert.Throws<IndexOutOfRangeException>(() => new Slots2(values, b)[2, 0] = 1);
        Assert.All(values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Should_Write_Through_A_Typed_Family_Into_The_Flat_Report_That_Folds()
    {
        var layout = new ReportLayout(new Layout(Baseline));
        var one = layout.New();
        var two = layout.New();
        one.Deaths[1] += 2;
        two.Deaths[1] += 3;
        two.CashUsd += 10;
        one.Add(two);
        Assert.Equal(5, one.Deaths[1]);
        Assert.Equal(10, one.CashUsd);
        Assert.Equal(15, one.Values.Sum());
    }
}
