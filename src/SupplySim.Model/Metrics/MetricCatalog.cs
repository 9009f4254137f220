namespace SupplySim.Model.Metrics;

/// <summary>
/// Every public metric, declared once: metrics.csv names, the docs table (docs/model.md#metrics), headline outcomes and
/// series, calibration targets, workshop reactions and telemetry gauges all refer to these descriptors. The series
/// each metric emits, and how they are computed from a folded report, are in <see cref="MetricsComputer"/>.
/// </summary>
public static class MetricCatalog
{
    public static readonly MetricDescriptor OverdoseDeaths = new MetricDescriptor("overdose_deaths")
        .Row("region=US-NE", "people per tick",
            "deaths this tick, scaled by `represents`")
        .Outcome("_total", OutcomeFold.TotalOfValues, "Overdose deaths (cumulative)", "people", series: "_cumulative")
        .Outcome("_by_region", OutcomeFold.ByValue)
        .Outcome("_by_year", OutcomeFold.ByYear)
        .Headline("_cumulative", SeriesFold.Cumulative, "Cumulative overdose deaths", "people")
        .Headline("", SeriesFold.Sum, "Overdose deaths per month", "people per month");

    public static readonly MetricDescriptor OverdoseDeathsFentanylStimulant = new MetricDescriptor("overdose_deaths_fentanyl_stimulant")
        .Row("region=US-NE", "people per tick",
            "the part of `overdose_deaths` among people with the stimulant co-use flag");

    public static readonly MetricDescriptor SupplyReachingUsersKg = new MetricDescriptor("supply_reaching_users_kg")
        .Row("region=US-NE", "fentanyl-equivalent kg per tick",
            "pure mg sold to users this tick ÷ 10⁶ (sales, not arrivals)")
        .Outcome("_total", OutcomeFold.Total, "Supply reaching users (total)", "kg fentanyl-equivalent", series: "")
        .Headline("", SeriesFold.Sum, "Supply reaching users per month", "kg fentanyl-equivalent per month");

    public static readonly MetricDescriptor RetailPricePerMg = new MetricDescriptor("retail_price_per_mg")
        .Row("region=US-NE", "USD per pure mg",
            "retail revenue ÷ pure mg sold (= `PricePerDoseUsd / potency` within one shard); NaN if nothing sold")
        .Weighted(SupplyReachingUsersKg)
        .Outcome("_mean", OutcomeFold.WeightedMean, "Retail price (supply-weighted mean)", "USD per pure mg", series: "")
        .Headline("", SeriesFold.WeightedMean, "Retail price (supply-weighted)", "USD per pure mg");

    public static readonly MetricDescriptor RetailPotency = new MetricDescriptor("retail_potency")
        .Row("region=US-NE", "mg fentanyl-equivalent per dose",
            "doses-weighted mean of the shards' potency; NaN if no doses served")
        .Weighted(SupplyReachingUsersKg)
        .Outcome("_mean", OutcomeFold.WeightedMean, "Retail potency (supply-weighted mean)", "mg per dose", series: "")
        .Headline("", SeriesFold.WeightedMean, "Retail potency (supply-weighted)", "mg per dose");

    public static readonly MetricDescriptor RetailPotencyCv = new MetricDescriptor("retail_potency_cv")
        .Row("region=US-NE", "coefficient of variation",
            "dose-to-dose spread of fentanyl-equivalent mg: between lots of different opioids, within lots (powder, pills) and between the region's shards ([potency spread](#potency-spread-rulespotencyspreadcs)); NaN if no doses served");

    public static readonly MetricDescriptor DemandServedShare = new MetricDescriptor("demand_served_share")
        .Row("region=US-NE", "0..1",
            "doses served ÷ doses demanded; NaN if no demand");

    public static readonly MetricDescriptor OverdoseDeathsXylazine = new MetricDescriptor("overdose_deaths_xylazine")
        .Row("region=US-NE", "people per tick",
            "the part of `overdose_deaths` attributed to doses cut with xylazine, in proportion to their part of the hazard ([overdose hazard](#overdose-hazard-rulesoverdosehazardcs)); an expected count, so not a whole number");

