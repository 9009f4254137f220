using SupplySim.Scenarios;
using SupplySim.Model.Rules;
using SupplySim.Model.World;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Methamphetamine as a traded drug (model.md, stimulant market; report L2054, L2062, L2176-L2180): a lab group with
/// <c>products: [methamphetamine]</c> buys P2P through P2P brokers and ships to each market's stimulant stock, cleared apart
/// from the opioid stock; its served share then drives stimulant uptake and the co-users' extra hazard. A stimulant is
/// never fentanyl-equivalent, so the opioid series do not see it.
/// </summary>
public class StimulantMarketTests
{
    private const string File = "stimulant-market.yaml";
    private static readonly ModelParameters P = new();

    [Fact]
    public void Should_Clear_The_Stimulant_Market_At_Its_Own_Dose_Price_Within_The_Scaled_Cutting_Bounds()
    {
        var scale = P.StimulantPotencyMg / P.ReferencePotencyMg;
        // Scarce: doses cut down to the floor, then demand goes unserved.
        var scarce = RetailMarket.ClearStimulant(availableMg: 1_000, demandDoses: 1_000, P);
        Assert.Equal(P.MinPotencyMg * scale, scarce.PotencyMg, 12);
        Assert.Equal(1_000, scarce.SoldMg, 9);
        Assert.Equal(1_000 / (P.MinPotencyMg * scale) / 1_000, scarce.ServedShare, 12);
        Assert.Equal(scarce.DosesServed * P.StimulantPricePerDoseUsd, scarce.RevenueUsd, 9);
        // Between the bounds: every dose served at the supply per dose.
        var middle = RetailMarket.ClearStimulant(availableMg: 20_000, demandDoses: 1_000, P);
        Assert.Equal(20, middle.PotencyMg, 12);
        Assert.Equal(1, middle.ServedShare, 12);
        Assert.Equal(P.StimulantPricePerDoseUsd / 20, middle.RevenueUsd / middle.SoldMg, 12);
        // Plentiful: capped at the ceiling, the surplus stays with the dealers.
        var plenty = RetailMarket.ClearStimulant(availableMg: 1e9, demandDoses: 1_000, P);
        Assert.Equal(P.MaxPotencyMg * scale, plenty.PotencyMg, 9);
        Assert.Equal(1_000 * P.MaxPotencyMg * scale, plenty.SoldMg, 6);
        // The opioid rule is unchanged by the stimulant parameters.
        var cheap = P with { StimulantPricePerDoseUsd = 1, StimulantPotencyMg = 100 };
        Assert.Equal(RetailMarket.Clear(5_000, 1_000, P), RetailMarket.Clear(5_000, 1_000, cheap));
        Assert.NotEqual(RetailMarket.ClearStimulant(5_000, 1_000, P), RetailMarket.ClearStimulant(5_000, 1_000, cheap));
    }

    [Fact]
    public void Should_Scale_The_Co_Users_Hazard_Multiplier_With_The_Stimulant_Served_Share_Only_Where_One_Is_Traded()
    {
        var without = new OverdoseHazard(P, 1.5, 1, 0.3);
        Assert.Equal(without.Oud(false) * P.StimulantHazardMultiplier, without.Oud(true));
        Assert.Equal(without.Oud(false), new OverdoseHazard(P, 1.5, 1, 0.3, stimulantServedShare: 0).Oud(true));
        var half = new OverdoseHazard(P, 1.5, 1, 0.3, stimulantServedShare: 0.5);
        Assert.Equal(without.Oud(false) * (1 + (P.StimulantHazardMultiplier - 1) * 0.5), half.Oud(true), 15);
        Assert.Equal(without.Oud(false), half.Oud(false));
    }

