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
/// (<see cref="AdaptiveAllocation"/>); that allocation is its only state.
/// </summary>
public sealed class EnforcementAgencyShard : Shard
{
    // Each agency's current allocation per stage, Info.Count × stages: the scripted one unless it adapts.
    private readonly double[] _allocation;

    public EnforcementAgencyShard(Layout layout, ShardInfo info) : base(layout, info)
    {
        _allocation = new double[info.Count * EnumNames.StageCount];
        for (var i = 0; i < info.Count; i++) Spec.Agencies[info.FirstInGroup + i].Allocation.CopyTo(_allocation, i * EnumNames.StageCount);
    }

    internal static readonly CheckpointFields Checkpoint = new([nameof(_allocation)], []);

    /// <summary>Agencies keep their allocation between ticks (it changes only where they adapt); budgets and pressure travel in the signals.</summary>
    public override void Save(BinaryWriter w) => w.WriteArray(_allocation);

    public override void Load(BinaryReader r) => r.ReadArrayInto(_allocation);

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, double[] report)
    {
        var stages = EnumNames.StageCount;
        Span<double> returns = stackalloc double[stages];
        for (var i = 0; i < Info.Count; i++)
        {
            var a = Info.FirstInGroup + i;
            var agency = Spec.Agencies[a];
            var allocation = _allocation.AsSpan(i * stages, stages);
            var budget = ctx.Signals.Budget(a);
            if (agency.AdaptiveAllocation > 0 && ctx.Tick > 0)
            {
                for (var stage = 0; stage < stages; stage++)
                    returns[stage] = AdaptiveAllocation.MarginalReturn(agency, (Stage)stage, budget * allocation[stage], ctx.Signals, Layout);
                AdaptiveAllocation.Update(allocation, returns, agency.AdaptiveAllocation);
            }
            for (var stage = 0; stage < stages; stage++) report[Raw.AllocationShare + a * stages + stage] += allocation[stage];
            report[Raw.SpendUsd + a] += budget;
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
                        var bribes = ctx.Signals.BribesUsd(j);
                        if (bribes > 0) p *= 1 - agency.Corruptibility * bribes / (bribes + spend);
                    }
                    report[Raw.PressureLog + Layout.TargetIndex(j, (Stage)stage)] += Detection.LogSurvival(p);
                }
            }
        }
    }
}