    public static readonly MetricDescriptor AdulterantShare = new MetricDescriptor("adulterant_share")
        .Row("substance=xylazine;region=US-NE", "0..1",
            "doses served that were cut with xylazine ÷ doses served (the shards' shares weighted by their doses); NaN if no doses served. The dimension always says `xylazine`, whatever the adulterant's id");

    public static readonly MetricDescriptor CounterfeitPillShare = new MetricDescriptor("counterfeit_pill_share")
        .Row("region=US-NE", "0..1",
            "pure mg sold as counterfeit pills ÷ pure mg sold; NaN if nothing sold. A share of sales, not of seizures");

    public static readonly MetricDescriptor OverdoseDeathsNitazene = new MetricDescriptor("overdose_deaths_nitazene")
        .Row("region=US-NE", "people per tick",
            "the part of `overdose_deaths` attributed to nitazene doses (class `nitazene-related`), in proportion to their part of the hazard ([overdose hazard](#overdose-hazard-rulesoverdosehazardcs)); an expected count. Overlaps `overdose_deaths_xylazine` on cut nitazene doses. 0 where no nitazene is sold");

    public static readonly MetricDescriptor NitazeneShare = new MetricDescriptor("nitazene_share")
        .Row("region=US-NE", "0..1",
            "doses served that were nitazenes ÷ doses served (each shard's nitazene share of its stock, weighted by its doses); NaN if no doses served");

    public static readonly MetricDescriptor OverdoseDeathsByCombination = new MetricDescriptor("overdose_deaths_by_combination")
        .Row("combination=fentanyl+stimulant+xylazine;region=US-NE", "people per tick",
            "deaths by substance combination: the opioid (`fentanyl` for the fentanyl class, `nitazene`), then `+stimulant` for people with the co-use flag and `+xylazine` for doses cut with it (attributed by their part of the hazard, as `overdose_deaths_xylazine`); eight combinations per region, fewer where the catalogue has no nitazene or no adulterant. They add up to `overdose_deaths`, their `+stimulant` part to `overdose_deaths_fentanyl_stimulant`, their `+xylazine` part to `overdose_deaths_xylazine` and their `nitazene` part to `overdose_deaths_nitazene`");

    public static readonly MetricDescriptor StimulantCoUseShare = new MetricDescriptor("stimulant_co_use_share")
        .Row("region=US-NE", "0..1",
            "people in use, OUD or MOUD with the stimulant co-use flag ÷ people in use, OUD or MOUD, after this tick's transitions. Only where the catalogue has a `role: stimulant` substance ([stimulant market](#stimulant-market-methamphetamine))");

    public static readonly MetricDescriptor StimulantSupplyKg = new MetricDescriptor("stimulant_supply_kg")
        .Row("region=US-NE", "pure kg per tick",
            "stimulant sold to users this tick ÷ 10⁶ mg. This and the stimulant series below only where a stimulant is traded (a lab group makes it)");

    public static readonly MetricDescriptor StimulantServedShare = new MetricDescriptor("stimulant_served_share")
        .Row("region=US-NE", "0..1",
            "stimulant doses served ÷ stimulant doses demanded; NaN if no demand");

    public static readonly MetricDescriptor StimulantPricePerMg = new MetricDescriptor("stimulant_price_per_mg")
        .Row("region=US-NE", "USD per pure mg",
            "stimulant revenue ÷ pure mg sold; NaN if nothing sold");

    public static readonly MetricDescriptor StimulantProductionKg = new MetricDescriptor("stimulant_production_kg")
        .Row("lab=MX", "pure kg per tick",
            "output of stimulant lab groups in that jurisdiction (never in `production_kg`)");

    public static readonly MetricDescriptor StimulantPrecursorKg = new MetricDescriptor("stimulant_precursor_kg")
        .Row("substance=p2p", "kg per tick",
            "stimulant precursor delivered to labs, by chemical (never in `precursor_kg`)");

