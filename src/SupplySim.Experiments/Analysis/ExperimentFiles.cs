using System.Text.Json;
using SupplySim.Experiments;
using SupplySim.Experiments.Results;
using SupplySim.Experiments.Running;
using SupplySim.Experiments.Statistics;
using SupplySim.Scenarios;

namespace SupplySim.Experiments.Analysis;

/// <summary>
/// Writes the tables of an experiment from its replicate table: summary.json (every arm's statistics),
/// compare.csv and compare.json for a comparison, sweep.csv, marginal.csv and sweep.json for a sweep.
/// Each is written whole under a temporary name and renamed (<see cref="AtomicFile"/>).
/// </summary>
public static class ExperimentFiles
{
    public static IReadOnlyList<string> Write(string outDir, ReplicateTable table, PartialRuns? partial = null)
    {
        var plan = table.Plan;
        var files = new List<string> { "summary.json" };
        AtomicFile.WriteAllText(Path.Combine(outDir, "summary.json"), Summary(outDir, table, partial));
        if (plan.Kind == ExperimentKind.Compare)
        {
            var rows = Comparison.Of(table);
            AtomicFile.WriteAllText(Path.Combine(outDir, "compare.csv"), CompareCsv(rows));
            AtomicFile.WriteAllText(Path.Combine(outDir, "compare.json"), CompareJson(plan, rows));
            files.AddRange(["compare.csv", "compare.json"]);
        }
        if (plan is { Kind: ExperimentKind.Sweep, Sweep: { } sweep })
        {
            var lines = Outcomes.Headline.SelectMany(o => DoseResponse.Of(table, sweep, o)).ToArray();
            AtomicFile.WriteAllText(Path.Combine(outDir, "sweep.csv"), SweepCsv(plan, sweep, table));
            AtomicFile.WriteAllText(Path.Combine(outDir, "marginal.csv"), MarginalCsv(lines));
            AtomicFile.WriteAllText(Path.Combine(outDir, "sweep.json"), SweepJson(plan, sweep, lines));
            files.AddRange(["sweep.csv", "marginal.csv", "sweep.json"]);
        }
        return files;
    }

