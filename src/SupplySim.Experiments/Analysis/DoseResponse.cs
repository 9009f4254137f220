using SupplySim.Experiments.Statistics;
using SupplySim.Scenarios;

namespace SupplySim.Experiments.Analysis;

/// <summary>One sweep point on a dose-response line: its arm, its value of the first (x) axis, and the outcome's statistics.</summary>
public sealed record DosePoint(int Arm, string Value, double X, SampleSummary Outcome);

/// <summary>
/// One step between consecutive points: the marginal effect (paired difference, point k − point k−1, per
/// replicate) and its slope relative to the first step's (1 = as large, 0.5 = half, negative = reversed).
/// </summary>
public sealed record DoseStep(int Step, string From, string To, SampleSummary Marginal, double ShareOfFirst, bool Diminished);

/// <summary>A dose-response line of one outcome: the other axes fixed (<see cref="Line"/>, empty for a one-axis sweep), the first axis varied.</summary>
public sealed record DoseLine(Outcome Outcome, string Line, IReadOnlyList<DosePoint> Points, IReadOnlyList<DoseStep> Steps, int? DiminishingStep)
{
    /// <summary>The step at which returns diminish, or null when they do not within the range.</summary>
    public DoseStep? Diminishing => DiminishingStep is { } k ? Steps[k - 1] : null;
}

/// <summary>
/// `supplysim sweep`: dose-response per outcome, the marginal effect of each step, and where returns diminish:
/// the first step whose marginal effect per unit of the varied setting is below half the first step's
/// (signed along the first step's direction, so a reversal counts too). With equal steps this is "the first
/// step whose marginal effect is below half of the first step's" (docs/experiments.md).
/// </summary>
public static class DoseResponse
{
    public const double Threshold = 0.5;

    public static IReadOnlyList<DoseLine> Of(ReplicateTable table, SweepDefinition sweep, Outcome outcome)
    {
        var lines = new List<DoseLine>();
        var k = sweep.PointsPerLine;
        for (var start = 0; start < sweep.Points; start += k)
        {
            var line = string.Join(" & ", sweep.Overrides(start).Skip(1).Select(o => $"{o.Path}={o.Value}"));
            var values = Enumerable.Range(start, k).Select(a => table.Values(a, outcome)).ToArray();
            var axis = sweep.Axes[0];
            var points = Enumerable.Range(0, k).Select(i => new DosePoint(start + i, axis.Values[i], axis.X(i), SampleSummary.Of(values[i]))).ToArray();
            var marginals = Enumerable.Range(1, k - 1).Select(i => SampleSummary.Of(Paired.Differences(values[i], values[i - 1]))).ToArray();
            var slopes = marginals.Select((m, i) => m.Mean / (points[i + 1].X - points[i].X)).ToArray();
            var diminishing = DiminishingStep(slopes);
            var steps = marginals.Select((m, i) => new DoseStep(i + 1, axis.Values[i], axis.Values[i + 1], m,
                ShareOfFirst(slopes, i), diminishing is { } d && i + 1 >= d)).ToArray();
            lines.Add(new DoseLine(outcome, line, points, steps, diminishing));
        }
        return lines;
    }

    /// <summary>
    /// The 1-based index of the first step whose slope, signed along the first step's, is below
    /// <see cref="Threshold"/> of the first step's; null when the first step has no effect or no step qualifies.
    /// </summary>
    public static int? DiminishingStep(IReadOnlyList<double> slopes)
    {
        if (slopes.Count < 2 || !double.IsFinite(slopes[0]) || slopes[0] == 0) return null;
        for (var i = 1; i < slopes.Count; i++)
            if (ShareOfFirst(slopes, i) < Threshold) return i + 1;
        return null;
    }

    private static double ShareOfFirst(IReadOnlyList<double> slopes, int i)
        => slopes[0] == 0 || !double.IsFinite(slopes[0]) ? double.NaN : slopes[i] / slopes[0];
}
