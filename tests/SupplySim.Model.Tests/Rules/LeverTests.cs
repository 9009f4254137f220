using SupplySim.Model.Engine;
using SupplySim.Model.Rules;
using SupplySim.Model.World;
using Xunit;
using static SupplySim.Model.Tests.BaselineWorld;

namespace SupplySim.Model.Tests.Rules;

/// <summary>Levers and trust on the run's blackboard (Engine/LeverBoard.cs).</summary>
public class LeverTests
{

    private static SetLever Lever(Lever lever, string j, double value, int ramp = 0, string? partner = null)
        => new(0, "test", lever, [J(j)], value, ramp, partner is null ? -1 : C(partner));

    private static (LeverBoard Board, TickSignals Signals) Board()
    {
        var layout = new Layout(Baseline);
        return (new LeverBoard(Baseline), new TickSignals(layout));
    }

    [Fact]
    public void Should_Ramp_A_Lever_Linearly_To_Its_Target()
    {
        var (board, signals) = Board();
        board.Apply(Lever(World.Lever.TreatmentCapacity, "US-NE", 0.065, ramp: 4));
        var seen = new List<double>();
        for (var t = 0; t < 5; t++)
        {
            board.Advance(Baseline.Parameters);
            board.Publish(signals);
            seen.Add(signals.LeverValue(World.Lever.TreatmentCapacity, J("US-NE")));
        }
        Assert.Equal([0.035, 0.045, 0.055, 0.065, 0.065], seen.Select(x => Math.Round(x, 6)));
    }

    [Fact]
    public void Should_Decay_Kyc_Quality_Without_Retraining_And_Keep_It_With()
    {
        var (board, signals) = Board();
        board.Apply(Lever(World.Lever.KycQuality, "CN", 0.8));
        for (var t = 0; t < 12; t++) board.Advance(Baseline.Parameters);
        board.Publish(signals);
        Assert.Equal(0.8 * Math.Pow(1 - Baseline.Parameters.KycQualityDecay, 12), signals.LeverValue(World.Lever.KycQuality, J("CN")), 9);

        var (kept, keptSignals) = Board();
        kept.Apply(Lever(World.Lever.KycQuality, "CN", 0.8));
        kept.Apply(Lever(World.Lever.KycRetraining, "CN", 1));
        for (var t = 0; t < 12; t++) kept.Advance(Baseline.Parameters);
        kept.Publish(keptSignals);
        Assert.Equal(0.8, keptSignals.LeverValue(World.Lever.KycQuality, J("CN")), 12);
    }

    [Fact]
    public void Should_Gate_Cooperation_By_Trust_Which_Falls_With_Shocks_And_Recovers_Slowly()
    {
        var (board, signals) = Board();
        board.Apply(Lever(World.Lever.AmlCooperation, "CN", 1, partner: "US"));
        board.Publish(signals);
        var initial = signals.Trust(C("US"), C("CN"));
        Assert.Equal(0.5, initial, 12);
        Assert.Equal(initial, signals.LeverValue(World.Lever.AmlCooperation, J("CN")), 12);

        board.Apply(new TrustShock(0, "shock", C("US"), C("CN"), 0.3));
        board.Publish(signals);
        Assert.Equal(0.2, signals.Trust(C("US"), C("CN")), 12);
        for (var t = 0; t < 12; t++) board.Advance(Baseline.Parameters);
        board.Publish(signals);
        var afterYear = signals.Trust(C("US"), C("CN"));
        Assert.InRange(afterYear, 0.2, 0.3); // slow: a year recovers only a little of the 0.3 lost

        board.Apply(new SuspendCooperation(0, "suspend", C("US"), C("CN")));
        board.Publish(signals);
        Assert.Equal(0, signals.LeverValue(World.Lever.AmlCooperation, J("CN")));
        board.Apply(new ResumeCooperation(0, "resume", C("US"), C("CN")));
        board.Publish(signals);
        Assert.Equal(afterYear, signals.LeverValue(World.Lever.AmlCooperation, J("CN")), 12);
    }

