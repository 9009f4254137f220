using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>--vary ranges and the scenario file's sweep: block describe the same grid; mistakes are one clear sentence.</summary>
public class SweepDefinitionTests
{
    [Fact]
    public void Should_Step_Numbers_Without_Rounding_Noise_And_Include_The_End()
    {
        Assert.Equal(["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"], SweepAxis.Parse("a.b=0:1:0.1").Values);
        Assert.Equal(["200000000", "150000000", "100000000"], SweepAxis.Parse("x=2e8:1e8:-5e7").Values);
        Assert.Equal(["5", "10", "20"], SweepAxis.Parse("parameters.penalty-multiple=5,10,20").Values);
    }

    [Fact]
    public void Should_Split_Path_And_Values_At_The_Equals_Sign_Outside_An_Item_Selection()
    {
        var axis = SweepAxis.Parse("world.trust[between=US+CN].initial=0.3,0.6");
        Assert.Equal("world.trust[between=US+CN].initial", axis.Path);
        Assert.Equal(["0.3", "0.6"], axis.Values);
    }

    [Fact]
    public void Should_Step_Dates_In_Months()
    {
        var axis = SweepAxis.Parse("interventions[2].date=2018-01:2020-01:6");
        Assert.True(axis.IsDate);
        Assert.Equal(["2018-01", "2018-07", "2019-01", "2019-07", "2020-01"], axis.Values);
        Assert.Equal(2018.5, axis.X(1));
    }

    [Theory]
    [InlineData("a.b", "write PATH=FROM:TO:STEP (or PATH=V1,V2,...), e.g. actors.agencies[0].budget-usd-per-month=0:2e8:5e7")]
    [InlineData("a=0:1:0", "STEP is 0; give a step that moves from 0 to 1")]
    [InlineData("a=0:1:-0.5", "STEP -0.5 moves away from TO (0 to 1); use a positive step")]
    [InlineData("a=0:x:1", "TO 'x' is not a number (or a month written YYYY-MM)")]
    [InlineData("a=2018-01:5:1", "FROM '2018-01' and TO '5' must both be months (YYYY-MM) or both numbers")]
    [InlineData("a=2018-01:2019-01:1.5", "STEP '1.5' must be a whole number of months for a date range")]
    [InlineData("a=0:1e6:1", "0 to 1e6 by 1 makes 1000001 values; at most 1000")]
    [InlineData("a=0:1:2:3", "'0:1:2:3' is neither FROM:TO:STEP nor a list V1,V2,...")]
    public void Should_Reject_A_Bad_Range_In_One_Sentence(string text, string message)
        => Assert.Equal(message, Assert.Throws<SweepRangeException>(() => SweepAxis.Parse(text)).Message);

    [Fact]
    public void Should_Make_A_Grid_With_The_First_Axis_Changing_Fastest()
    {
        var sweep = SweepDefinition.Of([SweepAxis.Parse("a=1:3:1"), SweepAxis.Parse("b=10,20")]);
        Assert.Equal(6, sweep.Points);
        Assert.Equal([new SettingOverride("a", "2"), new SettingOverride("b", "20")], sweep.Overrides(4));
        Assert.Equal("a is varied twice", Assert.Throws<SweepRangeException>(() => SweepDefinition.Of([SweepAxis.Parse("a=1:3:1"), SweepAxis.Parse("a=1,2")])).Message);
    }

    [Fact]
    public void Should_Read_The_Sweep_Block_And_Leave_It_Out_Of_The_World()
    {
        var file = Repo.Path("tests", "Scenarios", "tiny.yaml");
        var sweep = SweepDefinition.FromFile(file)!;
        Assert.Equal(2, sweep.Replicates);
        Assert.Equal("interventions[2].budget-usd-per-month", sweep.Axes[0].Path);
        Assert.Equal(["50000000", "100000000", "150000000"], sweep.Axes[0].Values);
        Assert.Equal(24, ScenarioLoader.Load(file).Spec.Ticks);
    }

    [Theory]
    [InlineData("vary: []", "sweep.vary needs at least one setting to vary")]
    [InlineData("vary: [{ path: \"actors.agencies[3].budget-usd-per-month\", from: 1, to: 2, step: 1 }]", "sweep.vary[0].path actors.agencies[3].budget-usd-per-month: actors.agencies has 1 item(s) (0 to 0), so there is no [3]")]
    [InlineData("vary: [{ path: \"interventions[0].date\", from: 1, to: 2, step: 1 }]", "sweep.vary[0]: interventions[0].date holds the month 2017-06; vary it with months, e.g. 2018-01:2020-01:6 (step in months)")]
    [InlineData("vary: [{ path: seed, from: 1, to: 2 }]", "sweep.vary[0] needs the key 'step'")]
    [InlineData("vary: [{ path: seed, to: 2 }]", "sweep.vary[0] needs either 'from', 'to' and 'step', or 'values'")]
    [InlineData("vary: [{ path: seed, values: [1], stpe: 1 }]", "unknown key 'stpe' in sweep.vary[0]; allowed keys: from, path, values")]
    [InlineData("repeats: 3", "unknown key 'repeats' in sweep; allowed keys: replicates, vary")]
    public void Should_Reject_A_Bad_Sweep_Block_At_Its_Line(string block, string problem)
    {
        var tiny = ScenarioDocument.Load(Repo.Path("tests", "Scenarios", "tiny.yaml"))
            .SetYaml("sweep", block + (block.StartsWith("vary") ? "" : "\nvary: [{ path: seed, values: [1] }]"));
        var e = Assert.Throws<ScenarioException>(() => tiny.Compile());
        Assert.Equal(problem, e.Problem);
        Assert.True(e.Line >= tiny.Locate("sweep").Line, $"line {e.Line} is not in the sweep block");
    }
}
