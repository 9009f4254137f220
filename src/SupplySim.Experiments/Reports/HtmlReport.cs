using System.Net;
using System.Text;
using SupplySim.Experiments;
using SupplySim.Experiments.Analysis;

namespace SupplySim.Experiments.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS, charts embedded as SVG data URIs, no script, nothing
/// fetched from a network) with the scenario's question and description, how the experiment was run, the
/// tables, the charts (each linking to its local PNG and SVG) and how to read the statistics.
/// </summary>
public static class HtmlReport
{
    public const string File = "report.html";

    public sealed record Chart(string Title, string Png, string Svg);

    public static string Render(string outDir, ExperimentPlan plan, string version, IReadOnlyList<ResultTable> tables, IReadOnlyList<Chart> charts, IReadOnlyList<string> files,
        PartialRuns? partial = null, IReadOnlyList<ReportSection>? sections = null)
    {
        var h = new StringBuilder();
        var title = plan.Kind switch
        {
            ExperimentKind.Compare => $"Compare: {string.Join(" vs ", plan.Arms.Select(a => a.Run))}",
            ExperimentKind.Sweep => $"Sweep of {plan.Scenarios[0].Name}: {string.Join(" x ", plan.Sweep!.Axes.Select(a => a.Path))}",
            _ => sections?.Any(x => x.Title == "Hindcast") == true ? $"Hindcast: {plan.Arms[0].Run}" : $"Run: {plan.Arms[0].Run}",
        };
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>SupplySim - ").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        h.Append("<h1>").Append(E(title)).Append("</h1>\n");
        if (partial is not null)
            h.Append("<p class=\"partial\" style=\"background:#fff3cd;border:1px solid #e0b400;padding:.6rem .8rem;font-weight:bold\">").Append(E(partial.Sentence)).Append("</p>\n");

        h.Append("<section class=\"meta\">\n");
        foreach (var s in plan.Scenarios) h.Append("<p class=\"question\">").Append(E(s.Question.Length > 0 ? s.Question : s.Name)).Append("</p>\n");
        h.Append("<dl>\n");
        Term(h, "Replicates", $"{plan.Replicates} per {(plan.Kind == ExperimentKind.Sweep ? "point" : "scenario")}; replicate i of every {(plan.Kind == ExperimentKind.Sweep ? "point" : "scenario")} uses the same seed (common random numbers)");
        Term(h, "Seed", $"{plan.Seed} (replicate seeds: {string.Join(", ", plan.Seeds.Take(5))}{(plan.Replicates > 5 ? ", ..." : "")})");
        Term(h, "Period", $"{plan.Scenarios[0].Start} to {plan.Scenarios[0].End} ({plan.Scenarios[0].Ticks} monthly ticks)");
        if (plan.Sweep is { } sweep)
            foreach (var a in sweep.Axes) Term(h, "Varied", $"{a.Path}: {string.Join(", ", a.Values)}");
        Term(h, "Command", plan.CommandLine);
        Term(h, "Version", $"supplysim {version}");
        h.Append("</dl>\n</section>\n");

        foreach (var s in plan.Scenarios)
        {
            h.Append("<details").Append(plan.Scenarios.Count == 1 ? " open" : "").Append("><summary>Scenario <code>").Append(E(s.Name)).Append("</code> (")
             .Append(E(Path.GetFileName(s.File))).Append(", sha256 ").Append(E(s.Sha256[..12])).Append("...)</summary>\n<pre>")
             .Append(E(s.Description.Length > 0 ? s.Description : "(the scenario file has no opening comment block)")).Append("</pre>\n</details>\n");
        }

        h.Append("<h2>Results</h2>\n");
        foreach (var t in tables) Table(h, t);

        if (charts.Count > 0)
        {
            h.Append("<h2>Charts</h2>\n");
            Charts(h, outDir, charts);
        }

        foreach (var section in sections ?? [])
        {
            h.Append("<h2>").Append(E(section.Title)).Append("</h2>\n");
            foreach (var p in section.Paragraphs) h.Append("<p>").Append(E(p)).Append("</p>\n");
            foreach (var t in section.Tables) Table(h, t);
            Charts(h, outDir, section.Charts);
        }

        h.Append("<h2>How to read this</h2>\n<ul class=\"notes\">\n");
        foreach (var note in Notes(plan)) h.Append("<li>").Append(E(note)).Append("</li>\n");
        h.Append("</ul>\n<h2>Files in this folder</h2>\n<ul class=\"files\">\n");
        foreach (var f in files) h.Append("<li><a href=\"").Append(E(f)).Append("\">").Append(E(f)).Append("</a></li>\n");
        h.Append("</ul>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Charts(StringBuilder h, string outDir, IReadOnlyList<Chart> charts)
    {
        h.Append("<div class=\"charts\">\n");
        foreach (var c in charts)
        {
            var svg = System.IO.File.ReadAllBytes(Path.Combine(outDir, c.Svg));
            h.Append("<figure><img alt=\"").Append(E(c.Title)).Append("\" src=\"data:image/svg+xml;base64,").Append(Convert.ToBase64String(svg)).Append("\">\n")
             .Append("<figcaption>").Append(E(c.Title)).Append(" (<a href=\"").Append(E(c.Png)).Append("\">PNG</a>, <a href=\"").Append(E(c.Svg)).Append("\">SVG</a>)</figcaption></figure>\n");
        }
        h.Append("</div>\n");
    }

    private static IEnumerable<string> Notes(ExperimentPlan plan)
    {
        yield return "Each outcome is computed once per run (replicate); the mean is over replicates, and the 95% confidence interval of the mean is mean ± t(0.975, n−1) × sd / √n (Student t). It says how precisely the replicates pin down the model's expected outcome, not how likely the real world is to follow it.";
        yield return "Quantiles (median, 5% to 95%) show the spread of single runs (linear interpolation between order statistics).";
        if (plan.Kind == ExperimentKind.Compare)
            yield return "Differences are paired: replicate i of each scenario runs on the same seed as replicate i of the baseline, so their difference cancels the noise they share. Relative = mean difference / baseline mean.";
        if (plan.Kind == ExperimentKind.Sweep)
        {
            yield return "The marginal effect of a step is the paired difference between consecutive values of the varied setting (same seeds).";
            yield return $"Returns diminish at the first step whose marginal effect (per unit of the setting) is below {DoseResponse.Threshold:P0} of the first step's, counted in the first step's direction (a reversal counts).";
        }
        yield return "Flows (deaths, supply, money, seizures, spend) are totals over the whole period; prices and potency are weighted by the supply reaching users; indices are their final values. Metric definitions: docs/model.md; experiment files: docs/experiments.md.";
        yield return "The behaviour parameters are not yet calibrated: read directions and relative sizes, not absolute levels.";
    }

    private static void Table(StringBuilder h, ResultTable t)
    {
        h.Append("<table>\n<caption>").Append(E(t.Title)).Append("</caption>\n<thead><tr>");
        foreach (var c in t.Columns) h.Append("<th>").Append(E(c)).Append("</th>");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in t.Rows)
        {
            if (row.Skip(1).All(c => c.Length == 0))
            {
                // A heading row (an outcome, or a line of a sweep) spans the table.
                h.Append("<tr class=\"group\"><td colspan=\"").Append(t.Columns.Count).Append("\">").Append(E(row[0])).Append("</td></tr>\n");
                continue;
            }
            h.Append("<tr>");
            foreach (var cell in row)
                h.Append(cell.StartsWith("  ", StringComparison.Ordinal) ? "<td class=\"indent\">" : "<td>").Append(E(cell.Trim())).Append("</td>");
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
        foreach (var n in t.Notes) h.Append("<p class=\"note\">").Append(E(n)).Append("</p>\n");
    }

    private static void Term(StringBuilder h, string term, string value)
        => h.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private const string Style = """
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 1280px; padding: 0 1rem; color: #222; }
        h1 { font-size: 1.6rem; margin-bottom: .5rem; }
        h2 { margin-top: 2.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
        .question { font-size: 1.15rem; font-style: italic; margin: .3rem 0; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .9rem; }
        dt { font-weight: bold; } dd { margin: 0; word-break: break-word; }
        pre { background: #f6f6f6; padding: .8rem; overflow-x: auto; font-size: .85rem; }
        table { border-collapse: collapse; margin: 1.2rem 0 .3rem; font-size: .88rem; }
        caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }
        th, td { border: 1px solid #ddd; padding: .25rem .6rem; text-align: right; white-space: nowrap; }
        th:first-child, td:first-child { text-align: left; white-space: normal; }
        tr.group td { font-weight: bold; background: #eef2f7; text-align: left; }
        td.indent { padding-left: 1.6rem; }
        .note { font-size: .85rem; color: #555; margin: .2rem 0; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 1rem; }
        figure { margin: 0; } figure img { width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: .85rem; color: #555; }
        """;
}
