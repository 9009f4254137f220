using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>Overrides act on the YAML before compiling, so a varied value passes exactly the checks of a value written in the file.</summary>
public class ScenarioOverridesTests
{
    private static readonly string Quickstart = File.ReadAllText(Repo.Scenario("quickstart.yaml"));

    private static Scenario Parse(params (string Path, string Value)[] overrides)
        => ScenarioLoader.Parse(Quickstart, "q.yaml", overrides: overrides.Select(o => new SettingOverride(o.Path, o.Value)).ToArray());

    [Fact]
    public void Should_Override_A_Written_Number_A_Date_And_A_Parameter_Left_To_Its_Default()
    {
        var s = Parse(("actors.agencies[2].budget-usd-per-month", "3e8"), ("interventions[2].date", "2020-01"), ("parameters.penalty-multiple", "7.5"),
            ("actors.suppliers[1].kyc-share", "0.25")).Spec;
        Assert.Equal(3e8, s.Agencies[2].BudgetUsdPerMonth);
        Assert.Equal(36, s.Interventions[2].Tick);
        Assert.Equal(7.5, s.Parameters.PenaltyMultiple);
        Assert.Equal(0.25, s.Suppliers[1].KycShare);
        Assert.Equal(20, Parse().Spec.Parameters.PenaltyMultiple);
    }

    [Fact]
    public void Should_Reject_An_Overridden_Value_With_The_Loaders_Own_Message_At_The_Keys_Line()
    {
        var e = Assert.Throws<ScenarioException>(() => Parse(("actors.suppliers[0].kyc-share", "1.5")));
        Assert.Equal("actors.suppliers[0].kyc-share is 1.5; allowed: a share between 0 and 1", e.Problem);
        Assert.Equal(Quickstart[..Quickstart.IndexOf("kyc-share: 0.1,", StringComparison.Ordinal)].Count(c => c == '\n') + 1, e.Line);
    }

    [Theory]
    [InlineData("actors.agencies[9].budget-usd-per-month", "actors.agencies[9].budget-usd-per-month: actors.agencies has 4 item(s) (0 to 3), so there is no [9]")]
    [InlineData("actors", "actors: is a mapping (keys: suppliers, brokers, labs, launderers, agencies, populations); give the path of one number or date in it")]
    [InlineData("name", "name: holds 'quickstart', which is neither a number nor a month (YYYY-MM); only numbers and dates can be varied")]
    [InlineData("actorz.agencies[0].budget", "actorz.agencies[0].budget: the file has no key 'actorz'; keys there: name, question, start, end, seed, world, actors, interventions")]
    [InlineData("actors.agencies.budget", "actors.agencies.budget: actors.agencies is a list of 4 item(s); add [N] to pick one, so it has no key 'budget'")]
    [InlineData("actors..x", "actors..x: '' is not a key; write keys joined by '.', with [N] for a list item, e.g. actors.agencies[0].budget-usd-per-month")]
    public void Should_Name_The_Path_And_What_Exists_There_When_It_Does_Not_Address_A_Number(string path, string message)
    {
        var e = Assert.Throws<SettingPathException>(() => ScenarioOverrides.Inspect(Repo.Scenario("quickstart.yaml"), path));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Should_Let_The_Loader_Name_The_Allowed_Keys_For_A_Misspelt_Last_Key()
    {
        Assert.Null(ScenarioOverrides.Inspect(Repo.Scenario("quickstart.yaml"), "parameters.penalty-multipel").Current);
        var e = Assert.Throws<ScenarioException>(() => Parse(("parameters.penalty-multipel", "3")));
        Assert.StartsWith("unknown parameter 'penalty-multipel'; allowed: ", e.Problem);
    }

    [Fact]
    public void Should_Tell_A_Date_From_A_Number()
    {
        Assert.True(ScenarioOverrides.Inspect(Repo.Scenario("quickstart.yaml"), "interventions[0].date").IsDate);
        Assert.Equal("20000000", ScenarioOverrides.Inspect(Repo.Scenario("quickstart.yaml"), "actors.agencies[0].budget-usd-per-month").Current);
    }
}
