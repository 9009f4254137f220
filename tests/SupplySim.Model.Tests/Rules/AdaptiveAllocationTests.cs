using SupplySim.Model.Engine;
using SupplySim.Model.Rules;
using SupplySim.Model.World;
using Xunit;
using static SupplySim.Model.Tests.BaselineWorld;

namespace SupplySim.Model.Tests.Rules;

/// <summary>
/// Adaptive allocation (Rules/AdaptiveAllocation.cs): an agency learns within its mandate. Budget moves toward the
/// stage whose spend would seize more per USD, the total stays what the scenario gave it, and a stage the mandate
/// leaves at 0 is never funded. The return is marginal, so it falls as a stage is funded (L904-L906).
/// </summary>
public class AdaptiveAllocationTests
{
    private static readonly Layout Layout = new(Baseline);
    private static readonly AgencySpec CnMps = Baseline.Agencies.Single(a => a.Id == "CN-MPS");
    private static int Cn => Array.FindIndex(Baseline.Jurisdictions, j => j.Id == "CN");

    /// <summary>Signals where CN's brokers yielded ten times the value per point of pressure that its suppliers did.</summary>
    private static TickSignals BrokersPayMore()
    {
        var signals = new TickSignals(Layout);
        foreach (var stage in Enum.GetValues<Stage>())
        {
            signals.Pressure[Cn, stage] = 0.1;
            signals.ExposedValueUsd[Cn, stage] = 1e6;
        }
        signals.ExposedValueUsd[Cn, Stage.Broker] = 1e7;
        signals.ExposedValueUsd[Cn, Stage.Retail] = 1e9; // outside CN-MPS's mandate: must stay unfunded
        return signals;
    }

    [Fact]
    public void Should_Shift_Share_Toward_The_Stage_That_Seized_More_Per_Usd_Keeping_The_Total_And_The_Mandate()
    {
        // Given CN-MPS's scripted allocation and signals in which broker spend seized ten times more per USD
        var signals = BrokersPayMore();
        var allocation = CnMps.Allocation.ToArray();
        var budget = CnMps.BudgetUsdPerMonth;
        var returns = Enum.GetValues<Stage>().Select(s => AdaptiveAllocation.MarginalReturn(CnMps, s, budget * allocation[(int)s], signals, Layout)).ToArray();
        Assert.True(returns[(int)Stage.Broker] > returns[(int)Stage.Supplier], $"broker {returns[(int)Stage.Broker]} vs supplier {returns[(int)Stage.Supplier]}");

        // When the agency adapts at rate 0.05 for one month
        AdaptiveAllocation.Update(allocation, returns, 0.05);

        // Then the broker share rises, the supplier share falls, the total stays 1 and retail stays unfunded
        Assert.True(allocation[(int)Stage.Broker] > CnMps.Allocation[(int)Stage.Broker], $"broker {allocation[(int)Stage.Broker]}");
        Assert.True(allocation[(int)Stage.Supplier] < CnMps.Allocation[(int)Stage.Supplier], $"supplier {allocation[(int)Stage.Supplier]}");
        Assert.Equal(CnMps.Allocation.Sum(), allocation.Sum(), 12);
        Assert.Equal(0, allocation[(int)Stage.Retail]);
        // A stage loses at most the rate of its share in a month.
        Assert.True(allocation[(int)Stage.Supplier] >= CnMps.Allocation[(int)Stage.Supplier] * 0.95 - 1e-12);
    }

    [Fact]
    public void Should_Keep_A_Total_Below_One_And_Move_Nothing_When_Nothing_Was_Seized()
    {
        double[] allocation = [0.2, 0, 0.4, 0, 0, 0.1];
        AdaptiveAllocation.Update(allocation, [1, 5, 3, 0, 9, 0], 0.5);
        Assert.Equal(0.7, allocation.Sum(), 12);
        Assert.Equal(0, allocation[1]);
        Assert.Equal(0, allocation[4]);
        Assert.True(allocation[2] > 0.4 && allocation[0] < 0.2 && allocation[5] < 0.1);
        double[] still = [0.2, 0, 0.4, 0, 0, 0.1];
        AdaptiveAllocation.Update(still, [0, 0, 0, 0, 0, 0], 0.5);
        Assert.Equal([0.2, 0, 0.4, 0, 0, 0.1], still);
    }

    [Fact]
    public void Should_Return_Less_For_Each_Extra_Dollar_At_A_Stage()
    {
        // Concave detection (L904-L906): a stage's marginal return falls as it is funded, so budget stops flowing once returns equalise.
        var signals = BrokersPayMore();
        var returns = new[] { 1e6, 4e6, 16e6, 64e6 }.Select(x => AdaptiveAllocation.MarginalReturn(CnMps, Stage.Broker, x, signals, Layout)).ToArray();
        for (var k = 1; k < returns.Length; k++) Assert.True(returns[k] < returns[k - 1], $"return at step {k}: {returns[k]} not below {returns[k - 1]}");
    }
}
