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
/// bribes as large as the spend cancel half of what can be bought (corruption, L1092-L1098).
/// </summary>
public sealed class EnforcementAgencyShard : Shard
{
    public EnforcementAgencyShard(Layout layout, ShardInfo info) : base(layout, info) { }

    internal static readonly CheckpointFields Checkpoint = new([], []);

    /// <summary>Agencies keep no state between ticks: their budgets and pressure travel in the signals.</summary>
    public override void Save(BinaryWriter w) { }

    public override void Load(BinaryReader r) { }

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, double[] report)
    {
        for (var i = 0; i < Info.Count; i++)
        {
            var a = Info.FirstInGroup + i;
            var agency = Spec.Agencies[a];
            var budget = ctx.Signals.Budget(a);
            report[Raw.SpendUsd + a] += budget;
            if (budget <= 0 || agency.Jurisdictions.Length == 0) continue;
            for (var stage = 0; stage < agency.Allocation.Length; stage++)
            {
                var spend = budget * agency.Allocation[stage] / agency.Jurisdictions.Length;
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
