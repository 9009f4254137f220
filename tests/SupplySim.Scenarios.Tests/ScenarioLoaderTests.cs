using SupplySim.Model.World;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

public class ScenarioLoaderTests
{
    private static readonly string Quickstart = File.ReadAllText(Repo.Scenario("quickstart.yaml"));

    /// <summary>Replaces the first occurrence of a fragment of the quickstart file, then parses it.</summary>
    private static ScenarioException Broken(string find, string replace)
    {
        Assert.Contains(find, Quickstart);
        var idx = Quickstart.IndexOf(find, StringComparison.Ordinal);
        var text = Quickstart[..idx] + replace + Quickstart[(idx + find.Length)..];
        return Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "s.yaml"));
    }

    private static int LineOf(string fragment)
    {
        var idx = Quickstart.IndexOf(fragment, StringComparison.Ordinal);
        return Quickstart[..idx].Count(c => c == '\n') + 1;
    }

    [Fact]
    public void Should_Load_Every_Shipped_Scenario()
    {
        foreach (var file in Directory.GetFiles(Repo.Path("scenarios"), "*.yaml"))
        {
            var s = ScenarioLoader.Load(file);
            Assert.True(s.Spec.Ticks > 0);
            Assert.NotEmpty(s.Spec.Populations);
        }
    }

    [Fact]
    public void Should_Compile_The_Quickstart_World()
    {
        var s = ScenarioLoader.Parse(Quickstart, "q.yaml").Spec;
        Assert.Equal(60, s.Ticks);
        Assert.Equal(7, s.Jurisdictions.Length);
        var classItem = s.Interventions.Single(i => i.Kind == InterventionKind.ScheduleClass);
        Assert.Equal(28, classItem.Tick); // 2019-05 in a run from 2017-01
        Assert.Equal(["fentanyl", "fentanyl-analogue"], classItem.Substances.Select(x => s.Substances[x].Id));
    }

    [Fact]
    public void Should_Reject_An_Unknown_Key_With_Its_Line_Column_And_The_Allowed_Keys()
    {
        var e = Broken("    - { jurisdiction: CN, count: 60, markup: 1.0", "    - { jurisdiction: CN, count: 60, cuont: 1, markup: 1.0");
        Assert.Equal(LineOf("    - { jurisdiction: CN, count: 60, markup"), e.Line);
        var column = "    - { jurisdiction: CN, count: 60, ".Length + 1;
        Assert.Equal(column, e.Column);
        Assert.Contains("unknown key 'cuont' in actors.brokers[0]", e.Message);
        Assert.Contains("allowed keys: count, disguise-skill, jurisdiction, markup", e.Message);
        Assert.StartsWith($"s.yaml:{e.Line}:{column}: ", e.Message);
    }

    [Fact]
    public void Should_Reject_A_Wrong_Type()
    {
        var e = Broken("count: 60, capacity-kg-per-month: 4", "count: sixty, capacity-kg-per-month: 4");
        Assert.Contains("actors.labs[0].count must be a whole number, got 'sixty'", e.Message);
        Assert.Equal(LineOf("count: 60, capacity-kg-per-month: 4"), e.Line);
    }

    [Fact]
    public void Should_Reject_A_Share_Above_One()
    {
        var e = Broken("licit-share: 0.9, kyc-share: 0.1", "licit-share: 0.9, kyc-share: 1.5");
        Assert.Contains("actors.suppliers[0].kyc-share is 1.5; allowed: a share between 0 and 1", e.Message);
    }

    [Fact]
    public void Should_Read_Adaptive_Allocation_As_A_Share_Defaulting_To_Scripted()
    {
        Assert.All(ScenarioLoader.Parse(Quickstart, "s.yaml").Spec.Agencies, a => Assert.Equal(0, a.AdaptiveAllocation));
        const string find = "      max-pressure: 0.3\n      efficiency-per-usd: 0.000005\n";
        var idx = Quickstart.IndexOf(find, StringComparison.Ordinal);
        var text = Quickstart[..idx] + find + "      adaptive-allocation: 0.05\n" + Quickstart[(idx + find.Length)..];
        Assert.Equal(0.05, ScenarioLoader.Parse(text, "s.yaml").Spec.Agencies[0].AdaptiveAllocation);
    }

    [Fact]
    public void Should_Reject_An_Adaptive_Allocation_Outside_Zero_To_One()
    {
        var e = Broken("      max-pressure: 0.3\n", "      max-pressure: 0.3\n      adaptive-allocation: 1.2\n");
        Assert.Contains("actors.agencies[0].adaptive-allocation is 1.2; allowed: a share between 0 and 1", e.Message);
        Assert.Single(e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Should_Reject_An_Intervention_Dated_Outside_The_Run()
    {
        var e = Broken("date: 2019-05, jurisdiction: CN, class", "date: 2023-05, jurisdiction: CN, class");
        Assert.Contains("interventions[2].date 2023-05 is outside the run; allowed: 2017-01 to 2021-12", e.Message);
        Assert.Equal(LineOf("date: 2019-05, jurisdiction: CN, class"), e.Line);
    }

    [Fact]
    public void Should_Reject_Unknown_References_Naming_What_Exists()
    {
        var e = Broken("class: fentanyl-related, label", "class: fentanyl-relatd, label");
        Assert.Contains("unknown class 'fentanyl-relatd'; allowed: fentanyl-related, fentanyl-precursor", e.Message);
        var j = Broken("{ jurisdiction: CN, method: mirror", "{ jurisdiction: XX, method: mirror");
        Assert.Contains("unknown jurisdiction 'XX'; allowed: CN, IN, MX", j.Message);
    }

    [Fact]
    public void Should_Reject_A_Relocation_Reach_Without_Lab_Sites_Or_To_The_Labs_Own_Jurisdiction()
    {
        var none = Broken("{ jurisdiction: MX, count: 60, capacity-kg-per-month: 4, stockpile-months: 3 }", "{ jurisdiction: MX, count: 60, capacity-kg-per-month: 4, stockpile-months: 3, relocate-to: [IN] }");
        Assert.Contains("actors.labs[0].relocate-to names IN, which has no lab group; add one there", none.Message);
        Assert.StartsWith($"s.yaml:{LineOf("{ jurisdiction: MX, count: 60, capacity-kg-per-month: 4")}:", none.Message);
        var own = Broken("{ jurisdiction: MX, count: 60, capacity-kg-per-month: 4, stockpile-months: 3 }", "{ jurisdiction: MX, count: 60, capacity-kg-per-month: 4, stockpile-months: 3, relocate-to: [MX] }");
        Assert.Contains("names MX, the labs' own jurisdiction", own.Message);
        var ok = Quickstart.Replace("{ jurisdiction: MX, count: 60, capacity-kg-per-month: 4, stockpile-months: 3 }", "{ jurisdiction: MX, count: 60, capacity-kg-per-month: 4, stockpile-months: 3, relocate-to: [CN] }", StringComparison.Ordinal);
        Assert.Equal([0], ScenarioLoader.Parse(ok, "s.yaml").Spec.Labs[0].RelocateTo!); // CN is the first jurisdiction
    }

    [Fact]
    public void Should_Reject_A_Closed_Market_Without_Outside_Supply_Or_Mixed_In_One_Region()
    {
        const string pop = "{ region: US-NE, people: 120000, represents: 25,";
        var noSupply = Broken(pop, "{ region: US-NE, supplied-by: outside, people: 120000, represents: 25,");
        Assert.Contains("actors.populations[0]: supplied-by: outside needs outside-supply-kg-per-month above 0", noSupply.Message);
        Assert.StartsWith($"s.yaml:{LineOf(pop)}:", noSupply.Message);
        var bad = Broken(pop, "{ region: US-NE, supplied-by: smugglers, people: 120000, represents: 25,");
        Assert.Contains("actors.populations[0].supplied-by is 'smugglers'; allowed: labs, outside", bad.Message);
        var mixed = Broken("  populations:\n", "  populations:\n    - { region: US-NE, people: 1000, supplied-by: outside, outside-supply-kg-per-month: 5 }\n");
        Assert.Contains("the populations of US-NE differ in supplied-by", mixed.Message);

        var ok = Quickstart.Replace(pop, "{ region: US-NE, supplied-by: outside, outside-supply-kg-per-month: 5, registration-rate: 0.5, nps-share: 0.1, cessation-rate: 0.02, people: 120000, represents: 25,", StringComparison.Ordinal);
        var spec = ScenarioLoader.Parse(ok, "s.yaml").Spec.Populations[0];
        Assert.False(spec.SuppliedByLabs);
        Assert.Equal(5, spec.OutsideSupplyKgPerMonth);
        Assert.True(spec.TracksRegistry);
        Assert.Equal(0.02, spec.CessationRate);
        Assert.Null(spec.InitiationRate);
        Assert.Equal(36, spec.RegisterCleanMonths);
        Assert.True(ScenarioLoader.Parse(Quickstart, "s.yaml").Spec.Populations.All(p => p.SuppliedByLabs && !p.TracksRegistry));
    }

    [Fact]
    public void Should_Take_A_Trilateral_Mechanism_Of_Three_Different_Countries_Only()
    {
        string With(string countries) => Quickstart.TrimEnd() + $"\n  - {{ type: trilateral-mechanism, date: 2018-01, countries: {countries}, intensity: 0.5 }}\n";
        var two = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(With("[US, CN]"), "s.yaml"));
        Assert.Contains(".countries must name three countries, e.g. [US, CN, MX]", two.Message);
        var same = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(With("[US, CN, CN]"), "s.yaml"));
        Assert.Contains("must name three different countries", same.Message);
        var item = ScenarioLoader.Parse(With("[US, CN, MX]"), "s.yaml").Spec.Interventions.Single(i => i.Lever == Lever.Trilateral);
        Assert.Equal(0.5, item.Value);
        Assert.True(item.CountryA >= 0 && item.CountryB >= 0 && item.CountryC >= 0);
        Assert.Equal(6, item.Jurisdictions.Length); // CN, MX and the four US regions, not IN
    }

    [Fact]
    public void Should_Reject_Allocations_Adding_Up_To_More_Than_One()
    {
        var e = Broken("allocation: { retail: 1.0 }", "allocation: { retail: 1.0, money: 0.2 }");
        Assert.Contains("shares add up to 1.2; allowed: a total of at most 1", e.Message);
    }

    [Fact]
    public void Should_Reject_Malformed_Yaml_And_Duplicate_Keys()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("name: x\nstart: [2017-01\n", "m.yaml"));
        Assert.StartsWith("m.yaml:", e.Message);
        Assert.Contains("not valid YAML", e.Message);
        var d = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("name: x\nname: y\n", "d.yaml"));
        Assert.Equal("d.yaml:2:1: key 'name' appears twice in one mapping; keep one", d.Message);
    }

    [Fact]
    public void Should_Reject_A_Missing_Key_And_A_Bad_Date()
    {
        var m = Broken("name: quickstart\n", "");
        Assert.Contains("the file needs the key 'name'", m.Message);
        var d = Broken("start: 2017-01", "start: 2017-13");
        Assert.Contains("start is '2017-13'; allowed: a month written YYYY-MM", d.Message);
    }

    [Fact]
    public void Should_Reject_An_Unknown_Parameter_And_Accept_A_Known_One()
    {
        var ok = ScenarioLoader.Parse(Quickstart + "parameters:\n  penalty-multiple: 7\n", "p.yaml");
        Assert.Equal(7, ok.Spec.Parameters.PenaltyMultiple);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Quickstart + "parameters:\n  penalty-multipel: 7\n", "p.yaml"));
        Assert.Contains("unknown parameter 'penalty-multipel'; allowed:", e.Message);
        Assert.Contains("penalty-multiple", e.Message);
    }

    [Fact]
    public void Should_Report_A_Missing_File_As_A_User_Error()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("no/such/file.yaml"));
        Assert.Equal("no/such/file.yaml:1:1: file not found; give the path of a scenario .yaml file (see `scenarios/`)", e.Message);
    }
}
