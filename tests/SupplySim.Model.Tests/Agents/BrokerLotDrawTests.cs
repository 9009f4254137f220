using SupplySim.Model.Agents;
using Xunit;

namespace SupplySim.Model.Tests.Agents;

/// <summary>Appending a substance to a catalogue must not move the seizure draws of the substances already in it.</summary>
public class BrokerLotDrawTests
{
    [Fact]
    public void Should_Keep_The_Draws_Of_Existing_Substances_When_Substances_Are_Appended()
    {
        // Catalogues of up to eight substances keep the calibrated index m × (S + 1) + k + 1.
        foreach (var s in new[] { 6, 8 })
            for (var m = 0; m < 50; m++)
                for (var k = -1; k < s; k++)
                    Assert.Equal(m * (s + 1) + k + 1, BrokerShard.LotDraw(m, k, s));
        // A ten-substance catalogue gives the first eight the same indices as the eight-substance one.
        for (var m = 0; m < 50; m++)
            for (var k = -1; k < 8; k++)
                Assert.Equal(BrokerShard.LotDraw(m, k, 8), BrokerShard.LotDraw(m, k, 10));
    }

    [Fact]
    public void Should_Give_Every_Lot_Of_Every_Order_Its_Own_Draw()
    {
        foreach (var s in new[] { 6, 8, 10, 20 })
        {
            var seen = new HashSet<int>();
            for (var m = 0; m < 500; m++)
                for (var k = -1; k < s; k++)
                    Assert.True(seen.Add(BrokerShard.LotDraw(m, k, s)), $"S={s}: order {m}, lot {k} repeats a draw");
        }
    }
}
