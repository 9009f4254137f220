using System.Reflection;

namespace SupplySim.Scenarios;

/// <summary>
/// The numeric keys of each actor group under <c>actors:</c>, declared once (docs/model.md#the-six-actor-kinds): the
/// loader reads them and the schema describes them from here. Names, choices and lists (jurisdiction, products,
/// cohort, method, allocation, supplied-by) are read where they are resolved, in the loader.
/// </summary>
public static class ActorKeys
{
    /// <summary>Every declared key with the list it belongs to (e.g. "suppliers"), in declaration order.</summary>
    public static IReadOnlyList<(string List, ScenarioKey Key)> All { get; } = typeof(ActorKeys).GetNestedTypes()
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(ScenarioKey))
            .Select(f => (t.Name.ToLowerInvariant(), (ScenarioKey)f.GetValue(null)!)))
        .ToArray();

    public static class Suppliers
    {
        public static readonly ScenarioKey Count = ScenarioKey.Integer("count", 0, 10_000_000, null, "firms", "Number of firms.");
        public static readonly ScenarioKey Capacity = ScenarioKey.Number("capacity-kg-per-month", 0, 1e9, null, "kg/month", "0 to 1e9 kg per month", "Capacity per firm, kg per month.");
        public static readonly ScenarioKey LicitShare = ScenarioKey.Share("licit-share", 0.9, "Share of capacity taken by licit buyers, served first.") with { Source = "L363-L365" };
        public static readonly ScenarioKey KycShare = ScenarioKey.Share("kyc-share", 0, "Share of firms with a know-your-customer programme.");
        public static readonly ScenarioKey KycQuality = ScenarioKey.Share("kyc-quality", 0.5, "Quality of those programmes (screening = quality x kyc-max-screening).");
        public static readonly ScenarioKey KycCost = ScenarioKey.Number("kyc-cost-usd-per-month", 0, 1e9, 0, "USD/month", "0 to 1e9 USD a month (0: firms follow the adoption level)",
            "Monthly cost of a KYC programme for the group's mean firm, USD; above 0 its formal firms decide KYC by its economics instead of following kyc-share and kyc-adoption's share.");
        public static readonly ScenarioKey KycReputation = ScenarioKey.Number("kyc-reputation-usd-per-month", 0, 1e9, 0, "USD/month", "0 to 1e9 USD a month",
            "Monthly value of KYC to a firm in reputation and market access, USD.") with { Source = "L1146-L1148, L1305-L1307" };
    }

    public static class Brokers
    {
        public static readonly ScenarioKey Count = ScenarioKey.Integer("count", 0, 10_000_000, null, "brokers", "Number of brokers.");
        public static readonly ScenarioKey Markup = ScenarioKey.Number("markup", 0, 1000, 1, "x cost", "0 to 1000 (1 = broker sells at twice its cost)", "Markup on cost (1 = sells at twice its cost).");
        public static readonly ScenarioKey DisguiseSkill = ScenarioKey.Share("disguise-skill", 0.3, "Skill at passing KYC screening.");
    }

    public static class Labs
    {
        public static readonly ScenarioKey Count = ScenarioKey.Integer("count", 0, 10_000_000, null, "labs", "Number of labs.");
        public static readonly ScenarioKey Capacity = ScenarioKey.Number("capacity-kg-per-month", 0, 1e7, null, "kg/month", "0 to 1e7 kg of finished drug per month",
            "Capacity per lab, kg of finished drug per month.");
        public static readonly ScenarioKey StockpileMonths = ScenarioKey.Number("stockpile-months", 0, 120, 3, "months", "0 to 120 months", "Months of precursor a lab tries to hold.");
        public static readonly ScenarioKey InitialStockMonths = ScenarioKey.Number("initial-stock-months", 0, 120, null, "months", "0 to 120 months",
            "Months of precursor held at the start (default: stockpile-months).") with { Optional = true };
        public static readonly ScenarioKey SecondSourceShare = ScenarioKey.Number("second-source-share", 0, 0.9, 0, "share", "0 to 0.9 (0: every order to one broker)",
            "Sourcing mix: share of each order placed with a second broker in another country (0: one broker).") with { Source = "L488" };
    }

    public static class Launderers
    {
        public static readonly ScenarioKey Count = ScenarioKey.Integer("count", 0, 1_000_000, 1, "networks", "Number of networks.");
        public static readonly ScenarioKey Fee = ScenarioKey.Share("fee", null, "Fee as a share of the money laundered.", "share of money laundered");
        public static readonly ScenarioKey DetectionRisk = ScenarioKey.Share("detection-risk", 0.5, "Relative detection risk of the method.");
        public static readonly ScenarioKey InnovationRate = ScenarioKey.Share("innovation-rate", 0,
            "Innovation after losses: each month the detection risk falls by this share times last month's seizure share (0: none).") with { Source = "L425" };
        public static readonly ScenarioKey InnovationFloor = ScenarioKey.Share("innovation-floor", 0.3, "Lowest detection risk innovation reaches, as a share of detection-risk.");
        public static readonly ScenarioKey Capacity = ScenarioKey.Number("capacity-usd-per-month", 1, 1e12, null, "USD/month", "1 to 1e12 USD per month (leave it out for no limit)",
            "USD a month the whole group handles before congestion raises the cost labs see (default: no limit).") with { Optional = true, Source = "L443-L444" };
        public static readonly ScenarioKey EmergesAfterSeizedUsd = ScenarioKey.Number("emerges-after-seized-usd", 0, 1e13, 0, "USD", "0 to 1e13 USD (0 or left out: open from the start)",
            "Latent method: closed to labs until the USD seized from all launderers since the start reaches this (0: open from the start).") with { Source = "L425, L433-L441" };
    }

    public static class Agencies
    {
        public static readonly ScenarioKey Budget = ScenarioKey.Number("budget-usd-per-month", 0, 1e12, null, "USD/month", "0 to 1e12 USD per month", "Budget, USD per month.");
        public static readonly ScenarioKey MaxPressure = ScenarioKey.Share("max-pressure", 0.3, "Highest monthly detection probability, reached at infinite spend.", "probability per month");
        public static readonly ScenarioKey EfficiencyPerUsd = ScenarioKey.Number("efficiency-per-usd", 0, 1, 1e-5, "per USD per target", "0 to 1 per USD per target",
            "Detection efficiency: p = max-pressure x (1 - exp(-efficiency x spend / targets)).");
        public static readonly ScenarioKey Corruptibility = ScenarioKey.Share("corruptibility", 0, "Share of its lab and route pressure that labs' bribes can cancel at saturation.") with { Source = "L1092-L1098" };
        public static readonly ScenarioKey AdaptiveAllocation = ScenarioKey.Share("adaptive-allocation", 0,
            "Learning rate of adaptive allocation: each month a stage's share grows by this rate times how far its marginal seizure value per USD lies above the agency's average (0: the scripted allocation throughout; a stage at 0 stays 0).",
            "per month");
    }

    public static class Populations
    {
        public static readonly ScenarioKey People = ScenarioKey.Integer("people", 1, 500_000_000, null, "simulated people", "Simulated people.");
        public static readonly ScenarioKey Represents = ScenarioKey.Number("represents", 1e-6, 1e6, 1, "real people", "more than 0 and at most 1e6 real people per simulated person",
            "Real people each simulated person stands for.");
        public static readonly ScenarioKey InitialUse = ScenarioKey.Share("initial-use", 0.01, "Share using without disorder at the start.");
        public static readonly ScenarioKey InitialOud = ScenarioKey.Share("initial-oud", 0.005, "Share with untreated opioid use disorder at the start.");
        public static readonly ScenarioKey InitialMoud = ScenarioKey.Share("initial-moud", 0.0015, "Share on medication for OUD at the start.");
        public static readonly ScenarioKey InitialRemission = ScenarioKey.Share("initial-remission", 0.002, "Share in remission at the start.");
        public static readonly ScenarioKey StimulantCoUse = ScenarioKey.Share("stimulant-co-use", 0.3, "Share who also use stimulants.");
        public static readonly ScenarioKey MoudCapacityShare = ScenarioKey.Share("moud-capacity-share", 0.003, "MOUD places as a share of the population.") with { Source = "L1808" };
        public static readonly ScenarioKey NaloxoneCoverage = ScenarioKey.Share("naloxone-coverage", 0.2, "Share of overdoses with naloxone at hand.");
        public static readonly ScenarioKey XylazineShare = ScenarioKey.Share("xylazine-share", 0, "Share of doses cut with xylazine at the start.") with { Source = "L490; Friedman et al. 2022" };
        public static readonly ScenarioKey OutsideSupply = ScenarioKey.Number("outside-supply-kg-per-month", 0, 1e9, 0, "kg/month", "0 to 1e9 kg a month",
            "Pure kg a month reaching the market from outside the modelled chain, before seizures (outside-supply lever multiplies it).") with { Source = "L1532" };
        public static readonly ScenarioKey OverdoseHazardScale = ScenarioKey.Number("overdose-hazard-scale", 0, 100, 1, "x hazard", "0 to 100 (1 = the model's hazard, 0 = no overdose deaths)",
            "Multiplier on the overdose hazard (0: no overdose deaths, where none are in scope).");
        public static readonly ScenarioKey RegistrationRate = ScenarioKey.Number("registration-rate", 0, 1000, 0, "per unit of retail pressure", "0 to 1000 per unit of retail detection pressure",
            "Monthly probability that a person using is registered, per unit of retail detection pressure (0: no register).") with { Source = "L807, L1504, L1672" };
        public static readonly ScenarioKey InitialRegisteredShare = ScenarioKey.Share("initial-registered-share", 0, "Share of people using (and in remission) on the register at the start.");
        public static readonly ScenarioKey RegisterCleanMonths = ScenarioKey.Integer("register-clean-months", 1, 240, 36, "months",
            "Months without use after which a registered person leaves the count.") with { Source = "L1512" };
        public static readonly ScenarioKey RegisteredCessationRate = ScenarioKey.Share("registered-cessation-rate", 0,
            "Further monthly probability that a registered person using stops (supervision, rehabilitation).", "probability per month") with { Source = "L847, L1572" };
        public static readonly ScenarioKey NpsShare = ScenarioKey.Share("nps-share", 0, "Share of people using who use NPS instead of the market's drugs at the start.") with { Source = "L1540" };
        public static readonly ScenarioKey NpsSubstitution = ScenarioKey.Share("nps-substitution", 0,
            "Monthly switching to NPS per unit of scarcity above the first month's (and back below it).", "probability per month") with { Source = "L1538" };
        public static readonly ScenarioKey InitiationRate = ScenarioKey.Share("initiation-rate", null,
            "This population's monthly initiation rate (default: the parameter initiation-rate).", "probability per month") with { Optional = true };
        public static readonly ScenarioKey CessationRate = ScenarioKey.Share("cessation-rate", null,
            "This population's monthly cessation rate, use to no use (default: the parameter cessation-rate).", "probability per month") with { Optional = true };
        public static readonly ScenarioKey ProgressionRate = ScenarioKey.Share("progression-rate", null,
            "This population's monthly progression rate, use to disorder (default: the parameter progression-rate).", "probability per month") with { Optional = true };
    }
}
