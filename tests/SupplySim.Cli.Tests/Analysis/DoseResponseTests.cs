using SupplySim.Experiments.Analysis;
using Xunit;

namespace SupplySim.Cli.Tests.Analysis;

/// <summary>Where returns diminish: the first step whose marginal effect (per unit of the setting) is below half the first step's.</summary>
public class DoseResponseTests
{
    private static double[] Slopes(Func<double, double> f, double[] xs)
        => Enumerable.Range(1, xs.Length - 1).Select(i => (f(xs[i]) - f(xs[i - 1])) / (xs[i] - xs[i - 1])).ToArray();

    private static double[] Range(double from, double to, double step)
        => Enumerable.Range(0, (int)Math.Round((to - from) / step) + 1).Select(k => from + k * step).ToArray();

    [Fact]
    public void Should_Find_The_Step_Where_A_Concave_Effect_Falls_Below_Half_Its_First_Step()
    {
        // Given deaths averted = 100 (1 - e^-x) for x = 0, 0.25, ..., 3: step k's effect is e^(-0.25 (k-1)) of the first's,
        // below one half once 0.25 (k-1) > ln 2, i.e. from step 4 (x 0.75 to 1).
        var slopes = Slopes(x => 100 * (1 - Math.Exp(-x)), Range(0, 3, 0.25));
        Assert.Equal(4, DoseResponse.DiminishingStep(slopes));
    }

    [Fact]
    public void Should_Find_It_For_Falling_Outcomes_Too()
    {
        // Deaths = 1000 - 100 sqrt(x), x = 1..9: step k removes 100 (sqrt(k+1) - sqrt(k)); the first removes 41.4, step 5
        // (x 5 to 6) 21.3 (just above half) and step 6 (x 6 to 7) 19.6 (below).
        var slopes = Slopes(x => 1000 - 100 * Math.Sqrt(x), Range(1, 9, 1));
        Assert.Equal(6, DoseResponse.DiminishingStep(slopes));
    }

    [Fact]
    public void Should_Compare_Slopes_When_Steps_Are_Unequal()
    {
        double[] xs = [0, 1, 3, 4]; // a linear effect over unequal steps never diminishes
        Assert.Null(DoseResponse.DiminishingStep(Slopes(x => 5 * x, xs)));
    }

    [Fact]
    public void Should_Not_Find_Diminishing_Returns_In_A_Linear_Effect_Or_Without_A_First_Effect()
    {
        Assert.Null(DoseResponse.DiminishingStep(Slopes(x => 3 * x + 1, Range(0, 10, 1))));
        Assert.Null(DoseResponse.DiminishingStep([0, 5, 5]));
        Assert.Null(DoseResponse.DiminishingStep([7]));
    }

    [Fact]
    public void Should_Count_A_Reversal_As_Diminishing()
    {
        Assert.Equal(3, DoseResponse.DiminishingStep([-10, -8, +2, -9]));
    }
}
