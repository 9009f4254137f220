using SupplySim.Model.Time;

namespace SupplySim.Model.World;

/// <summary>
/// A compiled, validated scenario: everything a run needs, by index. Immutable by convention
/// (arrays are never written after compilation). Produced by SupplySim.Scenarios; serialized as JSON
/// to cross grain boundaries so that this project stays free of Orleans.
/// </summary>
public sealed record WorldSpec
{
    public required string Name { get; init; }
    public string Question { get; init; } = "";
    public required MonthDate Start { get; init; }
    public required int Ticks { get; init; }
    public required ulong Seed { get; init; }
    /// <summary>
    /// Months the chain runs before <see cref="Start"/> with the calendar held there, so that stocks, orders and prices start
    /// from a consistent state (docs/model.md#spin-up). Ticks before 0 are spin-up ticks; nothing of them is reported.
    /// </summary>
    public int SpinUpMonths { get; init; }
    /// <summary>The first tick of a fresh run: negative when it spins up before its start.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public int FirstTick => -SpinUpMonths;
    public const int DefaultSpinUpMonths = 24;
    public required JurisdictionSpec[] Jurisdictions { get; init; }
    public required SubstanceSpec[] Substances { get; init; }
    public required RouteSpec[] Routes { get; init; }
    /// <summary>Scheduling in force at the start: (jurisdiction, substance) pairs.</summary>
    public required ScheduleEntry[] InitialScheduling { get; init; }
    public required SupplierGroupSpec[] Suppliers { get; init; }
    public required BrokerGroupSpec[] Brokers { get; init; }
    public required LabGroupSpec[] Labs { get; init; }
    public required LaundererGroupSpec[] Launderers { get; init; }
    public required AgencySpec[] Agencies { get; init; }
    public required PopulationSpec[] Populations { get; init; }
    public required ModelParameters Parameters { get; init; }
    public required Intervention[] Interventions { get; init; }
    /// <summary>Countries (jurisdiction id before its first '-': US-NE -> US), ascending; trust is held between them.</summary>
    public required string[] Countries { get; init; }
    /// <summary>Country of each jurisdiction (index into <see cref="Countries"/>).</summary>
    public required int[] CountryOf { get; init; }
    public required TrustSpec[] Trust { get; init; }

    /// <summary>
    /// A "market held" run: per reported tick and market shard, what the people of the baseline run saw of their market; the
    /// people of this run face it instead of their own market's, which still clears (docs/experiments.md#direct-and-market-effects).
    /// Null in every ordinary run.
    /// </summary>
    public Agents.HeldMarket? HeldMarket { get; init; }

    public MonthDate DateOf(int tick) => Start.AddMonths(tick);
}

public sealed record JurisdictionSpec(string Id);

public sealed record SubstanceSpec(
    string Id,
    SubstanceRole Role,
    string[] Classes,
    // Supplier price, USD per kg (precursors; report L443 puts the whole precursor market in the tens of millions of USD).
    double PriceUsdPerKg,
    // Fentanyl-equivalent potency per kg (opioids; fentanyl = 1).
    double Potency);

/// <summary>A synthesis route: kg of output per kg of input.</summary>
/// <summary>A synthesis step. <paramref name="Skill"/> is the share of labs that cannot run it without a recipe (0: every lab can).</summary>
public sealed record RouteSpec(int Output, int Input, double Yield, double Skill = 0);

public sealed record ScheduleEntry(int Jurisdiction, int Substance);

