using SupplySim.Scenarios;
using SupplySim.Model.Rules;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// China's people who use drugs: a closed market stocked from outside the modelled chain, a police register that
/// counts people until three years without use (L807, L1504, L1512), the hidden population (L1672), and the turn to
/// NPS when traditional drugs grow scarce (L1532-L1540). Rule-level runs on a small world, and the shipped
/// scenarios/china-users.yaml against the baseline.
/// </summary>
public class ChinaRegistryTests
{
    private const double Represents = 10;
    private const int People = 20_000;
    private const double Supply = 0.8; // kg a month: below what the people using would buy at the reference potency

    /// <summary>A two-year world: the tiny US market of the experiment tests plus a closed Chinese market.</summary>
    private static ScenarioRun World(string population, string agencyBudget = "1000000", params string[] interventions)
    {
        var world = ScenarioDocument.Load(Repo.Path("tests", "Scenarios", "tiny.yaml"))
            .Remove("sweep")
            .Set("end", "2020-12")
            .Append("actors.agencies", $"{{ id: CN-MPS-USERS, jurisdictions: [CN], budget-usd-per-month: {agencyBudget}, allocation: {{ retail: 1.0 }}, max-pressure: 0.3, efficiency-per-usd: 0.00001 }}")
            .Insert("actors.populations", 0, $"{{ region: CN, people: {People}, represents: {Represents}, supplied-by: outside, outside-supply-kg-per-month: {Supply}, overdose-hazard-scale: 0, initial-oud: 0, initial-moud: 0, initial-remission: 0, progression-rate: 0, {population} }}");
        foreach (var item in interventions) world.AddIntervention(item);
        return ScenarioRun.Of(world);
    }

    [Fact]
    public void Should_Count_A_Registered_Person_Until_Three_Years_After_Last_Use()
    {
        // Everyone using is registered at the start and stops in the first month; no one starts again.
        var run = World("initial-use: 0.5, initial-registered-share: 1, cessation-rate: 1, initiation-rate: 0, registration-rate: 0");
        Assert.Equal(People * Represents, run.Value(0, "people", "state=no-use;region=CN")); // all quit in month 0
        var registeredAtStart = run.Value(0, "registered_users", "region=CN");
        Assert.InRange(registeredAtStart, 0.45 * People * Represents, 0.55 * People * Represents);
        // Month t ends with t + 1 months clean; the count keeps them while fewer than 36.
        Assert.Equal(registeredAtStart, run.Value(34, "registered_users", "region=CN"));
        Assert.Equal(0, run.Value(35, "registered_users", "region=CN"));
        for (var t = 0; t < run.Ticks.Count; t++)
        {
            Assert.Equal(0, run.Value(t, "hidden_users", "region=CN"));
            Assert.Equal(0, run.Value(t, "newly_registered_users", "region=CN"));
        }
    }

    [Fact]
    public void Should_Make_Registered_People_Stop_At_The_Supervised_Rate_And_Leave_Hidden_Ones_Alone()
    {
        var run = World("initial-use: 0.5, initial-registered-share: 0.5, registered-cessation-rate: 1, cessation-rate: 0, initiation-rate: 0, registration-rate: 0");
        // Month 0: every registered person stops; the hidden keep using, and stay hidden.
        var hidden = run.Value(0, "hidden_users", "region=CN");
        Assert.Equal(hidden, run.Value(0, "people", "state=use;region=CN"));
        Assert.InRange(hidden, 0.2 * People * Represents, 0.3 * People * Represents);
        Assert.Equal(hidden, run.Value(run.Ticks.Count - 1, "people", "state=use;region=CN"));
        // The stopped stay on the count for register-clean-months, then leave it.
        Assert.True(run.Value(34, "registered_users", "region=CN") > 0);
        Assert.Equal(0, run.Value(35, "registered_users", "region=CN"));
    }

