using SupplySim.Experiments.Analysis;
using Xunit;

namespace SupplySim.Cli.Tests.Analysis;

/// <summary>Deaths averted split into a direct and a market part (docs/experiments.md#direct-and-market-effects).</summary>
public class DecompositionTests
{
    [Fact]
    public void Given_Baseline_Held_And_Scenario_Deaths_When_Split_Then_Direct_Plus_Market_Is_The_Total_In_Every_Replicate()
    {
        double[] baseline = [455_960, 493_440, 485_310], held = [440_010, 480_130, 470_990], scenario = [452_700, 489_020, 479_880];
        var (total, direct, market) = Decomposition.Split(baseline, held, scenario);
        for (var r = 0; r < baseline.Length; r++)
        {
            Assert.Equal(baseline[r] - scenario[r], total[r]);
            Assert.Equal(baseline[r] - held[r], direct[r]);
            Assert.Equal(total[r], direct[r] + market[r]);
        }
        Assert.All(market, m => Assert.True(m < 0)); // here the market's answer takes back part of the direct effect
    }
}
