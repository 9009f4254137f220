using SupplySim.Model.World;

namespace SupplySim.Model.Metrics;

/// <summary>
/// The fixed layout of a shard report: additive accumulators only, so reports fold by plain summation in
/// shard-index order (architecture.md §2 rule 4). Ratios (price, potency, shares, indices) are derived
/// from the folded sums by <see cref="MetricsComputer"/>.
/// </summary>
public sealed class Raw
{
    public int J { get; }
    public int S { get; }
    public int A { get; }
    public int Length { get; }

    public readonly int DeathsWithXylazine, XylazineDoses, PillMg, RelocatedCapacityKg, BribesUsd, ProductionByProduct;
    public readonly int RegisteredUsers, HiddenUsers, NewlyRegistered, NpsUsers, OutsideSeizedKg, PrecursorUnscheduledBySubstance;
    public readonly int Deaths, DeathsWithStimulant, SuppliedMg, RevenueUsd, DosesServed, DosesDemanded, PotencyMgTimesDoses, People;
    public readonly int ProductionKg, PrecursorBySubstance, PrecursorByOrigin, PrecursorUnscheduledKg;
    public readonly int SeizedKg, SeizedDrugKg, LaunderedUsd, SeizedUsd, SpendUsd, PressureLog;
    public readonly int CashUsd, InFlightUsd, InflowUsd, LabStockKg, LabPrecursorSeizedKg, LabPrecursorUsedKg, PrecursorDeliveredKg;
    public readonly int KycAdopters, FormalSuppliers, DivertedBySeller, BrokersByChannel, BrokersOffline;
    public readonly int DeathsWithNitazene, NitazeneDoses;
    /// <summary>What seizures kept from the market per (jurisdiction, stage) at <see cref="Layout.TargetIndex"/>: fentanyl-equivalent
    /// kg (chemicals by <see cref="Layout.FentanylEquivalentPerKg"/>), USD at the money stage; and each agency's allocation per stage.</summary>
    public readonly int SeizedValue, AllocationShare;
    /// <summary>USD handled by each launderer group (innovation after losses, the laundering_risk weights).</summary>
    public readonly int LaunderedByGroup;
    /// <summary>Σ doses × E[X²] per region (X a dose's fentanyl-equivalent mg), for the dose-level CV of potency.</summary>
    public readonly int PotencySqMgTimesDoses;
    /// <summary>Precursor kg delivered to labs that was unscheduled where its broker shipped it, per the broker's jurisdiction.</summary>
    public readonly int PrecursorUnscheduledByOrigin;
    /// <summary>What firms that decide KYC by its economics spend on it, and the incentives paid to them, USD per jurisdiction.</summary>
    public readonly int KycCostUsd, KycIncentiveUsd;
    /// <summary>Deaths per region by substance combination, at <see cref="CombinationSlot"/>: 4 × stimulant + 2 × nitazene + xylazine.</summary>
    public readonly int DeathsByCombination;
    public const int Combinations = 8;

    public int CombinationSlot(int jurisdiction, bool stimulant, int opioidAndCut) => DeathsByCombination + jurisdiction * Combinations + (stimulant ? 4 : 0) + opioidAndCut;
    /// <summary>Seizures in transit made at the destination's import checks, fentanyl-equivalent kg per (origin, destination,
    /// lead kind) at <see cref="LeadSlot"/>, and their part actionable at the origin: the raw material of intelligence leads.</summary>
    public readonly int ForeignSeizedKg, ActionableSeizedKg;
    /// <summary>Each agency's intelligence leads per state (<see cref="Rules.IntelligenceQueue.States"/>).</summary>
    public readonly int IntelligenceLeads;
    /// <summary>The stimulant market per region (<see cref="Rules.RetailMarket.ClearStimulant"/>): pure mg sold, USD, doses served and
    /// demanded; kg made per lab jurisdiction; pure kg seized per stage; people (use, OUD, MOUD) who co-use stimulants.</summary>
    public readonly int StimulantSuppliedMg, StimulantRevenueUsd, StimulantDosesServed, StimulantDosesDemanded, StimulantProductionKg, StimulantSeizedKg, StimulantCoUsers;
    /// <summary>Stimulant precursors (<see cref="Layout.StimulantPrecursor"/>): kg delivered to labs by substance, kg seized by stage.</summary>
    public readonly int StimulantPrecursorKg, StimulantPrecursorSeizedKg;