    [Fact]
    public void Should_Register_Hidden_Users_At_The_Rate_The_Police_Pressure_Gives()
    {
        var run = World("initial-use: 0.4, cessation-rate: 0, initiation-rate: 0, registration-rate: 2");
        var targets = Math.Max(1, People * Represents * new World.ModelParameters().DealersPerResident);
        var pressure = Detection.Probability(1_000_000, targets, 0.3, 0.00001);
        var p = 2 * pressure;
        var users = 0.4 * People; // simulated people using
        var expected = p * users;
        // Pressure acts from the month after the agency spends; the spin-up's spending gives tick 0 its pressure already, while
        // people are registered only from the start on, so at tick 0 every user is still hidden.
        var newly = run.Value(0, "newly_registered_users", "region=CN") / Represents;
        Assert.InRange(newly, expected - 4 * Math.Sqrt(expected * (1 - p)), expected + 4 * Math.Sqrt(expected * (1 - p)));
        // Tick 1 registers the same share of those still hidden.
        var hiddenAfter = users - newly;
        var expectedNext = p * hiddenAfter;
        var newlyNext = run.Value(1, "newly_registered_users", "region=CN") / Represents;
        Assert.InRange(newlyNext, expectedNext - 4 * Math.Sqrt(expectedNext * (1 - p)), expectedNext + 4 * Math.Sqrt(expectedNext * (1 - p)));

        // Identification only moves people from hidden to registered: their sum is the people using, every month.
        for (var t = 0; t < run.Ticks.Count; t++)
        {
            var using_ = run.Value(t, "people", "state=use;region=CN");
            Assert.Equal(using_, run.Value(t, "registered_users", "region=CN") + run.Value(t, "hidden_users", "region=CN"), 6);
        }
        // Doubling the police budget registers people faster (concave detection, L904-L906).
        var harder = World("initial-use: 0.4, cessation-rate: 0, initiation-rate: 0, registration-rate: 2", agencyBudget: "2000000");
        Assert.True(harder.Value(0, "newly_registered_users", "region=CN") > 1.4 * run.Value(0, "newly_registered_users", "region=CN"));
    }

    [Fact]
    public void Should_Turn_People_To_Nps_When_Traditional_Drugs_Grow_Scarce()
    {
        const string pop = "initial-use: 0.3, cessation-rate: 0.01, initiation-rate: 0.003, nps-share: 0.05, nps-substitution: 0.05";
        var calm = World(pop);
        var shock = World(pop, "1000000", "{ type: outside-supply, date: 2018-01, jurisdiction: CN, multiplier: 0.4 }");
        var before = shock.TickOf("2017-12");
        var end = shock.Ticks.Count - 1;
        Assert.Equal(calm.Value(before, "nps_share", "region=CN"), shock.Value(before, "nps_share", "region=CN"));
        // Scarcer drugs are dearer or harder to get (L1532), and people turn to NPS (L1538-L1540).
        var priceBefore = shock.Value(before, "outside_price_per_mg", "region=CN") / shock.Value(before, "demand_served_share", "region=CN");
        var priceAfter = shock.Value(shock.TickOf("2018-06"), "outside_price_per_mg", "region=CN") / shock.Value(shock.TickOf("2018-06"), "demand_served_share", "region=CN");
        Assert.True(priceAfter > 1.2 * priceBefore, $"{priceAfter} vs {priceBefore}");
        Assert.True(shock.Value(end, "nps_share", "region=CN") > calm.Value(end, "nps_share", "region=CN") + 0.05,
            $"{shock.Value(end, "nps_share", "region=CN")} vs {calm.Value(end, "nps_share", "region=CN")}");
        // A closed market has no fentanyl-market series (its drugs are not the labs'), only its own.
        Assert.DoesNotContain(calm.Catalog, k => k.Dimension.EndsWith("region=CN", StringComparison.Ordinal)
            && k.Metric is "supply_reaching_users_kg" or "retail_price_per_mg" or "retail_potency" or "counterfeit_pill_share");
        // The labs produce for the US but sell nothing here: over the run the market sells at most its outside supply.
        Assert.True(calm.Sum("production_kg", "lab=", 0, end + 1) > 0);
        Assert.True(calm.Sum("outside_supply_kg", "region=CN", 0, end + 1) <= Supply * (end + 1) + 1e-9);
    }