public sealed record SupplierGroupSpec(
    int Jurisdiction,
    int Count,
    int[] Products,
    double CapacityKgPerMonth,
    // Share of capacity taken by licit (dual-use) buyers, served first (L363-L365).
    double LicitShare,
    double KycShare,
    double KycQuality,
    string Cohort,
    // Monthly cost of a KYC programme for the group's mean firm, USD; above 0 its formal firms decide KYC by its economics
    // (Rules.KycAdoption) instead of following the adoption level (kyc-share and kyc-adoption's share).
    double KycCostUsdPerMonth = 0,
    // Monthly value of KYC to a firm of the group in reputation and market access, USD (L1146-L1148, L1305-L1307).
    double KycReputationUsdPerMonth = 0)
{
    /// <summary>Whether the group's formal firms decide KYC by its economics (a cost is stated) rather than by the adoption level.</summary>
    public bool DecidesKyc => KycCostUsdPerMonth > 0 && Cohort != "informal";
}

public sealed record BrokerGroupSpec(
    int Jurisdiction,
    int Count,
    double Markup,
    double DisguiseSkill,
    // Precursors the group's brokers may offer (null: every precursor of an opioid route, as before stimulants were traded).
    int[]? Products = null,
    // The group's brokers send recipes with what they ship: a lab learns every route that takes the chemical (L367, L456).
    bool Recipes = false);

public sealed record LabGroupSpec(
    int Jurisdiction,
    int Count,
    double CapacityKgPerMonth,
    double StockpileMonths,
    double InitialStockMonths,
    // Jurisdictions whose lab sites the group's labs may move capacity to (the organisation's reach; relocation, L1092-L1098).
    int[]? RelocateTo = null,
    // Route outputs the group's labs make (null: every opioid; a stimulant group, e.g. methamphetamine, makes stimulants only).
    int[]? Products = null,
    // Share of each order a lab places with a second broker, in another country where it can (sourcing mix, L488); 0: one broker.
    double SecondSourceShare = 0);

public sealed record LaundererGroupSpec(
    int Jurisdiction,
    LaunderingMethod Method,
    int Count,
    double Fee,
    double DetectionRisk,
    // Innovation after losses (report L425): each month the group's detection risk falls by this share times last month's
    // seizure share, down to InnovationFloor times the starting risk. 0: no innovation.
    double InnovationRate = 0,
    double InnovationFloor = 0.3,
    // Capacity (report L443-L444: wildlife barter and bulk cash are small channels): USD a month the whole group handles before
    // congestion raises the cost labs see (Laundering.Congestion). 0: unlimited.
    double CapacityUsdPerMonth = 0,
    // A latent method (report L425, L433-L441: new methods after losses): closed to labs until the USD seized from all launderers
    // since the run's start reaches this; open for good after. 0: open from the start.
    double EmergesAfterSeizedUsd = 0)
{
    /// <summary>Whether the group has a capacity (<see cref="CapacityUsdPerMonth"/> &gt; 0); without one it is unlimited.</summary>
    public bool HasCapacity => CapacityUsdPerMonth > 0;

    /// <summary>Whether the group starts closed and opens only after losses (<see cref="EmergesAfterSeizedUsd"/> &gt; 0).</summary>
    public bool IsLatent => EmergesAfterSeizedUsd > 0;
}

public sealed record AgencySpec(
    string Id,
    int[] Jurisdictions,
    double BudgetUsdPerMonth,
    // Share of the budget per <see cref="Stage"/>, indexed by stage; sums to at most 1.
    double[] Allocation,
    // Maximum detection probability per month reachable at infinite spend.
    double MaxPressure,
    // Detection efficiency: 1 / (USD per target per month that buys 63% of the maximum).
    double Efficiency,
    // Share of its lab and route pressure that traffickers' bribes can cancel at saturation (corruption, L1092-L1098).
    double Corruptibility = 0,
    // Learning rate of adaptive allocation (0: the scripted allocation throughout; see Rules.AdaptiveAllocation).
    double AdaptiveAllocation = 0,
    // Foreign intelligence as leads in a queue (null: the intelligence level of the levers acts directly; see Rules.IntelligenceQueue).
    IntelligenceQueueSpec? IntelligenceQueue = null)
{
    /// <summary>True when the agency's budget goes to <paramref name="stage"/> alone (every other stage's share is 0).</summary>
    public bool SpendsOnlyOn(Stage stage) => SpendsOnlyOn(Allocation, stage);

    /// <summary>True when <paramref name="allocation"/> gives every stage but <paramref name="stage"/> a share of 0.</summary>
    public static bool SpendsOnlyOn(double[] allocation, Stage stage)
    {
        for (var s = 0; s < allocation.Length; s++)
            if (s != (int)stage && allocation[s] != 0) return false;
        return true;
    }
}

