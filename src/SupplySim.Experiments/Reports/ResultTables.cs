using SupplySim.Experiments.Analysis;
using SupplySim.Experiments.Statistics;

namespace SupplySim.Experiments.Reports;

/// <summary>A table for people: a title, column headers, text rows and notes under it. Rendered to the console and to report.html alike.</summary>
public sealed record ResultTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Notes);

/// <summary>
/// Builds the tables of an experiment (one run's outcomes, a comparison, a sweep's dose-response) from its
/// statistics. Intervals are written "mean ± half-width" of the 95% CI, which keeps them narrow enough for an 80-column terminal.
/// </summary>
public static class ResultTables
{
    public const string CiNote = "± is the half-width of the 95% confidence interval of the mean over replicates (Student t).";

    public static ResultTable Outcomes(ReplicateTable table, int arm)
    {
        var n = table.Plan.Replicates;
        var rows = Analysis.Outcomes.Headline.Select(o =>
        {
            var s = SampleSummary.Of(table.Values(arm, o));
            return (IReadOnlyList<string>)(n > 1
                ? [Label(o), Figures.PlusMinus(s.Mean, s.HalfWidth), Figures.Format(s.Median), Figures.Interval(s.P05, s.P95)]
                : [Label(o), Figures.Format(s.Mean)]);
        }).ToArray();
        return new ResultTable($"{table.Plan.Arms[arm].Run}: headline outcomes ({Replicates(n)})",
            n > 1 ? ["Outcome (unit)", "Mean ± 95% CI", "Median", "5% to 95%"] : ["Outcome (unit)", "Value"], rows,
            n > 1 ? [CiNote, "Median and 5% to 95%: the spread of single runs."] : ["One replicate: no confidence interval. Add --replicates N (10 or more) to see the run-to-run spread."]);
    }

    public static ResultTable Comparison(ReplicateTable table, IReadOnlyList<ComparisonRow> comparison)
    {
        var rows = new List<IReadOnlyList<string>>();
        string? last = null;
        foreach (var r in comparison)
        {
            if (r.Outcome.Key != last) rows.Add([Label(r.Outcome), "", "", ""]);
            last = r.Outcome.Key;
            var d = r.Difference;
            rows.Add(["  " + r.Run, Figures.PlusMinus(r.Value.Mean, r.Value.HalfWidth),
                d is null ? (r.Arm == 0 ? "(baseline)" : "") : Figures.PlusMinus(d.Mean, d.HalfWidth, signed: true),
                d is null ? "" : Figures.Percent(r.RelativeDifference)]);
        }
        var plan = table.Plan;
        return new ResultTable($"Compared with {plan.Arms[0].Run} ({Replicates(plan.Replicates)} each, common random numbers)",
            ["Outcome (unit) / scenario", "Mean ± 95% CI", "Difference ± 95% CI", "Relative"], rows,
            [CiNote,
             "Difference: paired by replicate (replicate i of every scenario uses the same seed), so shared noise cancels; relative = difference / baseline mean.",
             "Deaths averted per USD 1M: (baseline deaths - deaths) / (extra enforcement spend / 1M) per replicate; n/a where a scenario spends no more than the baseline."]);
    }

    /// <summary>Deaths averted per compared scenario, split into the direct and the market-mediated part (compare --decompose).</summary>
    public static ResultTable Decomposition(ReplicateTable table, IReadOnlyList<DecompositionRow> rows)
        => new($"Deaths averted against {table.Plan.Arms[0].Run}, direct and through the market ({Replicates(table.Plan.Replicates)} each)",
            ["Scenario", "Total ± 95% CI", "Direct ± 95% CI", "Market ± 95% CI"],
            rows.Select(r => (IReadOnlyList<string>)[r.Run, Figures.PlusMinus(r.Total.Mean, r.Total.HalfWidth, signed: true),
                Figures.PlusMinus(r.Direct.Mean, r.Direct.HalfWidth, signed: true), Figures.PlusMinus(r.Market.Mean, r.Market.HalfWidth, signed: true)]).ToArray(),
            [CiNote,
             "Total: baseline deaths - scenario deaths. Direct: baseline deaths - deaths of the scenario's \"market held\" run, whose people face the baseline's market (potency, served share, pill, nitazene and xylazine shares, potency spread) tick by tick.",
             "Market: what the market's answer adds (+) or takes away (-); direct + market = total in every replicate. See docs/experiments.md#direct-and-market-effects."]);

    public static ResultTable Sweep(IReadOnlyList<DoseLine> lines, string axis)
    {
        var o = lines[0].Outcome;
        var many = lines.Count > 1;
        var rows = new List<IReadOnlyList<string>>();
        var notes = new List<string>();
        foreach (var l in lines)
        {
            if (many) rows.Add([l.Line, "", "", ""]);
            for (var i = 0; i < l.Points.Count; i++)
            {
                var p = l.Points[i];
                var step = i > 0 ? l.Steps[i - 1] : null;
                rows.Add([(many ? "  " : "") + Setting(p.Value), Figures.PlusMinus(p.Outcome.Mean, p.Outcome.HalfWidth),
                    step is null ? "" : Figures.PlusMinus(step.Marginal.Mean, step.Marginal.HalfWidth, signed: true),
                    step is null ? "" : Figures.Share(step.ShareOfFirst) + (step.Step == l.DiminishingStep ? " <- diminishing" : "")]);
            }
            notes.Add((many ? l.Line + ": " : "") + Verdict(l));
        }
        notes.Add(CiNote + " Marginal effect: paired difference from the previous value (same seeds).");
        return new ResultTable(Label(o), [axis, "Mean ± 95% CI", "Marginal ± 95% CI", "Of first step"], rows, notes);
    }

    /// <summary>Where returns diminish along a line, in one sentence.</summary>
    public static string Verdict(DoseLine l)
    {
        if (l.Steps.Count < 2) return "Two steps or more are needed to judge diminishing returns.";
        var first = l.Steps[0].Marginal.Mean;
        if (!double.IsFinite(first) || first == 0) return "The first step has no effect, so diminishing returns are not judged.";
        var verdict = l.Diminishing is { } d
            ? $"Returns diminish at step {d.Step} ({Setting(d.From)} to {Setting(d.To)}): its marginal effect, {Figures.Signed(d.Marginal.Mean)}, is {Figures.Share(d.ShareOfFirst)} of the first step's ({Figures.Signed(first)}), below half."
            : "Returns do not diminish within this range: every step keeps at least half of the first step's marginal effect.";
        var m = l.Steps[0].Marginal;
        return m.CiLow <= 0 && m.CiHigh >= 0 ? verdict + " The first step's 95% CI includes zero: more replicates would make this firmer." : verdict;
    }

    private static string Label(Outcome o) => $"{o.Label} ({o.Unit})";

    /// <summary>A varied setting's value for people: numbers with separators (450 M), months as written.</summary>
    public static string Setting(string value)
        => double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? Figures.Format(v) : value;

    private static string Replicates(int n) => n == 1 ? "1 replicate" : $"{n} replicates";
}