    [Fact]
    public void Should_Send_People_Back_From_Listed_Nps_And_Let_New_Ones_Erode_The_Listing()
    {
        const string pop = "initial-use: 0.3, cessation-rate: 0, initiation-rate: 0, nps-share: 0.3, nps-substitution: 0.05";
        var cut = "{ type: outside-supply, date: 2017-06, jurisdiction: CN, multiplier: 0.4 }";
        var unlisted = World(pop, "1000000", cut);
        var listed = World(pop, "1000000", cut, "{ type: nps-listing, date: 2018-01, jurisdiction: CN, share: 0.8 }");
        double Nps(ScenarioRun r, string month) => r.Value(r.TickOf(month), "nps_share", "region=CN");
        Assert.Equal(Nps(unlisted, "2017-12"), Nps(listed, "2017-12"));
        // A year after listing 80% of the NPS market, far fewer people are on NPS than without it.
        Assert.True(Nps(listed, "2018-12") < Nps(unlisted, "2018-12") - 0.1, $"{Nps(listed, "2018-12")} vs {Nps(unlisted, "2018-12")}");
        // New substances erode the control (L853, L2470): the share on NPS climbs again while scarcity lasts.
        Assert.True(Nps(listed, "2020-12") > Nps(listed, "2019-01"), $"{Nps(listed, "2019-01")} -> {Nps(listed, "2020-12")}");
    }

    [Fact]
    public void Should_Leave_The_Rest_Of_The_Baseline_Unchanged_And_Follow_The_Register()
    {
        var baseline = ScenarioRun.Of("baseline.yaml");
        var china = ScenarioRun.Of("china-users.yaml");
        // The closed market buys nothing from the labs, and its police spend nothing on the chain: every series of
        // the baseline is the same, bit for bit.
        foreach (var key in baseline.Catalog)
            for (var t = 0; t < baseline.Ticks.Count; t++)
            {
                var a = baseline.Value(t, key.Metric, key.Dimension);
                var b = china.Value(t, key.Metric, key.Dimension);
                Assert.True(a.Equals(b), $"{key.Metric} [{key.Dimension}] at tick {t}: {a} vs {b}");
            }

        double Dec(string metric, int year) => china.Value(china.TickOf($"{year}-12"), metric, "region=CN");
        double Year(string metric, int year) => china.Sum(metric, "region=CN", china.TickOf($"{year}-01"), china.TickOf($"{year}-12") + 1);
        // Registered people who use drugs: 2.553 million in 2017 (L1504), 1.12 million in 2022 (L512), 896,000 in 2023 (L807).
        Assert.InRange(Dec("registered_users", 2017) / 2.553e6, 0.8, 1.2);
        Assert.InRange(Dec("registered_users", 2019) / 2.15e6, 0.8, 1.2); // public CNNCC figure
        Assert.InRange(Dec("registered_users", 2022) / 1.12e6, 0.8, 1.2);
        Assert.InRange(Dec("registered_users", 2023) / 0.896e6, 0.8, 1.2);
        // Six years of decline from 2017 (L1504).
        for (var y = 2018; y <= 2023; y++) Assert.True(Dec("registered_users", y) < Dec("registered_users", y - 1), $"{y}");
        // Newly identified: 344,000 in 2017 and 71,000 in 2022, a fall of about 79% (L1524).
        Assert.InRange(Year("newly_registered_users", 2017) / 344e3, 0.6, 1.4);
        Assert.InRange(Year("newly_registered_users", 2022) / 71e3, 0.6, 1.4);
        // The hidden population is 3 to 5 times the registered one (L1672).
        Assert.InRange(Dec("hidden_users", 2023) / Dec("registered_users", 2023), 2.5, 5.5);
        // NPS grow as a share of use after the 2020 price rises (6.9% in 2018, 10.7% in 2022, L1540).
        Assert.True(Dec("nps_share", 2022) > Dec("nps_share", 2018) + 0.02, $"{Dec("nps_share", 2018)} -> {Dec("nps_share", 2022)}");
    }
}
