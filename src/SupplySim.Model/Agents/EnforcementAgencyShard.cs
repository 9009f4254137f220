using SupplySim.Model.Metrics;
using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// Enforcement agencies spend their monthly budget over stages and jurisdictions by their allocation
/// (the crime-control matrix's LEA rows, L1081-L1088) and turn spend into detection pressure with
/// diminishing returns (<see cref="Detection"/>, L904-L906). Pressure acts from the next tick on. A corruptible
/// agency loses part of its lab and route pressure to the bribes labs paid in that jurisdiction last month:
/// p × (1 − corruptibility × B / (B + S)), with B the bribes and S the agency's spend there that month, so
/// bribes as large as the spend cancel half of what can be bought (corruption, L1092-L1098). An agency with
/// adaptive allocation first moves its allocation toward the stages of its mandate where spend returned the most
/// (<see cref="AdaptiveAllocation"/>). An agency with an intelligence queue also works the leads partners' seizures sent it
/// (<see cref="IntelligenceQueue"/>); its allocation and its waiting leads are its state.
/// </summary>
public sealed class EnforcementAgencyShard : Shard
{
    // Each agency's current allocation per stage, Info.Count × stages: the scripted one unless it adapts.
    private readonly double[] _allocation;
    // The mandate (scripted allocation) each agency last received, Info.Count × stages: a new one from an enforcement-budget item
    // replaces the allocation, adaptive or not.
    private readonly double[] _mandate;
    // Leads waiting in each agency's queue, Info.Count × jurisdictions × lead kinds (zero for agencies without a queue).
    private readonly double[] _leads;

    public EnforcementAgencyShard(Layout layout, ShardInfo info) : base(layout, info)
    {
        _allocation = new double[info.Count * EnumNames.StageCount];
        for (var i = 0; i < info.Count; i++) Spec.Agencies[info.FirstInGroup + i].Allocation.CopyTo(_allocation, i * EnumNames.StageCount);
        _mandate = (double[])_allocation.Clone();
        _leads = new double[info.Count * layout.JurisdictionCount * IntelligenceQueue.Kinds];
    }

    /// <summary>Agencies keep their allocation (it changes only where they adapt) and their waiting leads between ticks; budgets and
    /// pressure travel in the signals.</summary>
    protected internal override IShardPart[] Parts => [ShardPart.Array(_allocation), ShardPart.Array(_leads), ShardPart.Array(_mandate)];

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, ShardReport report)
    {
        var stages = EnumNames.StageCount;
        Span<double> returns = stackalloc double[stages];
        for (var i = 0; i < Info.Count; i++)
        {
            var a = Info.FirstInGroup + i;
            var agency = Spec.Agencies[a];
            var allocation = _allocation.AsSpan(i * stages, stages);
            TakeMandate(i, a, allocation, ctx.Signals);
            var budget = ctx.Signals.Budget[a];
            if (agency.AdaptiveAllocation > 0 && ctx.Tick > 0)
            {
                for (var stage = 0; stage < stages; stage++)
                    returns[stage] = AdaptiveAllocation.MarginalReturn(agency, (Stage)stage, budget * allocation[stage], ctx.Signals, Layout);
                AdaptiveAllocation.Update(allocation, returns, agency.AdaptiveAllocation);
            }
            for (var stage = 0; stage < stages; stage++) report.AllocationShare[a, stage] += allocation[stage];
            report.SpendUsd[a] += budget;
            if (agency.IntelligenceQueue is { } queue) WorkLeads(i, a, agency, queue, budget, allocation, ctx.Signals, report);
            if (budget <= 0 || agency.Jurisdictions.Length == 0) continue;
            for (var stage = 0; stage < stages; stage++)
            {
                var spend = budget * allocation[stage] / agency.Jurisdictions.Length;
                foreach (var j in agency.Jurisdictions)
                {
                    var targets = Layout.Targets[Layout.TargetIndex(j, (Stage)stage)];
                    var p = Detection.Probability(spend, targets, agency.MaxPressure, agency.Efficiency);
                    if (agency.Corruptibility > 0 && (Stage)stage is Stage.Lab or Stage.Route)
                    {
                        var bribes = ctx.Signals.BribesUsd[j];
                        if (bribes > 0) p *= 1 - agency.Corruptibility * bribes / (bribes + spend);
                    }
                    report.PressureLog[j, (Stage)stage] += Detection.LogSurvival(p);
                }
            }
        }
    }

    /// <summary>
    /// A new mandate (an enforcement-budget item's allocation, "enforcement budget by agency and target", docs/model.md#levers-interventions-and-trust) replaces the
    /// agency's allocation: a scripted agency follows it, an adaptive one starts learning again from it.
    /// </summary>
    private void TakeMandate(int i, int a, Span<double> allocation, TickSignals signals)
    {
        var stages = EnumNames.StageCount;
        var mandate = _mandate.AsSpan(i * stages, stages);
        var changed = false;
        for (var s = 0; s < stages; s++) changed |= signals.Mandate[a, (Stage)s] != mandate[s];
        if (!changed) return;
        for (var s = 0; s < stages; s++) mandate[s] = allocation[s] = signals.Mandate[a, (Stage)s];
    }

    /// <summary>
    /// One month of agency <paramref name="a"/>'s intelligence queue in each of its jurisdictions and for each kind of lead: the
    /// leads partners shared arrive, those about legal sales are dropped, the spend on the stages the leads point at works
    /// what it can, the rest ages, and the worked leads add detection at those stages.
    /// </summary>
    private void WorkLeads(int i, int a, AgencySpec agency, IntelligenceQueueSpec queue, double budget, ReadOnlySpan<double> allocation, TickSignals signals, ShardReport report)
    {
        var counts = report.IntelligenceLeads.Row(a);
        var n = agency.Jurisdictions.Length;
        foreach (var j in agency.Jurisdictions)
            for (var kind = 0; kind < IntelligenceQueue.Kinds; kind++)
            {
                var stages = IntelligenceQueue.StagesOf(kind);
                var spend = 0.0;
                foreach (var stage in stages) spend += budget * allocation[(int)stage] / n;
                ref var waiting = ref _leads[(i * Layout.JurisdictionCount + j) * IntelligenceQueue.Kinds + kind];
                var worked = IntelligenceQueue.Step(ref waiting,
                    queue.LeadsPerKg * signals.SharedSeizedKg[j, kind], queue.LeadsPerKg * signals.ActionableSharedKg[j, kind],
                    spend / queue.UsdPerLead, queue.HalfLifeMonths, counts);
                counts[IntelligenceQueue.Waiting] += waiting;
                if (worked <= 0) continue;
                foreach (var stage in stages)
                {
                    var p = IntelligenceQueue.Pressure(worked, Layout.Targets[Layout.TargetIndex(j, stage)], agency.MaxPressure, queue.TargetsPerLead);
                    report.PressureLog[j, stage] += Detection.LogSurvival(p);
                }
            }
    }
}
