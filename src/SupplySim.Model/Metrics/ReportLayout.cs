using SupplySim.Model.Engine;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Metrics;

/// <summary>
/// The layout of a shard report, declared once: additive accumulators only, so reports fold by plain summation
/// in shard-index order. Ratios (price, potency, shares, indices) are derived from the folded sums by
/// <see cref="MetricsComputer"/>. The declaration order is the order of the flat array (checkpoints hold it).
/// </summary>
public sealed class ReportLayout
{
    public int J { get; }
    public int S { get; }
    public int A { get; }
    public int Length { get; }

    internal readonly SlotFamily1 Deaths, DeathsWithStimulant, SuppliedMg, RevenueUsd, DosesServed, DosesDemanded, PotencyMgTimesDoses;
    internal readonly SlotFamily2 People;
    internal readonly SlotFamily1 ProductionKg, PrecursorBySubstance, PrecursorByOrigin;
    internal readonly Slot PrecursorUnscheduledKg;
    internal readonly SlotFamily1 SeizedKg, SeizedDrugKg, LaunderedUsd, SeizedUsd, SpendUsd;
    internal readonly SlotFamily2 PressureLog;
    internal readonly Slot CashUsd, InFlightUsd, InflowUsd, LabStockKg, LabPrecursorSeizedKg, LabPrecursorUsedKg, PrecursorDeliveredKg;
    internal readonly SlotFamily1 KycAdopters, FormalSuppliers, DivertedBySeller, BrokersByChannel;
    internal readonly Slot BrokersOffline;
    internal readonly SlotFamily1 DeathsWithXylazine, XylazineDoses, PillMg, RelocatedCapacityKg, BribesUsd, ProductionByProduct;
    internal readonly SlotFamily1 DeathsWithNitazene, NitazeneDoses;
    internal readonly SlotFamily1 RegisteredUsers, HiddenUsers, NewlyRegistered, NpsUsers, OutsideSeizedKg, PrecursorUnscheduledBySubstance;
    internal readonly SlotFamily2 SeizedValue, AllocationShare;
    internal readonly SlotFamily1 LaunderedByGroup, PotencySqMgTimesDoses;
    internal readonly SlotFamily3 ForeignSeizedKg, ActionableSeizedKg;
    internal readonly SlotFamily2 IntelligenceLeads;
    internal readonly SlotFamily1 PrecursorUnscheduledByOrigin, KycCostUsd, KycIncentiveUsd;
    internal readonly SlotFamily1 StimulantSuppliedMg, StimulantRevenueUsd, StimulantDosesServed, StimulantDosesDemanded, StimulantProductionKg, StimulantSeizedKg, StimulantCoUsers;
    internal readonly SlotFamily1 StimulantPrecursorKg, StimulantPrecursorSeizedKg;
    internal readonly SlotFamily2 DeathsByCombination;
    internal readonly SlotFamily2 MarketSeen;

    public ReportLayout(Layout layout)
    {
        J = layout.JurisdictionCount;
        S = layout.SubstanceCount;
        A = layout.Spec.Agencies.Length;
        var stages = EnumNames.StageCount;
        var methods = EnumNames.MethodCount;
        var slots = new SlotLayout();
        Deaths = slots.Vector(J); DeathsWithStimulant = slots.Vector(J); SuppliedMg = slots.Vector(J); RevenueUsd = slots.Vector(J);
        DosesServed = slots.Vector(J); DosesDemanded = slots.Vector(J); PotencyMgTimesDoses = slots.Vector(J);
        People = slots.Matrix(J, EnumNames.LivingStateCount + 1); // the dead last
        ProductionKg = slots.Vector(J); PrecursorBySubstance = slots.Vector(S); PrecursorByOrigin = slots.Vector(J); PrecursorUnscheduledKg = slots.Scalar();
        SeizedKg = slots.Vector(stages); SeizedDrugKg = slots.Vector(stages); LaunderedUsd = slots.Vector(methods); SeizedUsd = slots.Vector(methods); SpendUsd = slots.Vector(A);
        PressureLog = slots.Matrix(J, stages);
        CashUsd = slots.Scalar(); InFlightUsd = slots.Scalar(); InflowUsd = slots.Scalar(); LabStockKg = slots.Scalar();
        LabPrecursorSeizedKg = slots.Scalar(); LabPrecursorUsedKg = slots.Scalar(); PrecursorDeliveredKg = slots.Scalar();
        KycAdopters = slots.Vector(J); FormalSuppliers = slots.Vector(J); DivertedBySeller = slots.Vector(ShardReport.SellerTypes);
        BrokersByChannel = slots.Vector(ShardReport.Channels); BrokersOffline = slots.Scalar();
        DeathsWithXylazine = slots.Vector(J); XylazineDoses = slots.Vector(J); PillMg = slots.Vector(J); RelocatedCapacityKg = slots.Vector(J);
        BribesUsd = slots.Vector(J); ProductionByProduct = slots.Vector(S);
        DeathsWithNitazene = slots.Vector(J); NitazeneDoses = slots.Vector(J);
        RegisteredUsers = slots.Vector(J); HiddenUsers = slots.Vector(J); NewlyRegistered = slots.Vector(J); NpsUsers = slots.Vector(J); OutsideSeizedKg = slots.Vector(J);
        PrecursorUnscheduledBySubstance = slots.Vector(S);
        SeizedValue = slots.Matrix(J, stages); AllocationShare = slots.Matrix(A, stages);
        LaunderedByGroup = slots.Vector(layout.Spec.Launderers.Length);
        PotencySqMgTimesDoses = slots.Vector(J);
        ForeignSeizedKg = slots.Cube(J, J, IntelligenceQueue.Kinds); ActionableSeizedKg = slots.Cube(J, J, IntelligenceQueue.Kinds);
        IntelligenceLeads = slots.Matrix(A, IntelligenceQueue.States);
        PrecursorUnscheduledByOrigin = slots.Vector(J);
        KycCostUsd = slots.Vector(J); KycIncentiveUsd = slots.Vector(J);
        StimulantSuppliedMg = slots.Vector(J); StimulantRevenueUsd = slots.Vector(J); StimulantDosesServed = slots.Vector(J); StimulantDosesDemanded = slots.Vector(J);
        StimulantProductionKg = slots.Vector(J); StimulantSeizedKg = slots.Vector(stages); StimulantCoUsers = slots.Vector(J);
        StimulantPrecursorKg = slots.Vector(S); StimulantPrecursorSeizedKg = slots.Vector(stages);
        DeathsByCombination = slots.Matrix(J, ShardReport.Combinations);
        MarketSeen = slots.Matrix(layout.MarketShards.Length, Agents.MarketSeen.Fields);
        Length = slots.Length;
    }

    /// <summary>An empty report of this layout.</summary>
    public ShardReport New() => new(this);
}