    public static readonly MetricDescriptor StimulantSeizedKg = new MetricDescriptor("stimulant_seized_kg")
        .Row("stage=route;material=drug", "kg per tick",
            "stimulant precursor seized at the supplier, broker, route and lab stages (`material=precursor`), stimulant seized on the labs' routes and at retail (`material=drug`, pure kg); never in `seized_kg`");

    public static readonly MetricDescriptor OutsideSupplyKg = new MetricDescriptor("outside_supply_kg")
        .Row("region=CN", "kg per tick",
            "what a closed market sold this tick, in the model's dose units (the counterpart of `supply_reaching_users_kg`, which closed markets do not have)");

    public static readonly MetricDescriptor OutsidePricePerMg = new MetricDescriptor("outside_price_per_mg")
        .Row("region=CN", "model USD per mg",
            "a closed market's revenue ÷ mg sold; only its changes compare with the record (`report L1532`)");

    public static readonly MetricDescriptor ProductionKg = new MetricDescriptor("production_kg")
        .Row("lab=MX", "kg of product per tick",
            "output of labs in that jurisdiction (fentanyl and analogue counted kg for kg, not potency-weighted)")
        .Outcome("_by_lab", OutcomeFold.ByValue);

    public static readonly MetricDescriptor ProductionByProductKg = new MetricDescriptor("production_by_product_kg")
        .Row("product=fentanyl", "kg of product per tick",
            "the same output split by product (one series per route output: fentanyl, analogue, nitazene); sums to `production_kg` over labs every tick");

    public static readonly MetricDescriptor RelocatedCapacityKg = new MetricDescriptor("relocated_capacity_kg")
        .Row("to=OTHER", "kg of capacity per month, per tick",
            "lab capacity that arrived this tick at sites in that jurisdiction by relocation (cartel lab step 6b)");

    public static readonly MetricDescriptor BribesUsd = new MetricDescriptor("bribes_usd")
        .Row("jurisdiction=MX", "USD per tick",
            "bribes labs in that jurisdiction paid this tick (agency step, corruption)");

    public static readonly MetricDescriptor PrecursorKg = new MetricDescriptor("precursor_kg")
        .Row("substance=npp", "kg per tick",
            "precursor delivered to labs, by chemical (one series per route input)")
        .Row("origin=CN", "kg per tick",
            "precursor delivered to labs, by the jurisdiction of the broker that shipped it (which is also where it was bought)");

    public static readonly MetricDescriptor UnscheduledPrecursorShare = new MetricDescriptor("unscheduled_precursor_share")
        .Row("", "0..1",
            "kg delivered to labs whose chemical was not scheduled in the broker's jurisdiction when the broker shipped it ÷ kg delivered (a legal basis does not count as scheduling); NaN if none delivered");

    public static readonly MetricDescriptor UnscheduledPrecursorKg = new MetricDescriptor("unscheduled_precursor_kg")
        .Row("substance=npp", "kg per tick",
            "the part of `precursor_kg{substance=…}` that was not scheduled in the broker's jurisdiction when shipped; sums over chemicals to `unscheduled_precursor_share` × kg delivered")
        .Row("origin=CN", "kg per tick",
            "the same by the broker's jurisdiction: the part of `precursor_kg{origin=…}` unscheduled there when shipped (scheduled volume is the difference); sums over origins to the same total");

    public static readonly MetricDescriptor SubstitutionIndex = new MetricDescriptor("substitution_index")
        .Row("", "0..1",
            "total-variation distance between this tick's precursor mix by substance (mass-weighted) and the reference mix (see below)")
        .Outcome("_final", OutcomeFold.Final, "Substitution index (final)", "0..1", series: "")
        .Headline("", SeriesFold.Value, "Substitution index", "0..1");

