using SupplySim.Model.Engine;
using SupplySim.Model.Rules;
using SupplySim.Model.World;
using Xunit;
using static SupplySim.Model.Tests.BaselineWorld;

namespace SupplySim.Model.Tests.Rules;

/// <summary>
/// Launderers' innovation after losses (Rules/Laundering.cs, report L425): the detection-risk multiplier falls in proportion
/// to the seizure share a network suffered, stops at the floor, and does not move without losses; the seizure share labs and
/// launderers see is the starting risk times that multiplier.
/// </summary>
public class LaunderingInnovationRuleTests
{

    [Fact]
    public void Should_Lower_The_Risk_By_Rate_Times_Seizure_Share_Times_Risk()
    {
        // A network at 0.8 of its starting risk that lost 20% last month, innovating at 0.1: 0.8 - 0.1 * 0.2 * 0.8.
        Assert.Equal(0.784, Laundering.Innovate(0.8, 0.1, 0.2, 0.3), 15);
        // Twelve months at a steady 5% loss compound: (1 - 0.1 * 0.05)^12.
        var risk = 1.0;
        for (var t = 0; t < 12; t++) risk = Laundering.Innovate(risk, 0.1, 0.05, 0.3);
        Assert.Equal(Math.Pow(1 - 0.1 * 0.05, 12), risk, 12);
    }

    [Fact]
    public void Should_Never_Fall_Below_The_Floor()
    {
        var risk = 1.0;
        for (var t = 0; t < 200; t++)
        {
            risk = Laundering.Innovate(risk, 0.5, 0.9, 0.3);
            Assert.True(risk >= 0.3, $"risk {risk} below the floor at month {t}");
        }
        Assert.Equal(0.3, risk);
        Assert.Equal(0.3, Laundering.Innovate(0.31, 1, 1, 0.3));
    }

    [Fact]
    public void Should_Not_Innovate_Without_Losses_Or_Without_A_Rate()
    {
        Assert.Equal(0.7, Laundering.Innovate(0.7, 0.1, 0, 0.3));
        Assert.Equal(0.7, Laundering.Innovate(0.7, 0, 0.4, 0.3));
    }

    [Fact]
    public void Should_Scale_The_Seizure_Share_By_The_Groups_Published_Risk()
    {
        var signals = new TickSignals(new Layout(Baseline));
        var mirror = Array.FindIndex(Baseline.Launderers, l => l.Method == LaunderingMethod.Mirror);
        var group = Baseline.Launderers[mirror];
        signals.Pressure[group.Jurisdiction, Stage.Money] = 0.1;
        // A blank blackboard is a multiplier of 1: the starting risk times the pressure.
        Assert.Equal(1.0, signals.LaunderingRisk(mirror));
        Assert.Equal(group.DetectionRisk * 0.1, Laundering.SeizureShare(signals, Baseline.Parameters, group, mirror));
        signals.SetLaunderingRisk(mirror, 0.5);
        Assert.Equal(group.DetectionRisk * 0.5 * 0.1, Laundering.SeizureShare(signals, Baseline.Parameters, group, mirror), 15);
        // Only that group's risk moved.
        var other = mirror == 0 ? 1 : 0;
        Assert.Equal(1.0, signals.LaunderingRisk(other));
    }
}
