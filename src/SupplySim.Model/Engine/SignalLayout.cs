using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Engine;

/// <summary>
/// The layout of the tick's blackboard (<see cref="TickSignals"/>), declared once; its length is the sum of the
/// declared families. The declaration order is the order of the flat array (checkpoints hold it).
/// </summary>
public sealed class SignalLayout
{
    public int Length { get; }

    internal readonly SlotFamily2 Scheduled, Pressure;
    internal readonly SlotFamily1 PricePerMg, DemandMg, Budget;
    internal readonly SlotFamily2 Levers, Trust;
    internal readonly SlotFamily1 XylazineShare, BribesUsd;
    internal readonly SlotFamily2 ExposedValueUsd;
    internal readonly SlotFamily1 Cover, LaunderingLoad, Closed;
    internal readonly SlotFamily2 SharedSeizedKg, ActionableSharedKg;
    internal readonly SlotFamily1 Queued;
    internal readonly SlotFamily2 Mandate;
    internal readonly SlotFamily1 StimulantPricePerMg, StimulantDemandMg;

    public SignalLayout(Layout layout)
    {
        var j = layout.JurisdictionCount;
        var agencies = layout.Spec.Agencies.Length;
        var countries = layout.Spec.Countries.Length;
        var groups = layout.Spec.Launderers.Length;
        var stages = EnumNames.StageCount;
        var slots = new SlotLayout();
        Scheduled = slots.Matrix(j, layout.SubstanceCount);
        Pressure = slots.Matrix(j, stages);
        PricePerMg = slots.Vector(j);
        DemandMg = slots.Vector(j);
        Budget = slots.Vector(agencies);
        Levers = slots.Matrix(TickSignals.LeverCount, j);
        Trust = slots.Matrix(countries, countries);
        XylazineShare = slots.Vector(j);
        BribesUsd = slots.Vector(j);
        ExposedValueUsd = slots.Matrix(j, stages);
        Cover = slots.Vector(groups);
        LaunderingLoad = slots.Vector(groups);
        Closed = slots.Vector(groups);
        SharedSeizedKg = slots.Matrix(j, IntelligenceQueue.Kinds);
        ActionableSharedKg = slots.Matrix(j, IntelligenceQueue.Kinds);
        Queued = slots.Vector(j);
        Mandate = slots.Matrix(agencies, stages);
        StimulantPricePerMg = slots.Vector(j);
        StimulantDemandMg = slots.Vector(j);
        Length = slots.Length;
    }
}