    public static readonly MetricDescriptor DisplacementIndex = new MetricDescriptor("displacement_index")
        .Row("origin", "0..1",
            "total-variation distance between this tick's precursor-origin shares and the reference shares")
        .Row("lab", "0..1",
            "total-variation distance between this tick's production shares by lab jurisdiction and the reference shares")
        .Outcome("_origin_final", OutcomeFold.Final, "Displacement index, precursor origin (final)", "0..1", series: "_origin", dimension: "origin")
        .Outcome("_lab_final", OutcomeFold.Final, "Displacement index, lab location (final)", "0..1", series: "_lab", dimension: "lab")
        .Headline("_origin", SeriesFold.Value, "Displacement index, precursor origin", "0..1", dimension: "origin")
        .Headline("_lab", SeriesFold.Value, "Displacement index, lab location", "0..1", dimension: "lab");

    public static readonly MetricDescriptor DisplacementRatio = new MetricDescriptor("displacement_ratio")
        .Row("origin, lab", "ratio",
            "flow gained above their reference-window monthly mean by origins (labs' jurisdictions) that gained, ÷ flow lost below it by those that lost; 1 = every kg lost reappeared elsewhere, above 1 = the trade grew elsewhere by more; NaN when nothing was lost");

    public static readonly MetricDescriptor LaunderedUsd = new MetricDescriptor("laundered_usd")
        .Row("method=mirror", "USD per tick",
            "gross proceeds received by launderers of that method, before seizure and fee")
        .Outcome("_by_method", OutcomeFold.ByValue)
        .Outcome("_total", OutcomeFold.TotalOfValues, "Money laundered (total)", "USD", series: "")
        .Headline("", SeriesFold.Sum, "Money laundered per month", "USD per month");

    public static readonly MetricDescriptor SeizedUsd = new MetricDescriptor("seized_usd")
        .Row("method=mirror", "USD per tick",
            "proceeds seized from launderers of that method")
        .Outcome("_total", OutcomeFold.Total, "Money seized (total)", "USD", series: "")
        .Headline("", SeriesFold.Sum, "Money seized per month", "USD per month");

    public static readonly MetricDescriptor LaunderingRisk = new MetricDescriptor("laundering_risk")
        .Row("method=mirror", "multiplier (1 at the start)",
            "the detection-risk multiplier *m* of the method's groups this tick, weighted by the USD each handled (their plain mean in a tick none handled any); one series per method, only when some launderer group has `innovation-rate` > 0");

    public static readonly MetricDescriptor LaunderingUtilisation = new MetricDescriptor("laundering_utilisation")
        .Row("method=bulk-cash", "0..∞ (1 = at capacity)",
            "USD handled this tick by the method's groups that have a `capacity-usd-per-month` ÷ the sum of their capacities; one series per method with such a group, only when some group has one");

    public static readonly MetricDescriptor LaunderingGroupsOpen = new MetricDescriptor("laundering_groups_open")
        .Row("", "groups",
            "launderer groups labs may choose this tick (latent groups count once open); only when some group has `emerges-after-seized-usd`");

    public static readonly MetricDescriptor SeizedKg = new MetricDescriptor("seized_kg")
        .Row("stage=supplier;material=precursor", "kg per tick",
            "precursor seized at suppliers")
        .Row("stage=broker;material=precursor", "kg per tick",
            "precursor seized at brokers")
        .Row("stage=route;material=precursor", "kg per tick",
            "precursor lots seized between broker and lab")
        .Row("stage=lab;material=precursor", "kg per tick",
            "precursor stock lost in lab raids")
        .Row("stage=route;material=drug", "fentanyl-equivalent kg per tick",
            "drug seized between lab and market")
        .Row("stage=retail;material=drug", "fentanyl-equivalent kg per tick",
            "dealer inventory seized")
        .Outcome("_by_stage", OutcomeFold.ByValue)
        .Outcome("_total", OutcomeFold.TotalOfValues, "Drug and chemicals seized (total)", "kg", series: "", inSummary: false)
        .Headline("", SeriesFold.Sum, "Drug and chemicals seized per month", "kg per month");

    public static readonly MetricDescriptor EnforcementSpendUsd = new MetricDescriptor("enforcement_spend_usd")
        .Row("agency=US-DEA", "USD per tick",
            "the agency's budget this tick (the whole budget, however it is allocated)")
        .Outcome("_total", OutcomeFold.Total, "Enforcement spend (total)", "USD", series: "")
        .Headline("", SeriesFold.Sum, "Enforcement spend per month", "USD per month");

