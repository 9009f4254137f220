using SupplySim.Model.Engine;
using SupplySim.Model.Rules;
using SupplySim.Model.World;
using Xunit;
using static SupplySim.Model.Tests.BaselineWorld;

namespace SupplySim.Model.Tests.Rules;

/// <summary>
/// Launderer capacity and latent methods (Rules/Laundering.cs; report L425, L443-L444): the congestion factor labs put on a
/// group's risk-adjusted fee is the BPR volume-delay curve of last month's utilisation, exactly 1 for a group without load, so
/// runs without capacities do not move; a latent group opens once the run's seized USD reaches its threshold and never before.
/// </summary>
public class LaunderingCapacityRuleTests
{

    [Fact]
    public void Should_Price_Congestion_On_The_Bpr_Curve_Of_Utilisation()
    {
        // Exactly free flow without load, 15% at capacity, 1 + 0.15 * 16 at twice capacity.
        Assert.Equal(1.0, Laundering.Congestion(0));
        Assert.Equal(1.0 + 0.15 * Math.Pow(0.5, 4), Laundering.Congestion(0.5), 15);
        Assert.Equal(1.15, Laundering.Congestion(1), 15);
        Assert.Equal(3.4, Laundering.Congestion(2), 12);
        // Flat well below capacity, steep above it, and rising throughout.
        Assert.True(Laundering.Congestion(0.5) < 1.01);
        var last = 1.0;
        for (var u = 0.1; u < 4; u += 0.1)
        {
            var c = Laundering.Congestion(u);
            Assert.True(c > last, $"congestion fell at utilisation {u}");
            last = c;
        }
    }

    [Fact]
    public void Should_Open_A_Latent_Method_Only_Once_Seizures_Reach_Its_Threshold()
    {
        Assert.False(Laundering.Emerges(5e8, 0));
        Assert.False(Laundering.Emerges(5e8, 4.999e8));
        Assert.True(Laundering.Emerges(5e8, 5e8));
        Assert.True(Laundering.Emerges(5e8, 7e8));
        // A group that is not latent is open whatever was seized.
        Assert.True(Laundering.Emerges(0, 0));
    }

    [Fact]
    public void Should_Leave_Every_Baseline_Group_Open_And_Unloaded_On_The_Initial_Blackboard()
    {
        var signals = InitialSignals.Build(new Layout(Baseline));
        for (var g = 0; g < Baseline.Launderers.Length; g++)
        {
            Assert.False(Baseline.Launderers[g].HasCapacity);
            Assert.True(signals.LaunderingOpen(g));
            Assert.Equal(0.0, signals.LaunderingLoad[g]);
        }
        var latent = Baseline with { Launderers = [.. Baseline.Launderers, Baseline.Launderers[0] with { EmergesAfterSeizedUsd = 1e8 }] };
        var withLatent = InitialSignals.Build(new Layout(latent));
        Assert.False(withLatent.LaunderingOpen(latent.Launderers.Length - 1));
        Assert.True(withLatent.LaunderingOpen(0));
    }
}
