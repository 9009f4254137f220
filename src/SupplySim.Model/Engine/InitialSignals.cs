using SupplySim.Model.World;

namespace SupplySim.Model.Engine;

/// <summary>The blackboard before the first tick: initial scheduling and budgets, no history.</summary>
public static class InitialSignals
{
    public static TickSignals Build(Layout layout)
    {
        var spec = layout.Spec;
        var signals = new TickSignals(layout);
        foreach (var e in spec.InitialScheduling) signals.SetScheduled(e.Jurisdiction, e.Substance, true);
        for (var a = 0; a < spec.Agencies.Length; a++)
        {
            signals.Budget[a] = spec.Agencies[a].BudgetUsdPerMonth;
            signals.SetMandate(a, spec.Agencies[a].Allocation);
        }
        foreach (var agency in spec.Agencies.Where(a => a.IntelligenceQueue is not null))
            foreach (var j in agency.Jurisdictions) signals.SetIntelligenceQueued(j, true);
        new LeverBoard(spec).Publish(signals);
        foreach (var pop in spec.Populations) signals.XylazineShare[pop.Region] = pop.XylazineShare;
        for (var g = 0; g < spec.Launderers.Length; g++) signals.SetLaunderingOpen(g, !spec.Launderers[g].IsLatent);
        return signals;
    }

    /// <summary>Kg of precursor per month all labs need at full capacity on their best route.</summary>
    public static double LabPrecursorNeedKgPerMonth(WorldSpec spec) => LabPrecursorNeedKgPerMonth(spec, _ => true);

    /// <summary>Kg of precursor per month the lab groups that <paramref name="served"/> admits need at full capacity on the best route.</summary>
    public static double LabPrecursorNeedKgPerMonth(WorldSpec spec, Func<LabGroupSpec, bool> served)
    {
        var bestYield = spec.Routes.Select(r => r.Yield).DefaultIfEmpty(1).Max();
        return spec.Labs.Where(served).Sum(l => l.Count * l.CapacityKgPerMonth) / bestYield;
    }
}