    public static readonly MetricDescriptor EnforcementAllocation = new MetricDescriptor("enforcement_allocation")
        .Row("agency=CN-MPS;stage=route", "share 0..1",
            "the share of the budget the agency spent on the stage this tick; only for agencies with `adaptive-allocation` > 0, and only for the stages of their scripted allocation");

    public static readonly MetricDescriptor IntelligenceLeads = new MetricDescriptor("intelligence_leads")
        .Row("agency=CN-MPS;state=received", "leads per tick",
            "leads shared with the agency this tick (all its jurisdictions and both kinds); only for agencies with an intelligence queue ([intelligence queue](#intelligence-queue-rulesintelligencequeuecs))")
        .Row("agency=CN-MPS;state=unactionable", "leads per tick",
            "the part of `received` about sales legal where they happened (unscheduled, no legal basis): dropped")
        .Row("agency=CN-MPS;state=worked", "leads per tick",
            "leads the agency worked this tick; they become detection pressure at the stages they point at")
        .Row("agency=CN-MPS;state=expired", "leads per tick",
            "waiting leads that went stale this tick (half-life)");

    public static readonly MetricDescriptor IntelligenceQueueLeads = new MetricDescriptor("intelligence_queue_leads")
        .Row("agency=CN-MPS", "leads",
            "leads still waiting at the end of the tick");

    public static readonly MetricDescriptor Trust = new MetricDescriptor("trust")
        .Row("pair=US-CN", "0..1",
            "trust between the two countries as the tick saw it; 0 while cooperation is suspended");

    public static readonly MetricDescriptor KycAdoptionShare = new MetricDescriptor("kyc_adoption_share")
        .Row("jurisdiction=CN", "0..1",
            "formal (non-informal) supplier firms in the jurisdiction that have KYC this tick ÷ formal firms");

    public static readonly MetricDescriptor KycComplianceCostUsd = new MetricDescriptor("kyc_compliance_cost_usd")
        .Row("jurisdiction=CN", "USD per tick",
            "what the firms that run KYC spend on it (their own monthly cost); only where a group has `kyc-cost-usd-per-month`");

    public static readonly MetricDescriptor KycIncentiveUsd = new MetricDescriptor("kyc_incentive_usd")
        .Row("jurisdiction=CN", "USD per tick",
            "incentives paid to adopting firms (`KycIncentiveUsd` × adopters); only where a group has `kyc-cost-usd-per-month`");

    public static readonly MetricDescriptor DivertedPrecursorKg = new MetricDescriptor("diverted_precursor_kg")
        .Row("seller=adopter, seller=non-adopter, seller=informal", "kg per tick",
            "chemicals suppliers shipped to brokers this tick (after supplier-stage seizure), by the seller's type: a formal firm with KYC, a formal firm without, an informal seller. Always three series");

    public static readonly MetricDescriptor LaunderedBankShare = new MetricDescriptor("laundered_bank_share")
        .Row("", "0..1",
            "`laundered_usd` of bank-touching methods (mirror, trade-based, casino) ÷ all `laundered_usd`; only when the scenario has launderers; NaN if nothing was laundered");

    public static readonly MetricDescriptor BrokerListings = new MetricDescriptor("broker_listings")
        .Row("channel=open-web, channel=social, channel=encrypted, channel=offline", "brokers",
            "brokers online on each channel at the end of the tick, and brokers offline after a takedown. Always four series");

    public static readonly MetricDescriptor RegisteredUsers = new MetricDescriptor("registered_users")
        .Row("region=CN", "people",
            "people on the police register counted as users after this tick: registered and using (`use`, `oud`, `moud`), or without use for fewer than `register-clean-months` months ([China's register](#closed-markets-and-chinas-register)); only for populations with a register");

