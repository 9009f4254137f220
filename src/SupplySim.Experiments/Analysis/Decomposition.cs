using SupplySim.Experiments.Statistics;

namespace SupplySim.Experiments.Analysis;

/// <summary>
/// One scenario's deaths averted against the baseline, split (docs/experiments.md#direct-and-market-effects): <see cref="Direct"/>
/// among the people it reaches with the market they face held as in the baseline, <see cref="Market"/> what the market's answer
/// adds or takes away. Per replicate, direct + market = total.
/// </summary>
public sealed record DecompositionRow(int Arm, string Run, SampleSummary Total, SampleSummary Direct, SampleSummary Market);

/// <summary>The direct and market parts of every compared scenario that has a "market held" arm (compare --decompose).</summary>
public static class Decomposition
{
    /// <summary>Per replicate: total = deaths(baseline) − deaths(scenario), direct = deaths(baseline) − deaths(held), market = total − direct.</summary>
    public static (double[] Total, double[] Direct, double[] Market) Split(IReadOnlyList<double> baseline, IReadOnlyList<double> held, IReadOnlyList<double> scenario)
    {
        var total = Paired.Differences(baseline, scenario);
        var direct = Paired.Differences(baseline, held);
        return (total, direct, Paired.Differences(total, direct));
    }

    public static IReadOnlyList<DecompositionRow> Of(ReplicateTable table)
    {
        var plan = table.Plan;
        var deaths = Outcomes.Find(Outcomes.Deaths)!;
        var baseline = table.Values(0, deaths);
        var rows = new List<DecompositionRow>();
        for (var a = 1; a < plan.Arms.Count; a++)
        {
            var h = plan.HeldArmOf(a);
            if (h < 0) continue;
            var (total, direct, market) = Split(baseline, table.Values(h, deaths), table.Values(a, deaths));
            rows.Add(new DecompositionRow(a, plan.Arms[a].Run, SampleSummary.Of(total), SampleSummary.Of(direct), SampleSummary.Of(market)));
        }
        return rows;
    }
}
