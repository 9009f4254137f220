using SupplySim.Model.Metrics;
using Xunit;

namespace SupplySim.Model.Tests.Rules;

/// <summary>The displacement ratio of docs/model.md#metrics: flow gained elsewhere over flow lost where the lever acted.</summary>
public class DisplacementRatioTests
{
    [Fact]
    public void Should_Be_One_When_Every_Kg_Lost_Reappears_Elsewhere() => Assert.Equal(1, MetricsComputer.DisplacementRatio([20, 80, 0], [100, 0, 0]), 12);

    [Fact]
    public void Should_Be_A_Fraction_When_Only_Part_Reappears() => Assert.Equal(0.25, MetricsComputer.DisplacementRatio([20, 10, 10], [100, 0, 0]), 12);

    [Fact]
    public void Should_Be_Undefined_When_Nothing_Was_Lost() => Assert.True(double.IsNaN(MetricsComputer.DisplacementRatio([100, 5, 0], [100, 0, 0])));
}