    public static readonly MetricDescriptor HiddenUsers = new MetricDescriptor("hidden_users")
        .Row("region=CN", "people",
            "people using (`use`, `oud`) who are not registered (`report L1672`); only with a register");

    public static readonly MetricDescriptor NewlyRegisteredUsers = new MetricDescriptor("newly_registered_users")
        .Row("region=CN", "people per tick",
            "people registered for the first time this tick (the report's \"newly identified users\", `report L1524`); only with a register");

    public static readonly MetricDescriptor NpsShare = new MetricDescriptor("nps_share")
        .Row("region=CN", "0..1",
            "people using NPS instead of the market's drugs ÷ people using (`use`, `oud`, `moud`) (`report L1540`); only with a register or NPS keys");

    public static readonly MetricDescriptor OutsideSeizedKg = new MetricDescriptor("outside_seized_kg")
        .Row("region=CN", "kg per tick",
            "a closed market's dealer inventory seized: drugs from outside the modelled chain, in the model's dose units; only for `supplied-by: outside` regions, and not part of `seized_kg`");

    public static readonly MetricDescriptor People = new MetricDescriptor("people")
        .Row("state=oud;region=US-NE", "people",
            "people in that state after this tick's transitions; states `no-use`, `use`, `oud`, `moud`, `remission` (the dead are counted internally but not emitted)");

    public static readonly MetricDescriptor MoudCoverage = new MetricDescriptor("moud_coverage")
        .Row("region=US-NE", "0..1",
            "people on MOUD ÷ (people with untreated OUD + people on MOUD) at the end of the tick: the treatment coverage of `report L1808` (about 25%; a calibration target, measured, not fitted); NaN without either");

    /// <summary>Every metric, in the order their first series appear in metrics.csv.</summary>
    public static IReadOnlyList<MetricDescriptor> All { get; } =
    [
        OverdoseDeaths,
        OverdoseDeathsFentanylStimulant,
        SupplyReachingUsersKg,
        RetailPricePerMg,
        RetailPotency,
        RetailPotencyCv,
        DemandServedShare,
        OverdoseDeathsXylazine,
        AdulterantShare,
        CounterfeitPillShare,
        OverdoseDeathsNitazene,
        NitazeneShare,
        OverdoseDeathsByCombination,
        StimulantCoUseShare,
        StimulantSupplyKg,
        StimulantServedShare,
        StimulantPricePerMg,
        StimulantProductionKg,
        StimulantPrecursorKg,
        StimulantSeizedKg,
        OutsideSupplyKg,
        OutsidePricePerMg,
        ProductionKg,
        ProductionByProductKg,
        RelocatedCapacityKg,
        BribesUsd,
        PrecursorKg,
        UnscheduledPrecursorShare,
        UnscheduledPrecursorKg,
        SubstitutionIndex,
        DisplacementIndex,
        DisplacementRatio,
        LaunderedUsd,
        SeizedUsd,
        LaunderingRisk,
        LaunderingUtilisation,
        LaunderingGroupsOpen,
        SeizedKg,
        EnforcementSpendUsd,
        EnforcementAllocation,
        IntelligenceLeads,
        IntelligenceQueueLeads,
        Trust,
        KycAdoptionShare,
        KycComplianceCostUsd,
        KycIncentiveUsd,
        DivertedPrecursorKg,
        LaunderedBankShare,
        BrokerListings,
        RegisteredUsers,
        HiddenUsers,
        NewlyRegisteredUsers,
        NpsShare,
        OutsideSeizedKg,
        People,
        MoudCoverage,
    ];

    private static readonly Dictionary<string, MetricDescriptor> ByName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>The descriptor of a metric name as written in metrics.csv, or null.</summary>
    public static MetricDescriptor? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Every headline outcome, in summary.json order.</summary>
    public static IReadOnlyList<HeadlineOutcome> Outcomes { get; } = All.SelectMany(d => d.Outcomes).ToArray();

    /// <summary>Every headline series, in series.csv order.</summary>
    public static IReadOnlyList<HeadlineSeriesSpec> Series { get; } = All.SelectMany(d => d.Series).ToArray();
}