/// <summary>
/// An agency's intelligence queue (<see cref="Rules.IntelligenceQueue"/>): partners' seizures of what left its jurisdictions
/// arrive as leads, in proportion to the trust-gated sharing channel; the agency works them with the spend of the stages they
/// point at and they age out.
/// </summary>
/// <param name="LeadsPerKg">Leads one fentanyl-equivalent kg seized by a partner makes.</param>
/// <param name="UsdPerLead">USD of the agency's spend at the stages a lead points at that works one lead (the queue's capacity).</param>
/// <param name="HalfLifeMonths">Months after which half of the leads still waiting have gone stale.</param>
/// <param name="TargetsPerLead">Efficiency of a worked lead: p = max-pressure × (1 − exp(−this × worked / targets)).</param>
public sealed record IntelligenceQueueSpec(double LeadsPerKg, double UsdPerLead, double HalfLifeMonths, double TargetsPerLead);

public sealed record PopulationSpec(
    int Region,
    int People,
    // Real people each simulated person stands for (metrics are scaled by it).
    double Represents,
    double InitialUse,
    double InitialOud,
    double InitialMoud,
    double InitialRemission,
    double StimulantCoUse,
    // MOUD places as a share of the population (capacity limits treatment entry, L1808).
    double MoudCapacityShare,
    double NaloxoneCoverage,
    // Share of the region's doses cut with xylazine at the start (L490; Friedman et al. 2022).
    double XylazineShare = 0)
{
    /// <summary>Whether the model's labs sell here (false: a closed market stocked only by the outside supply).</summary>
    public bool SuppliedByLabs { get; init; } = true;

    /// <summary>Pure kg a month reaching this market from outside the modelled chain (e.g. heroin and methamphetamine
    /// from the Golden Triangle for China, L1532), before retail seizures; scaled by the <c>outside-supply</c> lever.</summary>
    public double OutsideSupplyKgPerMonth { get; init; }

    /// <summary>Multiplier on the overdose hazard (0 where no overdose data exist and deaths are out of scope).</summary>
    public double OverdoseHazardScale { get; init; } = 1;

    /// <summary>Monthly probability that a person using drugs is identified and registered, per unit of the
    /// jurisdiction's retail detection pressure (China's registry, L807, L1504, L1672). 0: no registry.</summary>
    public double RegistrationRate { get; init; }

    /// <summary>Share of people using drugs (and of those in remission) on the register at the start.</summary>
    public double InitialRegisteredShare { get; init; }

    /// <summary>Further monthly probability that a registered person in <c>use</c> stops: supervision by community
    /// rehabilitation and drug tests, compulsory isolation on relapse (L847, L1572).</summary>
    public double RegisteredCessationRate { get; init; }

    /// <summary>Months without use after which a registered person leaves the count of registered users (L1512: three years).</summary>
    public int RegisterCleanMonths { get; init; } = 36;

    /// <summary>Share of people using drugs who use NPS instead of the market's traditional drugs at the start (L1540).</summary>
    public double NpsShare { get; init; }

    /// <summary>Monthly probability of switching to NPS per unit of scarcity above the first month's (price rise or
    /// unserved demand, L1538); the same rate takes NPS users back when scarcity falls below it. 0: no NPS.</summary>
    public double NpsSubstitution { get; init; }

    /// <summary>This population's monthly initiation rate, where it differs from the parameter <c>initiation-rate</c>.</summary>
    public double? InitiationRate { get; init; }

    /// <summary>This population's monthly cessation rate (use to no use), where it differs from <c>cessation-rate</c>.</summary>
    public double? CessationRate { get; init; }

    /// <summary>This population's monthly progression rate (use to disorder), where it differs from <c>progression-rate</c>.</summary>
    public double? ProgressionRate { get; init; }

    /// <summary>True when the population keeps a register of people who use drugs or tracks NPS use.</summary>
    public bool TracksRegistry => RegistrationRate > 0 || InitialRegisteredShare > 0 || NpsShare > 0 || NpsSubstitution > 0;
}