    private static string Summary(string outDir, ReplicateTable table, PartialRuns? partial)
    {
        var plan = table.Plan;
        var first = plan.Scenarios[0];
        return RunExecutor.Json(w =>
        {
            w.WriteString("command", plan.Kind.ToString().ToLowerInvariant());
            if (partial is not null)
            {
                // Only a partial experiment has these keys, so a complete one's summary.json keeps its bytes.
                w.WriteBoolean("partial", true);
                w.WriteNumber("runs_completed", partial.Completed);
                w.WriteNumber("runs_planned", partial.Planned);
            }
            w.WriteString("scenario", first.Name);
            w.WriteString("question", first.Question);
            w.WriteNumber("seed", plan.Seed);
            w.WriteNumber("replicates", plan.Replicates);
            w.WriteStartArray("replicate_seeds");
            foreach (var s in plan.Seeds) w.WriteNumberValue(s);
            w.WriteEndArray();
            w.WriteString("start", first.Start);
            w.WriteString("end", first.End);
            w.WriteNumber("ticks", first.Ticks);
            w.WriteStartArray("runs");
            for (var a = 0; a < plan.Arms.Count; a++)
            {
                w.WriteStartObject();
                w.WriteString("run", plan.Arms[a].Run);
                w.WriteString("scenario", plan.Scenarios[plan.Arms[a].Scenario].Name);
                w.WriteStartObject("statistics");
                foreach (var o in Outcomes.Headline) SummaryFormat.Json(w, o.Key, SampleSummary.Of(table.Values(a, o)));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (plan.Decomposes) DecompositionJson(w, Decomposition.Of(table));
            if (plan is { Kind: ExperimentKind.Run, Replicates: 1 })
            {
                // A single run keeps the detailed headline (by region, year, lab, stage, method) at the top, as before.
                using var run = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(plan.RunDirectory(outDir, 0, 0), "summary.json")));
                w.WritePropertyName("headline");
                run.RootElement.GetProperty("headline").WriteTo(w);
                w.WritePropertyName("interventions");
                run.RootElement.GetProperty("interventions").WriteTo(w);
            }
        });
    }

    /// <summary>"deaths_averted_decomposed": per compared scenario, the total, direct and market parts of the deaths averted.</summary>
    private static void DecompositionJson(Utf8JsonWriter w, IReadOnlyList<DecompositionRow> rows)
    {
        w.WriteStartArray("deaths_averted_decomposed");
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("run", r.Run);
            SummaryFormat.Json(w, "total", r.Total);
            SummaryFormat.Json(w, "direct", r.Direct);
            SummaryFormat.Json(w, "market", r.Market);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string CompareCsv(IReadOnlyList<ComparisonRow> rows)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("outcome,run,").Append(SummaryFormat.Columns).Append(",difference,difference_ci95_low,difference_ci95_high,relative_difference\n");
        foreach (var r in rows)
        {
            sb.Append(r.Outcome.Key).Append(',').Append(MetricsCsvWriter.Field(r.Run)).Append(',').Append(SummaryFormat.Csv(r.Value)).Append(',');
            sb.Append(r.Difference is { } d ? $"{CsvLine.Text(d.Mean)},{CsvLine.Text(d.CiLow)},{CsvLine.Text(d.CiHigh)},{CsvLine.Text(r.RelativeDifference)}" : ",,,");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string CompareJson(ExperimentPlan plan, IReadOnlyList<ComparisonRow> rows)
        => RunExecutor.Json(w =>
        {
            w.WriteString("baseline", plan.Arms[0].Run);
            w.WriteNumber("replicates", plan.Replicates);
            w.WriteNumber("seed", plan.Seed);
            w.WriteStartArray("outcomes");
            foreach (var group in rows.GroupBy(r => r.Outcome.Key))
            {
                var o = group.First().Outcome;
                w.WriteStartObject();
                w.WriteString("outcome", o.Key);
                w.WriteString("label", o.Label);
                w.WriteString("unit", o.Unit);
                w.WriteStartArray("runs");
                foreach (var r in group)
                {
                    w.WriteStartObject();
                    w.WriteString("run", r.Run);
                    SummaryFormat.Json(w, "statistics", r.Value);
                    if (r.Difference is { } d)
                    {
                        SummaryFormat.Json(w, "difference", d);
                        Headline.Number(w, "relative_difference", r.RelativeDifference);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

    private static string SweepCsv(ExperimentPlan plan, SweepDefinition sweep, ReplicateTable table)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("point,run,").Append(string.Join(",", sweep.Axes.Select(a => MetricsCsvWriter.Field(a.Path)))).Append(",outcome,").Append(SummaryFormat.Columns).Append('\n');
        for (var p = 0; p < plan.Arms.Count; p++)
            foreach (var o in Outcomes.Headline)
                sb.Append(p).Append(',').Append(MetricsCsvWriter.Field(plan.Arms[p].Run)).Append(',')
                  .Append(string.Join(",", sweep.Overrides(p).Select(v => v.Value))).Append(',').Append(o.Key).Append(',')
                  .Append(SummaryFormat.Csv(SampleSummary.Of(table.Values(p, o)))).Append('\n');
        return sb.ToString();
    }

    private static string MarginalCsv(IReadOnlyList<DoseLine> lines)
    {
        var sb = new System.Text.StringBuilder("outcome,line,step,from,to,marginal_mean,marginal_ci95_low,marginal_ci95_high,share_of_first_step,diminished\n");
        foreach (var l in lines)
            foreach (var s in l.Steps)
                sb.Append(l.Outcome.Key).Append(',').Append(MetricsCsvWriter.Field(l.Line)).Append(',').Append(s.Step).Append(',')
                  .Append(s.From).Append(',').Append(s.To).Append(',').Append(CsvLine.Text(s.Marginal.Mean)).Append(',')
                  .Append(CsvLine.Text(s.Marginal.CiLow)).Append(',').Append(CsvLine.Text(s.Marginal.CiHigh)).Append(',')
                  .Append(CsvLine.Text(s.ShareOfFirst)).Append(',').Append(s.Diminished ? "true" : "false").Append('\n');
        return sb.ToString();
    }

    private static string SweepJson(ExperimentPlan plan, SweepDefinition sweep, IReadOnlyList<DoseLine> lines)
        => RunExecutor.Json(w =>
        {
            w.WriteNumber("replicates", plan.Replicates);
            w.WriteNumber("seed", plan.Seed);
            w.WriteNumber("threshold", DoseResponse.Threshold);
            w.WriteStartArray("axes");
            foreach (var a in sweep.Axes)
            {
                w.WriteStartObject();
                w.WriteString("path", a.Path);
                w.WriteBoolean("months", a.IsDate);
                w.WriteStartArray("values");
                foreach (var v in a.Values) w.WriteStringValue(v);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("outcomes");
            foreach (var l in lines)
            {
                w.WriteStartObject();
                w.WriteString("outcome", l.Outcome.Key);
                w.WriteString("line", l.Line);
                w.WriteStartArray("points");
                foreach (var p in l.Points)
                {
                    w.WriteStartObject();
                    w.WriteString("value", p.Value);
                    SummaryFormat.Json(w, "statistics", p.Outcome);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("steps");
                foreach (var s in l.Steps)
                {
                    w.WriteStartObject();
                    w.WriteNumber("step", s.Step);
                    w.WriteString("from", s.From);
                    w.WriteString("to", s.To);
                    SummaryFormat.Json(w, "marginal", s.Marginal);
                    Headline.Number(w, "share_of_first_step", s.ShareOfFirst);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (l.Diminishing is { } d)
                {
                    w.WriteStartObject("diminishing_returns");
                    w.WriteNumber("step", d.Step);
                    w.WriteString("from", d.From);
                    w.WriteString("to", d.To);
                    w.WriteEndObject();
                }
                else w.WriteNull("diminishing_returns");
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
}
