using System.Runtime.Intrinsics.X86;
using SupplySim.Model.Agents;
using SupplySim.Model.Randomness;
using Xunit;

namespace SupplySim.Model.Tests.Agents;

/// <summary>
/// The AVX2 path compares only the top 32 of a draw's 53 bits with a threshold's, and sends ties to the exact rule. Two
/// things make that exact, and random populations almost never reach the cases where either could fail (a wrong low bit
/// changes one person in about 2^31), so each is checked directly here.
/// </summary>
public class PersonStepKernelAvx2Tests
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    [Fact]
    public void Should_Compute_The_Top_Bits_Of_Every_Draw_As_The_Scalar_Mixer_Does()
    {
        Assert.SkipUnless(Avx2.IsSupported, "this CPU has no AVX2");
        // Given keys spread over the whole range, including the extremes
        var starts = Enumerable.Range(0, 20_000).Select(i => CounterRng.Mix((ulong)i)).Concat([0UL, ulong.MaxValue, unchecked(ulong.MaxValue - 3 * Golden)]);
        foreach (var key in starts)
        {
            // When the AVX2 path draws for eight consecutive people
            var tops = PersonStepKernel.Avx2DrawTops(key);
            // Then each lane holds the top 32 bits of the scalar draw Mix(key) >> 11, biased alike
            for (var j = 0; j < 8; j++)
                Assert.Equal(PersonStepKernel.Top32Draw((long)(CounterRng.Mix(key + (ulong)j * Golden) >> 11)), tops[j]);
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData((1L << 21) - 1)]
    [InlineData(1L << 21)]
    [InlineData((1L << 21) + 1)]
    [InlineData(123_456_789_012L)]
    [InlineData((1L << 52) + 12_345)]
    [InlineData((1L << 53) - 1)]
    [InlineData(1L << 53)] // a threshold of 1 or more: every draw is below it
    public void Should_Decide_Draw_Below_Threshold_Exactly_Where_The_Top_Bits_Differ(long threshold)
    {
        // Given draws on both sides of the threshold, near it and near the edges of its 2^21-wide bucket
        long[] offsets = [-(1L << 22), -(1L << 21) - 1, -(1L << 21), -2, -1, 0, 1, 2, (1L << 21) - 1, 1L << 21, (1L << 22) + 7];
        foreach (var r in offsets.Select(o => threshold + o).Where(r => r >= 0 && r < 1L << 53))
        {
            // When the top bits are compared as the AVX2 path does (signed, both biased)
            int top = PersonStepKernel.Top32Draw(r), limit = PersonStepKernel.Top32(threshold);
            // Then they decide r < K as the exact rule does, unless they tie
            if (top != limit) Assert.Equal(r < threshold, top < limit);
        }
    }
}
