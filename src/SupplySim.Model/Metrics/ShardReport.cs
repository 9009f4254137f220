using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;

namespace SupplySim.Model.Metrics;

/// <summary>
/// What one shard adds up in one tick, and the tick's fold of all of them: one flat array laid out by
/// <see cref="ReportLayout"/>, read and written through its named slot families (<c>report.Deaths[j] += x</c>).
/// </summary>
public sealed class ShardReport
{
    /// <summary>Seller types of diverted chemicals: 0 KYC adopter, 1 formal non-adopter, 2 informal.</summary>
    public const int SellerTypes = 3;
    /// <summary>Broker listing channels: open web, social media, encrypted.</summary>
    public const int Channels = 3;
    /// <summary>Substance combinations of a death, at <see cref="Combination"/>.</summary>
    public const int Combinations = 8;

    public ShardReport(ReportLayout layout, double[]? values = null)
    {
        Layout = layout;
        Values = values ?? new double[layout.Length];
        if (Values.Length != layout.Length) throw new ArgumentException($"a report of length {Values.Length}, expected {layout.Length}");
    }

    [field: FixedByLayout] public ReportLayout Layout { get; }

    /// <summary>The flat array: what folds, travels and is checkpointed.</summary>
    public double[] Values { get; }

    /// <summary>Adds another report of the same layout into this one; fold in ascending shard index.</summary>
    public void Add(ShardReport other)
    {
        var into = Values;
        var from = other.Values;
        for (var i = 0; i < into.Length; i++) into[i] += from[i];
    }

    private ReportLayout L => Layout;