/// <summary>Policy levers held per jurisdiction on the run's blackboard (docs/model.md#levers-interventions-and-trust).</summary>
public enum Lever
{
    /// <summary>0..1: strength of a legal basis to prosecute knowing sales of unscheduled chemicals (L94-L97, L480).</summary>
    LegalBasis = 0,
    /// <summary>0..1: share of formal chemical firms that adopt KYC at least (L187, L395, L1182-L1190); a floor over each group's own share; NaN = no policy.</summary>
    KycShare,
    /// <summary>0..1: screening quality of KYC programmes; decays without retraining (L1186-L1188, L1259).</summary>
    KycQuality,
    /// <summary>0 or 1: KYC retraining keeps quality from decaying.</summary>
    KycRetraining,
    /// <summary>0..1: anti-money-laundering cooperation with the partner country, gated by trust (L421-L444).</summary>
    AmlCooperation,
    /// <summary>0..1: intelligence the partner country shares that this jurisdiction can act on, gated by trust (L1044, L1116-L1132).</summary>
    IntelligenceSharing,
    /// <summary>Multiplier (at least 0) on route (border, mail, customs) detection in this jurisdiction (L139, L361).</summary>
    RouteMultiplier,
    /// <summary>0..1: monthly probability that a visible broker listing is taken down (L269, L405).</summary>
    PlatformTakedown,
    /// <summary>0..1: MOUD places as a share of the population (L1808).</summary>
    TreatmentCapacity,
    /// <summary>0..1: naloxone coverage (L1889-L1891).</summary>
    NaloxoneCoverage,
    /// <summary>Multiplier (at least 0) on initiation of use (demand reduction, L190).</summary>
    InitiationMultiplier,
    /// <summary>Multiplier (at least 0) on the monthly entry into MOUD of people with OUD: access, not places (few buprenorphine prescribers, methadone geography, "no wrong door", L1808, L1863, L1873).</summary>
    TreatmentAccess,
    /// <summary>0..1: how far an exporting country stops pill presses reaching traffickers, gated by trust with the partner it committed to (L379, L417).</summary>
    PillPressControl,
    /// <summary>0..1: a trilateral US-CN-MX mechanism (L98, L165): intelligence along the whole chain, Mexican data making
    /// US intelligence to China actionable (L1044); gated by the weakest trust of the three pairs (L166).</summary>
    Trilateral,
    /// <summary>0..1: share of the NPS market a jurisdiction's listings control (L534, L1540); it erodes as new NPS appear (L853, L2470).</summary>
    NpsControl,
    /// <summary>0..1: share of people at risk who check their drugs (fentanyl test strips, drug checking services) before use (L1895).</summary>
    DrugChecking,
    /// <summary>Multiplier (at least 0) on a closed market's outside supply (exogenous shocks such as border closures, L1532).</summary>
    OutsideSupply,
    /// <summary>USD a month paid to (or saved by) each firm that runs KYC: expedited licensing or customs clearance (L187).
    /// Acts only on groups that decide KYC by its economics.</summary>
    KycIncentiveUsd,
    /// <summary>USD a month a formal firm without KYC is fined where a mandate is inspected (× supplier-stage pressure; L395, L486).
    /// Acts only on groups that decide KYC by its economics.</summary>
    KycMandateFineUsd,
}

/// <summary>Trust between two countries at the start of a run (L620, L1116-L1132).</summary>
public sealed record TrustSpec(int CountryA, int CountryB, double Initial);
