using SupplySim.Model.Engine;
using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// Adaptive allocation (docs/model.md#the-six-actor-kinds, "allocation (scripted or adaptive)"): an agency moves budget between the stages
/// of its mandate (the crime-control matrix's LEA rows, L1081-L1088) toward those where one more USD would have
/// seized the most. The return is marginal, not average: detection is concave in spend (L904-L906), so a stage that
/// gains budget sees its return fall, and the allocation settles where the funded stages return the same.
/// </summary>
public static class AdaptiveAllocation
{
    /// <summary>
    /// Value (<see cref="SeizureValue"/>, USD) one more USD at <paramref name="stage"/> would have seized, over the agency's jurisdictions (its
    /// stage spend is split evenly over them): Σ_j E_j × dP_j/dx_j / n, with E_j the value seized there last month per
    /// unit of pressure (<see cref="TickSignals.ExposedValueUsd"/>), x_j = <paramref name="stageSpendUsd"/> / n, and
    /// dP/dx = (1 − P)/(1 − p) × pmax k/T e^(−k x/T): the agency's own p = pmax(1 − e^(−k x/T)) combined with the
    /// other agencies' into the published P. Bribes are left out of the derivative.
    /// </summary>
    public static double MarginalReturn(AgencySpec agency, Stage stage, double stageSpendUsd, TickSignals signals, Layout layout)
    {
        var n = agency.Jurisdictions.Length;
        if (n == 0) return 0;
        var x = stageSpendUsd / n;
        var total = 0.0;
        foreach (var j in agency.Jurisdictions)
        {
            var targets = layout.Targets[Layout.TargetIndex(j, stage)];
            var exposed = signals.ExposedValueUsd[j, stage];
            if (targets <= 0 || exposed <= 0) continue;
            var own = Detection.Probability(x, targets, agency.MaxPressure, agency.Efficiency);
            var combined = signals.Pressure[j, stage];
            var dOwn = agency.MaxPressure * agency.Efficiency / targets * Math.Exp(-agency.Efficiency * x / targets);
            total += exposed * dOwn * Math.Max(0, 1 - combined) / Math.Max(1e-9, 1 - own);
        }
        return total / n;
    }

    /// <summary>
    /// One month's update: each stage's share grows by <paramref name="rate"/> times how far its return lies above the
    /// allocation-weighted mean return, a_s ← a_s (1 + rate (R_s / R̄ − 1)); a stage that returned nothing loses
    /// <paramref name="rate"/> of its share. The total is kept (renormalised against rounding), a share of 0 stays 0,
    /// and nothing moves when no stage returned anything.
    /// </summary>
    public static void Update(Span<double> allocation, ReadOnlySpan<double> returns, double rate)
    {
        double total = 0, weighted = 0;
        for (var s = 0; s < allocation.Length; s++)
        {
            total += allocation[s];
            weighted += allocation[s] * returns[s];
        }
        if (total <= 0 || weighted <= 0) return;
        var mean = weighted / total;
        var after = 0.0;
        for (var s = 0; s < allocation.Length; s++)
        {
            allocation[s] *= 1 + rate * (returns[s] / mean - 1);
            after += allocation[s];
        }
        for (var s = 0; s < allocation.Length; s++) allocation[s] *= total / after;
    }
}
