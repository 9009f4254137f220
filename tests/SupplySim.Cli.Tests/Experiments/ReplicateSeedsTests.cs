using SupplySim.Experiments;
using Xunit;

namespace SupplySim.Cli.Tests.Experiments;

/// <summary>Replicate seeds are a documented pure function: anyone can recompute the seed of replicate i and rerun it alone with `run --seed`.</summary>
public class ReplicateSeedsTests
{
    /// <summary>SplitMix64 as published (Steele, Lea, Flood 2014; Vigna's reference code), written out again here.</summary>
    private static IEnumerable<ulong> SplitMix64(ulong state)
    {
        while (true)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            yield return z ^ (z >> 31);
        }
    }

    [Fact]
    public void Should_Run_Replicate_0_On_The_Scenario_Seed_And_Replicate_i_On_The_ith_SplitMix64_Output()
    {
        const ulong seed = 20190501;
        Assert.Equal(seed, ReplicateSeeds.Of(seed, 0));
        Assert.Equal(SplitMix64(seed).Take(20), Enumerable.Range(1, 20).Select(i => ReplicateSeeds.Of(seed, i)));
    }

    [Fact]
    public void Should_Give_Distinct_Seeds_To_Ten_Thousand_Replicates()
    {
        Assert.Equal(10_000, ReplicateSeeds.For(1, 10_000).Distinct().Count());
        Assert.Equal(ReplicateSeeds.For(7, 50), ReplicateSeeds.For(7, 50));
    }
}