    [Fact]
    public void Should_Gate_The_Trilateral_Mechanism_By_The_Weakest_Of_Its_Three_Pairs()
    {
        var (board, signals) = Board();
        var item = new Trilateral(0, "trilateral", [J("CN"), J("MX"), J("US-NE")], 1, 0, C("US"), C("CN"), C("MX"));
        board.Apply(item);
        board.Publish(signals);
        // Baseline trust: US-CN 0.5, US-MX 0.6, CN-MX 0.4: the mechanism is as strong as CN-MX.
        Assert.Equal(0.4, signals.LeverValue(World.Lever.Trilateral, J("CN")), 12);
        Assert.Equal(0.4, signals.Intelligence(J("CN")), 12);
        Assert.Equal(0, signals.LeverValue(World.Lever.Trilateral, J("IN")));
        // A shock to US-MX trust, aimed at Mexico, weakens what China can act on (L166).
        board.Apply(new TrustShock(0, "tariff on MX", C("US"), C("MX"), 0.3));
        board.Publish(signals);
        Assert.Equal(0.3, signals.LeverValue(World.Lever.Trilateral, J("CN")), 12);
        // Bilateral sharing and the mechanism are channels for the same intelligence: the stronger one counts.
        board.Apply(Lever(World.Lever.IntelligenceSharing, "CN", 1, partner: "US"));
        board.Publish(signals);
        Assert.Equal(0.5, signals.Intelligence(J("CN")), 12);
        board.Apply(new SuspendCooperation(0, "suspend", C("US"), C("CN")));
        board.Publish(signals);
        Assert.Equal(0, signals.Intelligence(J("CN")));
    }

    [Fact]
    public void Should_Expose_Bank_Touching_Laundering_To_Aml_Cooperation_And_Not_Wildlife_Barter()
    {
        var layout = new Layout(Baseline);
        var signals = new TickSignals(layout);
        var mx = J("MX");
        signals.Pressure[mx, Stage.Money] = 0.05;
        var mirror = new LaundererGroupSpec(mx, LaunderingMethod.Mirror, 1, 0.05, 0.5);
        var barter = new LaundererGroupSpec(mx, LaunderingMethod.WildlifeBarter, 1, 0.05, 0.5);
        var before = (Laundering.SeizureShare(signals, Baseline.Parameters, mirror, 0), Laundering.SeizureShare(signals, Baseline.Parameters, barter, 1));
        signals.SetLeverValue(World.Lever.AmlCooperation, mx, 1);
        Assert.True(Laundering.SeizureShare(signals, Baseline.Parameters, mirror, 0) > 3 * before.Item1);
        Assert.Equal(before.Item2, Laundering.SeizureShare(signals, Baseline.Parameters, barter, 1));
        Assert.True(Laundering.TouchesBanks(LaunderingMethod.Mirror) && !Laundering.TouchesBanks(LaunderingMethod.Crypto));
    }

    [Fact]
    public void Should_Scale_Route_Detection_By_The_Border_Lever_At_Both_Ends()
    {
        var layout = new Layout(Baseline);
        var signals = new TickSignals(layout);
        new LeverBoard(Baseline).Publish(signals);
        signals.Pressure[J("CN"), Stage.Route] = 0.1;
        signals.Pressure[J("US-S"), Stage.Route] = 0.2;
        Assert.Equal(1 - 0.9 * 0.8, RoutePressure.Between(signals, J("CN"), J("US-S")), 12);
        signals.SetLeverValue(World.Lever.RouteMultiplier, J("CN"), 2);
        Assert.Equal(1 - 0.8 * 0.8, RoutePressure.Between(signals, J("CN"), J("US-S")), 12);
    }

    [Fact]
    public void Should_Treat_A_Legal_Basis_As_Making_Unscheduled_Sales_Prosecutable()
    {
        var layout = new Layout(Baseline);
        var signals = InitialSignals.Build(layout);
        var fourAp = Array.FindIndex(Baseline.Substances, s => s.Id == "4-ap");
        Assert.Equal(0, signals.Illegality(J("CN"), fourAp));
        signals.SetLeverValue(World.Lever.LegalBasis, J("CN"), 0.7);
        Assert.Equal(0.7, signals.Illegality(J("CN"), fourAp));
        signals.SetScheduled(J("CN"), fourAp, true);
        Assert.Equal(1, signals.Illegality(J("CN"), fourAp));
    }
}