    /// <summary>Seller types of diverted chemicals: 0 KYC adopter, 1 formal non-adopter, 2 informal.</summary>
    public const int SellerTypes = 3;
    public const int Channels = 3;

    public Raw(Layout layout)
    {
        J = layout.JurisdictionCount;
        S = layout.SubstanceCount;
        A = layout.Spec.Agencies.Length;
        var stages = EnumNames.StageCount;
        var methods = EnumNames.MethodCount;
        var n = 0;
        int Take(int count) { var at = n; n += count; return at; }
        Deaths = Take(J); DeathsWithStimulant = Take(J); SuppliedMg = Take(J); RevenueUsd = Take(J);
        DosesServed = Take(J); DosesDemanded = Take(J); PotencyMgTimesDoses = Take(J);
        People = Take(J * EnumNames.LivingStateCount + J);
        ProductionKg = Take(J); PrecursorBySubstance = Take(S); PrecursorByOrigin = Take(J); PrecursorUnscheduledKg = Take(1);
        SeizedKg = Take(stages); SeizedDrugKg = Take(stages); LaunderedUsd = Take(methods); SeizedUsd = Take(methods); SpendUsd = Take(A);
        PressureLog = Take(J * stages);
        CashUsd = Take(1); InFlightUsd = Take(1); InflowUsd = Take(1); LabStockKg = Take(1);
        LabPrecursorSeizedKg = Take(1); LabPrecursorUsedKg = Take(1); PrecursorDeliveredKg = Take(1);
        KycAdopters = Take(J); FormalSuppliers = Take(J); DivertedBySeller = Take(SellerTypes); BrokersByChannel = Take(Channels); BrokersOffline = Take(1);
        DeathsWithXylazine = Take(J); XylazineDoses = Take(J); PillMg = Take(J); RelocatedCapacityKg = Take(J); BribesUsd = Take(J); ProductionByProduct = Take(S);
        DeathsWithNitazene = Take(J); NitazeneDoses = Take(J);
        RegisteredUsers = Take(J); HiddenUsers = Take(J); NewlyRegistered = Take(J); NpsUsers = Take(J); OutsideSeizedKg = Take(J);
        PrecursorUnscheduledBySubstance = Take(S);
        SeizedValue = Take(J * stages); AllocationShare = Take(A * stages);
        LaunderedByGroup = Take(layout.Spec.Launderers.Length);
        PotencySqMgTimesDoses = Take(J);
        ForeignSeizedKg = Take(J * J * Rules.IntelligenceQueue.Kinds); ActionableSeizedKg = Take(J * J * Rules.IntelligenceQueue.Kinds);
        IntelligenceLeads = Take(A * Rules.IntelligenceQueue.States);
        PrecursorUnscheduledByOrigin = Take(J);
        KycCostUsd = Take(J); KycIncentiveUsd = Take(J);
        StimulantSuppliedMg = Take(J); StimulantRevenueUsd = Take(J); StimulantDosesServed = Take(J); StimulantDosesDemanded = Take(J);
        StimulantProductionKg = Take(J); StimulantSeizedKg = Take(stages); StimulantCoUsers = Take(J);
        StimulantPrecursorKg = Take(S); StimulantPrecursorSeizedKg = Take(stages);
        DeathsByCombination = Take(J * Combinations);
        Length = n;
    }

    /// <summary>Slot of the people count in a state (dead included as the last state) of a jurisdiction.</summary>
    public int PeopleSlot(int jurisdiction, PersonState state) => People + jurisdiction * (EnumNames.LivingStateCount + 1) + (int)state;

    /// <summary>Offset of (origin, destination, lead kind) within <see cref="ForeignSeizedKg"/> and <see cref="ActionableSeizedKg"/>.</summary>
    public int LeadSlot(int from, int to, int kind) => (from * J + to) * Rules.IntelligenceQueue.Kinds + kind;

    public double[] New() => new double[Length];
}
