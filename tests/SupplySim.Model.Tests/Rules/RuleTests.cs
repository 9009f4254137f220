using SupplySim.Model.Metrics;
using SupplySim.Model.Randomness;
using SupplySim.Model.Rules;
using SupplySim.Model.World;
using Xunit;

namespace SupplySim.Model.Tests.Rules;

public class DetectionTests
{
    [Fact]
    public void Should_Give_No_Pressure_Without_Spend_And_Stay_Below_The_Maximum()
    {
        Assert.Equal(0, Detection.Probability(0, 10, 0.3, 1e-5));
        Assert.True(Detection.Probability(1e12, 10, 0.3, 1e-5) <= 0.3);
        Assert.True(Detection.Probability(1e12, 10, 0.3, 1e-5) > 0.299);
    }

    [Fact]
    public void Should_Buy_Less_Detection_With_Each_Extra_Dollar()
    {
        // Given equal spend increments, the marginal gain must fall (report L904-L906).
        var gains = Enumerable.Range(0, 6).Select(k => Detection.Probability((k + 1) * 1e6, 50, 0.3, 1e-5) - Detection.Probability(k * 1e6, 50, 0.3, 1e-5)).ToArray();
        for (var k = 1; k < gains.Length; k++) Assert.True(gains[k] < gains[k - 1], $"gain {k} = {gains[k]} not below {gains[k - 1]}");
        Assert.All(gains, g => Assert.True(g > 0));
    }

    [Fact]
    public void Should_Dilute_Pressure_Over_More_Targets()
        => Assert.True(Detection.Probability(1e6, 100, 0.3, 1e-5) < Detection.Probability(1e6, 10, 0.3, 1e-5));

    [Fact]
    public void Should_Combine_Independent_Detectors_Through_Log_Survival()
    {
        var sum = Detection.LogSurvival(0.2) + Detection.LogSurvival(0.5);
        Assert.Equal(Detection.Either(0.2, 0.5), Detection.FromLogSurvival(sum), 12);
    }
}

public class RiskDecisionTests
{
    [Fact]
    public void Should_Always_Sell_An_Unscheduled_Chemical()
        => Assert.True(RiskDecision.Accepts(0.5, 0.01, scheduled: false, pressure: 0.9, penaltyMultiple: 100));

    [Fact]
    public void Should_Refuse_A_Scheduled_Sale_When_The_Expected_Penalty_Beats_The_Margin()
    {
        Assert.False(RiskDecision.Accepts(0.5, 1, scheduled: true, pressure: 0.05, penaltyMultiple: 20));
        Assert.True(RiskDecision.Accepts(0.5, 1, scheduled: true, pressure: 0.01, penaltyMultiple: 20));
        Assert.True(RiskDecision.Accepts(0.5, 3, scheduled: true, pressure: 0.05, penaltyMultiple: 20));
    }
}

public class RetailMarketTests
{
    private static readonly ModelParameters P = new();

    [Fact]
    public void Should_Cut_Doses_Weaker_And_Leave_Demand_Unserved_When_Supply_Is_Scarce()
    {
        var r = RetailMarket.Clear(availableMg: 1_000, demandDoses: 10_000, P);
        Assert.Equal(P.MinPotencyMg, r.PotencyMg);
        Assert.True(r.ServedShare < 1);
        Assert.Equal(1_000, r.SoldMg, 9);
    }

    [Fact]
    public void Should_Sell_Stronger_Doses_When_Supply_Is_Abundant_And_Keep_The_Rest()
    {
        var r = RetailMarket.Clear(availableMg: 1e9, demandDoses: 1_000, P);
        Assert.Equal(P.MaxPotencyMg, r.PotencyMg);
        Assert.Equal(1, r.ServedShare, 12);
        Assert.Equal(1_000 * P.MaxPotencyMg, r.SoldMg, 6);
        Assert.Equal(1_000 * P.PricePerDoseUsd, r.RevenueUsd, 6);
    }

    [Fact]
    public void Should_Sell_Nothing_Without_Demand_Or_Supply()
    {
        Assert.Equal(0, RetailMarket.Clear(0, 100, P).SoldMg);
        Assert.Equal(0, RetailMarket.Clear(100, 0, P).SoldMg);
    }
}

public class OverdoseHazardTests
{
    private static readonly ModelParameters P = new();

    [Fact]
    public void Should_Rise_With_Potency()
    {
        var weak = new OverdoseHazard(P, 0.5, 1, 0).Oud(false);
        var strong = new OverdoseHazard(P, 3, 1, 0).Oud(false);
        Assert.True(strong > weak * 5, $"{strong} vs {weak}");
    }

    [Fact]
    public void Should_Rise_With_Stimulant_Co_Use_And_Fall_With_Naloxone_And_Treatment()
    {
        var h = new OverdoseHazard(P, 1.5, 1, 0);
        Assert.Equal(h.Oud(false) * P.StimulantHazardMultiplier, h.Oud(true), 12);
        Assert.True(h.Moud(false) < h.Oud(false));
        Assert.True(new OverdoseHazard(P, 1.5, 1, 0.8).Oud(false) < h.Oud(false));
    }

    [Fact]
    public void Should_Be_Zero_When_No_Drug_Was_Bought()
        => Assert.Equal(0, new OverdoseHazard(P, 1.5, 0, 0).Oud(true));
}

public class CounterRngTests
{
    [Fact]
    public void Should_Return_The_Same_Draw_For_The_Same_Key_And_A_Different_One_Otherwise()
    {
        var a = CounterRng.Uniform(42, CounterRng.Stream.BrokerChoice, 7, 3);
        Assert.Equal(a, CounterRng.Uniform(42, CounterRng.Stream.BrokerChoice, 7, 3));
        Assert.NotEqual(a, CounterRng.Uniform(42, CounterRng.Stream.BrokerChoice, 7, 4));
        Assert.NotEqual(a, CounterRng.Uniform(42, CounterRng.Stream.BrokerChoice, 8, 3));
        Assert.NotEqual(a, CounterRng.Uniform(43, CounterRng.Stream.BrokerChoice, 7, 3));
        Assert.NotEqual(a, CounterRng.Uniform(42, CounterRng.Stream.LabRaid, 7, 3));
    }

    [Fact]
    public void Should_Be_Uniform_Enough_For_Bernoulli_Draws()
    {
        const int n = 200_000;
        var key = CounterRng.TickKey(1, CounterRng.Stream.PersonTransition, 0, 5);
        var hits = 0;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var u = CounterRng.UniformAt(key, i);
            Assert.InRange(u, 0, 1 - double.Epsilon);
            sum += u;
            if (u < 0.01) hits++;
        }
        Assert.InRange(sum / n, 0.497, 0.503);
        Assert.InRange(hits, 1_800, 2_200); // 2000 expected, sd about 44
    }
}

public class IndexTests
{
    [Fact]
    public void Should_Measure_Total_Variation_Distance_Between_Mixes()
    {
        Assert.Equal(0, MetricsComputer.TotalVariation([2, 2], [1, 1]), 12);
        Assert.Equal(1, MetricsComputer.TotalVariation([0, 5], [3, 0]), 12);
        Assert.Equal(0.5, MetricsComputer.TotalVariation([1, 1], [1, 0]), 12);
        Assert.True(double.IsNaN(MetricsComputer.TotalVariation([0, 0], [1, 0])));
    }
}