    /// <summary>Fentanyl labs in MX and methamphetamine labs next to them; co-use neither spreads nor kills more, so what the
    /// stimulant trade could change in the opioid series would come from the trade itself.</summary>
    private const string SmallWorld = """
        name: small-stimulant-world
        question: Do stimulant shipments leave the opioid series as they were?
        start: 2017-01
        end: 2018-12
        seed: 42
        world:
          jurisdictions: [CN, MX, US-W]
          substances:
            - { id: fentanyl, role: opioid, classes: [fentanyl-related], potency: 1.0 }
            - { id: npp, role: precursor, classes: [fentanyl-precursor], price-usd-per-kg: 1500 }
            - { id: methamphetamine, role: stimulant }
            - { id: p2p, role: precursor, classes: [meth-precursor], price-usd-per-kg: 150 }
          routes:
            - { output: fentanyl, input: npp, yield: 0.5 }
            - { output: methamphetamine, input: p2p, yield: 0.5 }
          scheduled:
            - { jurisdiction: [CN, MX, US-W], substance: fentanyl }
        actors:
          suppliers:
            - { jurisdiction: CN, cohort: small, count: 60, products: [npp], capacity-kg-per-month: 30 }
            - { jurisdiction: CN, cohort: small, count: 20, products: [p2p], capacity-kg-per-month: 500, licit-share: 0.9 }
          brokers:
            - { jurisdiction: CN, count: 12 }
            - { jurisdiction: CN, count: 4, products: [p2p] }
          labs:
            - { jurisdiction: MX, count: 12, capacity-kg-per-month: 2 }
            - { jurisdiction: MX, count: 4, capacity-kg-per-month: 0, products: [methamphetamine] }
          launderers:
            - { jurisdiction: MX, method: bulk-cash, count: 4, fee: 0.05 }
          agencies:
            - { id: MX-FGR, jurisdictions: [MX], budget-usd-per-month: 5000000, allocation: { lab: 0.5, route: 0.5 }, max-pressure: 0.1, efficiency-per-usd: 0.000005 }
            - { id: US-DEA, jurisdictions: [US-W], budget-usd-per-month: 50000000, allocation: { retail: 1.0 }, max-pressure: 0.2, efficiency-per-usd: 0.000001 }
          populations:
            - { region: US-W, people: 20000, represents: 25, initial-use: 0.06, initial-oud: 0.11, initial-moud: 0.04, initial-remission: 0.05, stimulant-co-use: 0.3, naloxone-coverage: 0.2 }
        parameters:
          stimulant-uptake-rate: 0
          stimulant-hazard-multiplier: 1
        """;

    /// <summary>The small world with its methamphetamine labs able to make <paramref name="kgPerMonth"/> each.</summary>
    private static ScenarioDocument Meth(double kgPerMonth)
        => ScenarioDocument.Parse(SmallWorld, "inline.yaml").Set("actors.labs[products=methamphetamine].capacity-kg-per-month", kgPerMonth);

    [Fact]
    public void Should_Leave_Every_Opioid_Series_Bit_For_Bit_When_Methamphetamine_Is_Shipped()
    {
        var none = ScenarioRun.Parse(SmallWorld);
        var meth = ScenarioRun.Of(Meth(20));
        int end = meth.Ticks.Count;
        // The trade happened: P2P bought, methamphetamine made, sold and seized.
        Assert.True(meth.Sum("stimulant_production_kg", "lab=MX", 0, end) > 100, $"meth made: {meth.Sum("stimulant_production_kg", "lab=MX", 0, end)}");
        Assert.True(meth.Sum("stimulant_supply_kg", "region=US-W", 0, end) > 50, $"meth sold: {meth.Sum("stimulant_supply_kg", "region=US-W", 0, end)}");
        Assert.True(meth.Sum("stimulant_precursor_kg", "substance=p2p", 0, end) > 200);
        Assert.True(meth.Sum("stimulant_seized_kg", "stage=", 0, end) > 0);
        Assert.Equal(0, none.Sum("stimulant_production_kg", "lab=MX", 0, end));
        // And none of it reached the opioid series.
        foreach (var (metric, dim) in new[]
                 {
                     ("supply_reaching_users_kg", "region=US-W"), ("retail_potency", "region=US-W"), ("retail_price_per_mg", "region=US-W"),
                     ("demand_served_share", "region=US-W"), ("production_kg", "lab=MX"), ("production_by_product_kg", "product=fentanyl"),
                     ("precursor_kg", "substance=npp"), ("unscheduled_precursor_share", ""), ("seized_kg", "stage=route;material=drug"),
                     ("seized_kg", "stage=lab;material=precursor"), ("seized_kg", "stage=retail;material=drug"), ("overdose_deaths", "region=US-W"),
                 })
            for (var t = 0; t < end; t++)
                Assert.True(BitConverter.DoubleToInt64Bits(none.Value(t, metric, dim)) == BitConverter.DoubleToInt64Bits(meth.Value(t, metric, dim)),
                    $"{metric} [{dim}] at tick {t}: {none.Value(t, metric, dim)} without meth, {meth.Value(t, metric, dim)} with");
        // The meth labs answer their own market: with three times the stimulant demand its price per mg rises and their capacity with it,
        // while the opioid labs, which read the opioid market, make exactly what they made.
        var demand = ScenarioRun.Of(Meth(20).Set("parameters.stimulant-doses-per-month", 60));
        double Made(ScenarioRun r, int from) => r.Sum("stimulant_production_kg", "lab=MX", from, end);
        Assert.True(Made(demand, end - 6) > 1.1 * Made(meth, end - 6), $"meth made in the last 6 months: {Made(demand, end - 6):N0} kg at 60 doses a month, {Made(meth, end - 6):N0} at 20");
        Assert.True(demand.Sum("stimulant_price_per_mg", "region=US-W", end - 6, end) > meth.Sum("stimulant_price_per_mg", "region=US-W", end - 6, end));
        for (var t = 0; t < end; t++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(meth.Value(t, "production_kg", "lab=MX")), BitConverter.DoubleToInt64Bits(demand.Value(t, "production_kg", "lab=MX")));
        Assert.DoesNotContain(meth.Catalog, k => k.Metric == "precursor_kg" && k.Dimension == "substance=p2p");
        Assert.DoesNotContain(meth.Catalog, k => k.Metric == "production_by_product_kg" && k.Dimension == "product=methamphetamine");
    }