    public Slots1 Deaths => new(Values, L.Deaths);
    public Slots1 DeathsWithStimulant => new(Values, L.DeathsWithStimulant);
    public Slots1 SuppliedMg => new(Values, L.SuppliedMg);
    public Slots1 RevenueUsd => new(Values, L.RevenueUsd);
    public Slots1 DosesServed => new(Values, L.DosesServed);
    public Slots1 DosesDemanded => new(Values, L.DosesDemanded);
    public Slots1 PotencyMgTimesDoses => new(Values, L.PotencyMgTimesDoses);
    /// <summary>People per (jurisdiction, state), the dead included as the last state.</summary>
    public Slots2 People => new(Values, L.People);
    public Slots1 ProductionKg => new(Values, L.ProductionKg);
    public Slots1 PrecursorBySubstance => new(Values, L.PrecursorBySubstance);
    public Slots1 PrecursorByOrigin => new(Values, L.PrecursorByOrigin);
    public ref double PrecursorUnscheduledKg => ref Values[L.PrecursorUnscheduledKg.Offset];
    public Slots1 SeizedKg => new(Values, L.SeizedKg);
    public Slots1 SeizedDrugKg => new(Values, L.SeizedDrugKg);
    public Slots1 LaunderedUsd => new(Values, L.LaunderedUsd);
    public Slots1 SeizedUsd => new(Values, L.SeizedUsd);
    public Slots1 SpendUsd => new(Values, L.SpendUsd);
    /// <summary>Σ log(1 − p) of detection per (jurisdiction, stage), for the pressure the stage met.</summary>
    public Slots2 PressureLog => new(Values, L.PressureLog);
    public ref double CashUsd => ref Values[L.CashUsd.Offset];
    public ref double InFlightUsd => ref Values[L.InFlightUsd.Offset];
    public ref double InflowUsd => ref Values[L.InflowUsd.Offset];
    public ref double LabStockKg => ref Values[L.LabStockKg.Offset];
    public ref double LabPrecursorSeizedKg => ref Values[L.LabPrecursorSeizedKg.Offset];
    public ref double LabPrecursorUsedKg => ref Values[L.LabPrecursorUsedKg.Offset];
    public ref double PrecursorDeliveredKg => ref Values[L.PrecursorDeliveredKg.Offset];
    public Slots1 KycAdopters => new(Values, L.KycAdopters);
    public Slots1 FormalSuppliers => new(Values, L.FormalSuppliers);
    /// <summary>Diverted kg by seller type (<see cref="SellerTypes"/>).</summary>
    public Slots1 DivertedBySeller => new(Values, L.DivertedBySeller);
    public Slots1 BrokersByChannel => new(Values, L.BrokersByChannel);
    public ref double BrokersOffline => ref Values[L.BrokersOffline.Offset];
    public Slots1 DeathsWithXylazine => new(Values, L.DeathsWithXylazine);
    public Slots1 XylazineDoses => new(Values, L.XylazineDoses);
    public Slots1 PillMg => new(Values, L.PillMg);
    public Slots1 RelocatedCapacityKg => new(Values, L.RelocatedCapacityKg);
    public Slots1 BribesUsd => new(Values, L.BribesUsd);
    public Slots1 ProductionByProduct => new(Values, L.ProductionByProduct);
    public Slots1 DeathsWithNitazene => new(Values, L.DeathsWithNitazene);
    public Slots1 NitazeneDoses => new(Values, L.NitazeneDoses);
    public Slots1 RegisteredUsers => new(Values, L.RegisteredUsers);
    public Slots1 HiddenUsers => new(Values, L.HiddenUsers);
    public Slots1 NewlyRegistered => new(Values, L.NewlyRegistered);
    public Slots1 NpsUsers => new(Values, L.NpsUsers);
    public Slots1 OutsideSeizedKg => new(Values, L.OutsideSeizedKg);
    public Slots1 PrecursorUnscheduledBySubstance => new(Values, L.PrecursorUnscheduledBySubstance);
    /// <summary>What seizures kept from the market per (jurisdiction, stage): fentanyl-equivalent kg (chemicals by
    /// <see cref="World.Layout.FentanylEquivalentPerKg"/>), USD at the money stage.</summary>
    public Slots2 SeizedValue => new(Values, L.SeizedValue);
    /// <summary>Each agency's allocation per stage.</summary>
    public Slots2 AllocationShare => new(Values, L.AllocationShare);
    /// <summary>USD handled by each launderer group (innovation after losses, the laundering_risk weights).</summary>
    public Slots1 LaunderedByGroup => new(Values, L.LaunderedByGroup);
    /// <summary>Σ doses × E[X²] per region (X a dose's fentanyl-equivalent mg), for the dose-level CV of potency.</summary>
    public Slots1 PotencySqMgTimesDoses => new(Values, L.PotencySqMgTimesDoses);
    /// <summary>Seizures in transit made at the destination's import checks, fentanyl-equivalent kg per (origin, destination,
    /// lead kind), and their part actionable at the origin: the raw material of intelligence leads.</summary>
    public Slots3 ForeignSeizedKg => new(Values, L.ForeignSeizedKg);
    public Slots3 ActionableSeizedKg => new(Values, L.ActionableSeizedKg);
    /// <summary>Each agency's intelligence leads per state (<see cref="Rules.IntelligenceQueue.States"/>).</summary>
    public Slots2 IntelligenceLeads => new(Values, L.IntelligenceLeads);
    /// <summary>Precursor kg delivered to labs that was unscheduled where its broker shipped it, per the broker's jurisdiction.</summary>
    public Slots1 PrecursorUnscheduledByOrigin => new(Values, L.PrecursorUnscheduledByOrigin);
    /// <summary>What firms that decide KYC by its economics spend on it, and the incentives paid to them, USD per jurisdiction.</summary>
    public Slots1 KycCostUsd => new(Values, L.KycCostUsd);
    public Slots1 KycIncentiveUsd => new(Values, L.KycIncentiveUsd);
    /// <summary>The stimulant market per region (<see cref="Rules.RetailMarket.ClearStimulant"/>): pure mg sold, USD, doses served and
    /// demanded; kg made per lab jurisdiction; pure kg seized per stage; people (use, OUD, MOUD) who co-use stimulants.</summary>
    public Slots1 StimulantSuppliedMg => new(Values, L.StimulantSuppliedMg);
    public Slots1 StimulantRevenueUsd => new(Values, L.StimulantRevenueUsd);
    public Slots1 StimulantDosesServed => new(Values, L.StimulantDosesServed);
    public Slots1 StimulantDosesDemanded => new(Values, L.StimulantDosesDemanded);
    public Slots1 StimulantProductionKg => new(Values, L.StimulantProductionKg);
    public Slots1 StimulantSeizedKg => new(Values, L.StimulantSeizedKg);
    public Slots1 StimulantCoUsers => new(Values, L.StimulantCoUsers);
    /// <summary>Stimulant precursors (<see cref="World.Layout.StimulantPrecursor"/>): kg delivered to labs by substance, kg seized by stage.</summary>
    public Slots1 StimulantPrecursorKg => new(Values, L.StimulantPrecursorKg);
    public Slots1 StimulantPrecursorSeizedKg => new(Values, L.StimulantPrecursorSeizedKg);
    /// <summary>Deaths per (region, substance combination), the combination at <see cref="Combination"/>.</summary>
    public Slots2 DeathsByCombination => new(Values, L.DeathsByCombination);
    /// <summary>What the people of each market shard saw of their market (<see cref="Agents.MarketSeen"/>), per (market shard, field):
    /// one shard writes each row, so the fold holds each row as written (a "market held" run's source, <see cref="Agents.HeldMarket"/>).</summary>
    public Slots2 MarketSeen => new(Values, L.MarketSeen);

    /// <summary>Column of a death's substance combination: 4 × stimulant + <paramref name="opioidAndCut"/> (2 × nitazene + xylazine).</summary>
    public static int Combination(bool stimulant, int opioidAndCut) => (stimulant ? 4 : 0) + opioidAndCut;
}
