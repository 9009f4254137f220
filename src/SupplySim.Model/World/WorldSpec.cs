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
    public required InterventionSpec[] Interventions { get; init; }

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
public sealed record RouteSpec(int Output, int Input, double Yield);

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
    string Cohort);

public sealed record BrokerGroupSpec(int Jurisdiction, int Count, double Markup, double DisguiseSkill);

public sealed record LabGroupSpec(
    int Jurisdiction,
    int Count,
    double CapacityKgPerMonth,
    double StockpileMonths,
    double InitialStockMonths);

public sealed record LaundererGroupSpec(int Jurisdiction, LaunderingMethod Method, int Count, double Fee, double DetectionRisk);

public sealed record AgencySpec(
    string Id,
    int[] Jurisdictions,
    double BudgetUsdPerMonth,
    // Share of the budget per <see cref="Stage"/>, indexed by stage; sums to at most 1.
    double[] Allocation,
    // Maximum detection probability per month reachable at infinite spend.
    double MaxPressure,
    // Detection efficiency: 1 / (USD per target per month that buys 63% of the maximum).
    double Efficiency);

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
    double NaloxoneCoverage);

/// <summary>A dated intervention compiled to indices; applied by the run at the start of its tick.</summary>
public sealed record InterventionSpec(
    int Tick,
    InterventionKind Kind,
    int Jurisdiction,
    int[] Substances,
    int Agency,
    double Value,
    string Label);

public enum InterventionKind
{
    ScheduleSubstance,
    ScheduleClass,
    EnforcementBudget,
}