    /// <summary>
    /// The shipped scenario at seed 20130101 against the same file without its methamphetamine labs (same catalogue and actors, so
    /// the opioid side differs only by what the stimulant trade does to people). Abundant methamphetamine serves all stimulant
    /// demand from the start, when the opioid market served about three fifths of its own (2013), so co-use spreads faster:
    /// December 2016 co-use share 25.8% against 24.2% (seeds 20130101, 7, 8, 9, 10: +1.6, +1.3, +1.7, +1.3, +1.5 points, at the
    /// spin-up's refit). Before the spin-up the opioid market started empty and served a fifth of its demand in 2013, which made
    /// the gap 5.7 points; the gap is what the served shares differ by, so it shrank with the start-up burst. The fentanyl-stimulant
    /// share of 2021 US deaths follows: 50.5% against 49.6% (+0.9, +1.0, +1.1, +1.2, +1.0 points on the same seeds; 3.2 before).
    /// Scheduling P2P in China and India (2016-01) does not cut the trade: most P2P firms take the risk at China's supplier
    /// pressure, and the brokers drop those that refuse (methamphetamine sold in 2017-2025 within a few percent).
    /// </summary>
    [Fact]
    public void Should_Spread_Co_Use_Faster_With_A_Methamphetamine_Market_And_Not_Lose_It_To_P2P_Scheduling()
    {
        var market = ScenarioRun.Of(File);
        var without = ScenarioRun.Of(File, edits: d => d.Remove("add-actors.labs[products=methamphetamine]"));
        var scheduled = ScenarioRun.Of(File, interventions: ["{ type: schedule-substance, date: 2016-01, jurisdiction: [CN, IN], substance: p2p }"]);
        Assert.DoesNotContain(without.Catalog, k => k.Metric == "stimulant_supply_kg");
        int dec2016 = market.TickOf("2016-12"), y2017 = market.TickOf("2017-01"), y2021 = market.TickOf("2021-01"), y2022 = market.TickOf("2022-01"), end = market.Ticks.Count;

        double CoUse(ScenarioRun r, int t)
        {
            double users = 0, co = 0;
            foreach (var region in new[] { "US-NE", "US-MW", "US-S", "US-W" })
            {
                var n = r.Value(t, "people", $"state=use;region={region}") + r.Value(t, "people", $"state=oud;region={region}") + r.Value(t, "people", $"state=moud;region={region}");
                users += n;
                co += n * r.Value(t, "stimulant_co_use_share", $"region={region}");
            }
            return co / users;
        }
        var (withMeth, withoutMeth) = (CoUse(market, dec2016), CoUse(without, dec2016));
        Assert.True(withMeth > withoutMeth + 0.01, $"co-use share Dec 2016: {withMeth:P1} with the meth market, {withoutMeth:P1} without");
        Assert.True(CoUse(market, end - 1) > CoUse(without, end - 1), $"co-use share Dec 2025: {CoUse(market, end - 1):P1} against {CoUse(without, end - 1):P1}");

        double StimShare(ScenarioRun r) => r.Sum("overdose_deaths_fentanyl_stimulant", "region=US-", y2021, y2022) / r.Sum("overdose_deaths", "region=US-", y2021, y2022);
        Assert.True(StimShare(market) > StimShare(without) + 0.005, $"fentanyl-stimulant share of 2021 deaths: {StimShare(market):P1} against {StimShare(without):P1}");

        double Meth(ScenarioRun r) => r.Sum("stimulant_supply_kg", "region=US-", y2017, end);
        Assert.True(Meth(market) > 10_000, $"meth sold 2017-2025: {Meth(market):N0} kg");
        Assert.True(scheduled.Sum("stimulant_seized_kg", "stage=supplier;material=precursor", y2017, end) > 0, "scheduled P2P is seized at the sellers");
        Assert.InRange(Meth(scheduled) / Meth(market), 0.9, 1.1);
    }
}
