using System.Globalization;

namespace SupplySim.Experiments.Calibration;

/// <summary>
/// The deterministic search both calibrations use: each free value is multiplied and divided by shrinking factors
/// (1.6, 1.25, 1.1, 1.04) in turn, and a move is kept when it lowers the loss; a factor is left when a full pass over
/// the free values keeps nothing. Same start, same evaluations, same result.
/// </summary>
internal static class CoordinateSearch
{
    private static readonly double[] Factors = [1.6, 1.25, 1.1, 1.04];

    /// <param name="values">Starting values by name.</param>
    /// <param name="free">The names to move, in the order they are tried.</param>
    /// <param name="start">The evaluation of the starting values.</param>
    /// <param name="loss">The loss of an evaluation (lower is better).</param>
    /// <param name="move">The value tried for a name when its current value is multiplied by a factor (clamped or rounded).</param>
    /// <param name="evaluate">One evaluation of trial values; null when they are rejected (not scored).</param>
    /// <param name="exhausted">True once no more evaluations may be made.</param>
    /// <param name="log">Receives the start and every kept move.</param>
    /// <param name="format">How a kept value is written in the log.</param>
    public static (Dictionary<string, double> Values, double Loss, T Result) Minimize<T>(
        Dictionary<string, double> values, IReadOnlyList<string> free, T start, Func<T, double> loss,
        Func<string, double, double> move, Func<Dictionary<string, double>, T?> evaluate, Func<bool> exhausted,
        Action<string>? log, string format) where T : class
    {
        var (bestResult, best) = (start, loss(start));
        log?.Invoke($"start: loss {best:F4}");
        foreach (var factor in Factors)
        {
            var improved = true;
            while (improved && !exhausted())
            {
                improved = false;
                foreach (var name in free)
                {
                    foreach (var f in new[] { factor, 1 / factor })
                    {
                        if (exhausted()) break;
                        var trial = new Dictionary<string, double>(values, StringComparer.Ordinal) { [name] = move(name, values[name] * f) };
                        if (trial[name] == values[name]) continue;
                        if (evaluate(trial) is not { } result) continue;
                        var l = loss(result);
                        if (l < best - 1e-9)
                        {
                            (values, best, bestResult, improved) = (trial, l, result, true);
                            log?.Invoke($"{name} = {values[name].ToString(format, CultureInfo.InvariantCulture)}: loss {best:F4}");
                            break;
                        }
                    }
                }
            }
        }
        return (values, best, bestResult);
    }
}
