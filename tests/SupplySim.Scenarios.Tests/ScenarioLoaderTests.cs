using SupplySim.Model.World;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

public class ScenarioLoaderTests
{
    private static readonly string Quickstart = File.ReadAllText(Repo.Scenario("quickstart.yaml"));

    /// <summary>The quickstart world to edit by path, named s.yaml in errors.</summary>
    private static ScenarioDocument Edit() => ScenarioDocument.Parse(Quickstart, "s.yaml");

    private static ScenarioException Broken(ScenarioDocument edited) => Assert.Throws<ScenarioException>(() => edited.Compile());

    private static ScenarioException Broken(Func<ScenarioDocument, ScenarioDocument> edit) => Broken(edit(Edit()));

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
        var classItem = s.Interventions.OfType<ScheduleClass>().Single();
        Assert.Equal(28, classItem.Tick); // 2019-05 in a run from 2017-01
        Assert.Equal(["fentanyl", "fentanyl-analogue"], classItem.Substances.Select(x => s.Substances[x].Id));
    }

    [Fact]
    public void Should_Reject_An_Unknown_Key_With_Its_Line_Column_And_The_Allowed_Keys()
    {
        var edited = Edit().Set("actors.brokers[0].cuont", 1);
        var e = Broken(edited);
        var (line, column) = edited.LocateKey("actors.brokers[0].cuont");
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains("unknown key 'cuont' in actors.brokers[0]", e.Message);
        Assert.Contains("allowed keys: count, disguise-skill, jurisdiction, markup", e.Message);
        Assert.StartsWith($"s.yaml:{e.Line}:{column}: ", e.Message);
    }

    [Fact]
    public void Should_Reject_A_Wrong_Type()
    {
        var edited = Edit().Set("actors.labs[0].count", "sixty");
        var e = Broken(edited);
        Assert.Contains("actors.labs[0].count must be a whole number, got 'sixty'", e.Message);
        Assert.Equal(edited.Locate("actors.labs[0].count"), ((int)e.Line, (int)e.Column));
    }

    [Fact]
    public void Should_Reject_A_Share_Above_One()
    {
        var e = Broken(d => d.Set("actors.suppliers[0].kyc-share", 1.5));
        Assert.Contains("actors.suppliers[0].kyc-share is 1.5; allowed: a share between 0 and 1", e.Message);
    }

    [Fact]
    public void Should_Read_Adaptive_Allocation_As_A_Share_Defaulting_To_Scripted()
    {
        Assert.All(ScenarioLoader.Parse(Quickstart, "s.yaml").Spec.Agencies, a => Assert.Equal(0, a.AdaptiveAllocation));
        Assert.Equal(0.05, Edit().Set("actors.agencies[0].adaptive-allocation", 0.05).Compile().Spec.Agencies[0].AdaptiveAllocation);
    }

    [Fact]
    public void Should_Reject_An_Adaptive_Allocation_Outside_Zero_To_One()
    {
        var e = Broken(d => d.Set("actors.agencies[0].adaptive-allocation", 1.2));
        Assert.Contains("actors.agencies[0].adaptive-allocation is 1.2; allowed: a share between 0 and 1", e.Message);
        Assert.Single(e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Should_Reject_An_Intervention_Dated_Outside_The_Run()
    {
        var edited = Edit().Set("interventions[type=schedule-class].date", "2023-05");
        var e = Broken(edited);
        Assert.Contains("interventions[2].date 2023-05 is outside the run; allowed: 2017-01 to 2021-12", e.Message);
        Assert.Equal(edited.Locate("interventions[2].date").Line, e.Line);
    }

    [Fact]
    public void Should_Reject_Unknown_References_Naming_What_Exists()
    {
        var e = Broken(d => d.Set("interventions[type=schedule-class].class", "fentanyl-relatd"));
        Assert.Contains("unknown class 'fentanyl-relatd'; allowed: fentanyl-related, fentanyl-precursor", e.Message);
        var j = Broken(d => d.Set("actors.launderers[method=mirror].jurisdiction", "XX"));
        Assert.Contains("unknown jurisdiction 'XX'; allowed: CN, IN, MX", j.Message);
    }

    [Fact]
    public void Should_Reject_A_Relocation_Reach_Without_Lab_Sites_Or_To_The_Labs_Own_Jurisdiction()
    {
        const string reach = "actors.labs[jurisdiction=MX].relocate-to";
        var toIndia = Edit().Set(reach, new[] { "IN" });
        var none = Broken(toIndia);
        Assert.Contains("actors.labs[0].relocate-to names IN, which has no lab group; add one there", none.Message);
        Assert.StartsWith($"s.yaml:{toIndia.Locate(reach).Line}:", none.Message);
        var own = Broken(d => d.Set(reach, new[] { "MX" }));
        Assert.Contains("names MX, the labs' own jurisdiction", own.Message);
        Assert.Equal([0], Edit().Set(reach, new[] { "CN" }).Compile().Spec.Labs[0].RelocateTo!); // CN is the first jurisdiction
    }

    [Fact]
    public void Should_Reject_A_Closed_Market_Without_Outside_Supply_Or_Mixed_In_One_Region()
    {
        const string pop = "actors.populations[region=US-NE]";
        var outside = Edit().Set($"{pop}.supplied-by", "outside");
        var noSupply = Broken(outside);
        Assert.Contains("actors.populations[0]: supplied-by: outside needs outside-supply-kg-per-month above 0", noSupply.Message);
        Assert.StartsWith($"s.yaml:{outside.Locate(pop).Line}:", noSupply.Message);
        var bad = Broken(d => d.Set($"{pop}.supplied-by", "smugglers"));
        Assert.Contains("actors.populations[0].supplied-by is 'smugglers'; allowed: labs, outside", bad.Message);
        var mixed = Broken(d => d.Insert("actors.populations", 0, "{ region: US-NE, people: 1000, supplied-by: outside, outside-supply-kg-per-month: 5 }"));
        Assert.Contains("the populations of US-NE differ in supplied-by", mixed.Message);

        var ok = Edit().Set($"{pop}.supplied-by", "outside").Set($"{pop}.outside-supply-kg-per-month", 5).Set($"{pop}.registration-rate", 0.5)
            .Set($"{pop}.nps-share", 0.1).Set($"{pop}.cessation-rate", 0.02);
        var spec = ok.Compile().Spec.Populations[0];
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
        ScenarioDocument With(string countries) => Edit().AddIntervention($"{{ type: trilateral-mechanism, date: 2018-01, countries: {countries}, intensity: 0.5 }}");
        var two = Broken(With("[US, CN]"));
        Assert.Contains(".countries must name three countries, e.g. [US, CN, MX]", two.Message);
        var same = Broken(With("[US, CN, CN]"));
        Assert.Contains("must name three different countries", same.Message);
        var item = With("[US, CN, MX]").Compile().Spec.Interventions.OfType<Trilateral>().Single();
        Assert.Equal(0.5, item.Intensity);
        Assert.True(item.CountryA >= 0 && item.CountryB >= 0 && item.CountryC >= 0);
        Assert.Equal(6, item.Jurisdictions.Length); // CN, MX and the four US regions, not IN
    }

    [Fact]
    public void Should_Reject_Allocations_Adding_Up_To_More_Than_One()
    {
        var e = Broken(d => d.Set("actors.agencies[id=US-DEA].allocation.money", 0.2));
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
        var m = Broken(d => d.Remove("name"));
        Assert.Contains("the file needs the key 'name'", m.Message);
        var d = Broken(e => e.Set("start", "2017-13"));
        Assert.Contains("start is '2017-13'; allowed: a month written YYYY-MM", d.Message);
    }

    [Fact]
    public void Should_Reject_An_Unknown_Parameter_And_Accept_A_Known_One()
    {
        var ok = Edit().Set("parameters.penalty-multiple", 7).Compile();
        Assert.Equal(7, ok.Spec.Parameters.PenaltyMultiple);
        var e = Broken(d => d.Set("parameters.penalty-multipel", 7));
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
