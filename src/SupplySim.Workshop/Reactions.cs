using System.Globalization;
using SupplySim.Experiments.Results;
using SupplySim.Model.Metrics;

namespace SupplySim.Workshop;

/// <summary>
/// The market's reactions in one run, read from its own metrics.csv: precursor delivered to labs and drug
/// produced (their gap is what stockpiles and lags absorb), the final trust between countries (which gates
/// cooperation), and the share of diverted precursor sold by non-adopters and informal sellers (the residual
/// market around KYC). Substitution, displacement, potency and price come from the headline outcomes.
/// </summary>
public sealed record RunReactions(double PrecursorKg, double ProductionKg, double TrustFinal, double ResidualShare)
{
    public static RunReactions Read(string metricsCsv)
    {
        double precursor = 0, production = 0, diverted = 0, residual = 0;
        var trust = new SortedDictionary<string, double>(StringComparer.Ordinal);
        using var reader = new StreamReader(metricsCsv);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var f = CsvLine.Split(line); // run,replicate,tick,date,metric,dimension,value
            if (f.Length < 7 || !double.TryParse(f[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || double.IsNaN(v)) continue;
            var metric = MetricCatalog.Find(f[4]);
            if (metric == MetricCatalog.PrecursorKg && f[5].StartsWith("substance=", StringComparison.Ordinal)) precursor += v;
            else if (metric == MetricCatalog.ProductionKg) production += v;
            else if (metric == MetricCatalog.Trust) trust[f[5]] = v;
            else if (metric == MetricCatalog.DivertedPrecursorKg)
            {
                diverted += v;
                if (f[5] != "seller=adopter") residual += v;
            }
        }
        return new RunReactions(precursor, production, trust.Count > 0 ? trust.Values.Average() : double.NaN, diverted > 0 ? residual / diverted : double.NaN);
    }
}

/// <summary>One sweep point's means over replicates: the effect and every reaction the explanation compares.</summary>
public sealed record PointReactions(double Value, double Deaths, double Supply, double Substitution, double DisplacementOrigin, double DisplacementLab,
    double Potency, double Price, double PrecursorKg, double ProductionKg, double TrustFinal, double ResidualShare);

/// <summary>
/// Plain-language reading of a dose-response sweep: how the effect changed over the range and which reactions
/// moved between the first and last points, so a room sees what ate the effect. Every sentence quotes the
/// run's own numbers; a reaction is named only when it moved by more than a small threshold.
/// </summary>
public static class ReactionExplanation
{
    public static IReadOnlyList<string> Explain(string lever, IReadOnlyList<PointReactions> points, int? diminishingStep)
    {
        var lines = new List<string>();
        if (points.Count < 2) return lines;
        var (a, b) = (points[0], points[^1]);
        var range = $"from {Num(a.Value)} to {Num(b.Value)}";
        var averted = a.Deaths - b.Deaths;
        lines.Add(averted >= 0
            ? $"Moving {lever} {range} averts {Num(averted)} overdose deaths ({P(Share(averted, a.Deaths))} of {Num(a.Deaths)}); supply reaching users changes by {Pct(b.Supply - a.Supply, a.Supply)}."
            : $"Moving {lever} {range} adds {Num(-averted)} overdose deaths ({P(Share(-averted, a.Deaths))} more than {Num(a.Deaths)}); supply reaching users changes by {Pct(b.Supply - a.Supply, a.Supply)}.");
        if (diminishingStep is { } k && k < points.Count)
        {
            var first = points[0].Deaths - points[1].Deaths;
            var at = points[k - 1].Deaths - points[k].Deaths;
            lines.Add($"Returns diminish from step {k} ({Num(points[k - 1].Value)} to {Num(points[k].Value)}): it averts {Num(at)} deaths against {Num(first)} for the first step.");
        }
        else lines.Add("Returns do not diminish within this range: each step buys at least half of what the first bought.");

        var reactions = new List<string>();
        if (b.Substitution - a.Substitution > 0.02)
            reactions.Add($"Substitution: labs switched precursors; the substitution index rose from {Idx(a.Substitution)} to {Idx(b.Substitution)}.");
        var shift = Math.Max(b.DisplacementOrigin - a.DisplacementOrigin, b.DisplacementLab - a.DisplacementLab);
        if (shift > 0.02)
            reactions.Add($"Displacement: sourcing and synthesis moved elsewhere; the displacement index (origin) went from {Idx(a.DisplacementOrigin)} to {Idx(b.DisplacementOrigin)} and (lab) from {Idx(a.DisplacementLab)} to {Idx(b.DisplacementLab)}.");
        var precursorCut = Share(a.PrecursorKg - b.PrecursorKg, a.PrecursorKg);
        var productionCut = Share(a.ProductionKg - b.ProductionKg, a.ProductionKg);
        if (precursorCut > 0.02 && precursorCut - productionCut > 0.02)
            reactions.Add($"Stockpiles and lags: precursor delivered to labs fell by {P(precursorCut)} but drug production only by {P(productionCut)}; stocks and the months-long chain cushioned the cut.");
        if (Math.Abs(b.TrustFinal - a.TrustFinal) > 0.02)
            reactions.Add($"Trust: final trust between countries went from {Idx(a.TrustFinal)} to {Idx(b.TrustFinal)}, and cooperation follows trust.");
        if (b.ResidualShare - a.ResidualShare > 0.05)
            reactions.Add($"Residual market: the share of diverted precursor sold by non-adopters and informal sellers rose from {P(a.ResidualShare)} to {P(b.ResidualShare)}.");
        if (b.Potency - a.Potency > 0.02 * Math.Abs(a.Potency))
            reactions.Add($"Potency: sellers answered with stronger doses ({a.Potency:0.###} to {b.Potency:0.###} mg per dose).");
        if (reactions.Count == 0)
            reactions.Add(diminishingStep is not null
                ? "None of substitution, displacement, stockpiles or trust moved much between the first and last settings, so the lever itself saturates: detection grows with spend as max × (1 − e^(−k·spend)), and a share cannot pass 1."
                : "None of substitution, displacement, stockpiles or trust moved much between the first and last settings: what the lever reaches, it keeps (compare the effect with the supply it cut).");
        lines.Add("What ate the effect:");
        lines.AddRange(reactions);
        return lines;
    }

    private static double Share(double part, double whole) => whole != 0 ? part / whole : 0;

    private static string Pct(double part, double whole) => whole != 0 ? (part / whole).ToString("+0.0%;-0.0%;0%", CultureInfo.InvariantCulture) : "n/a";

    private static string P(double share) => (100 * share).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Idx(double v) => double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Num(double v) => !double.IsFinite(v) ? "n/a"
        : Math.Abs(v) >= 1000 ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);
}
