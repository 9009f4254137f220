using SupplySim.Experiments.Statistics;

namespace SupplySim.Experiments.Analysis;

/// <summary>
/// One row of a comparison: an outcome in one scenario, with the paired difference from the baseline (null
/// for the baseline itself) and the relative difference (difference mean / baseline mean).
/// </summary>
public sealed record ComparisonRow(Outcome Outcome, int Arm, string Run, SampleSummary Value, SampleSummary? Difference, double RelativeDifference);

/// <summary>`supplysim compare`: every headline outcome of every scenario against the first (the baseline), plus deaths averted per unit of spend.</summary>
public static class Comparison
{
    public static IReadOnlyList<ComparisonRow> Of(ReplicateTable table)
    {
        var rows = new List<ComparisonRow>();
        var arms = table.Plan.Arms;
        foreach (var o in Outcomes.Headline)
        {
            var baseline = table.Values(0, o);
            var baselineMean = SampleSummary.Of(baseline).Mean;
            for (var a = 0; a < arms.Count; a++)
            {
                var x = table.Values(a, o);
                var diff = a == 0 ? null : SampleSummary.Of(Paired.Differences(x, baseline));
                rows.Add(new ComparisonRow(o, a, arms[a].Run, SampleSummary.Of(x), diff,
                    diff is null || baselineMean == 0 ? double.NaN : diff.Mean / baselineMean));
            }
        }
        var d0 = table.Values(0, Outcomes.Find(Outcomes.Deaths)!);
        var s0 = table.Values(0, Outcomes.Find(Outcomes.Spend)!);
        for (var a = 1; a < arms.Count; a++)
        {
            var ratio = Paired.DeathsAvertedPerMillionUsd(table.Values(a, Outcomes.Find(Outcomes.Deaths)!), table.Values(a, Outcomes.Find(Outcomes.Spend)!), d0, s0);
            rows.Add(new ComparisonRow(Outcomes.DeathsAvertedPerMillionUsd, a, arms[a].Run, SampleSummary.Of(ratio), null, double.NaN));
        }
        return rows;
    }
}
