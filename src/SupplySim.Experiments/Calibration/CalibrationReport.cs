using System.Globalization;
using System.Text;
using SupplySim.Scenarios;

namespace SupplySim.Experiments.Calibration;

/// <summary>calibration.md: a fit, its fitted values and the model against its targets per year, as Markdown.</summary>
public static class CalibrationReport
{
    /// <summary>The register fit as Markdown: fitted settings by path, and model against target per year.</summary>
    public static string Markdown(Scenario sc, RegisterCalibrationResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine($"# Register calibration of `{sc.Spec.Name}` (seed {sc.Spec.Seed}, scenario SHA-256 {sc.Sha256[..12]})");
        sb.AppendLine();
        sb.AppendLine($"Loss {r.Loss.ToString("F4", inv)} after {r.Evaluations} runs. Fitted settings (paths after `extends:` is resolved):");
        sb.AppendLine();
        foreach (var (k, v) in r.Settings) sb.AppendLine($"* `{k}`: {v.ToString("G6", inv)}");
        sb.AppendLine();
        sb.AppendLine("| year | registered (Dec) | target | newly registered | target | hidden / registered | NPS share (mean) | price per mg (mean) |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        string Err(double m, CalibrationTarget? t) => t is null ? "" : $"{t.Value.ToString("N0", inv)} ({(m / t.Value - 1).ToString("+0.0%;-0.0%", inv)})";
        foreach (var y in r.Years)
        {
            var tr = RegisterTargets.Registered.FirstOrDefault(t => t.Year == y.Year);
            var tn = RegisterTargets.Newly.FirstOrDefault(t => t.Year == y.Year);
            var ratio = y.Registered > 0 ? (y.Hidden / y.Registered).ToString("F2", inv) : "";
            sb.AppendLine($"| {y.Year} | {y.Registered.ToString("N0", inv)} | {Err(y.Registered, tr)} | {y.Newly.ToString("N0", inv)} | {Err(y.Newly, tn)} | {ratio} | {y.NpsShare.ToString("P1", inv)} | {y.PricePerMg.ToString("G4", inv)} |");
        }
        sb.AppendLine();
        var p19 = r.Years.FirstOrDefault(y => y.Year == 2019)?.PricePerMg ?? double.NaN;
        var p20 = r.Years.FirstOrDefault(y => y.Year == 2020)?.PricePerMg ?? double.NaN;
        sb.AppendLine($"Price 2020 against 2019: {(p20 / p19 - 1).ToString("+0.0%;-0.0%", inv)} (record +31.6% to +57.7%, {RegisterTargets.PriceRise.Source}). " +
            $"Hidden population 3 to 5 times the registered one ({RegisterTargets.HiddenRatio.Source}); NPS 6.9% of use in 2018 and 10.7% in 2022 ({RegisterTargets.Nps[0].Source}).");
        sb.AppendLine("Sources: " + string.Join("; ", RegisterTargets.Registered.Concat(RegisterTargets.Newly).Select(t => $"{t.Year} {t.Name} {t.Source}")));
        return sb.ToString();
    }

    /// <summary>The fit as Markdown: fitted values (to paste under `parameters:`), and model against target per year.</summary>
    public static string Markdown(Scenario sc, CalibrationResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine($"# Calibration of `{sc.Spec.Name}` (seed {sc.Spec.Seed}, {r.Replicates} replicate seed(s) per evaluation, scenario SHA-256 {sc.Sha256[..12]})");
        sb.AppendLine();
        sb.AppendLine($"Loss {r.Loss.ToString("F4", inv)} after {r.Evaluations} runs. Fitted parameters:");
        sb.AppendLine();
        sb.AppendLine("```yaml");
        sb.AppendLine("parameters:");
        foreach (var (k, v) in r.Parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal)) sb.AppendLine($"  {k}: {v.ToString("G4", inv)}");
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine("Targets: the report's figures (2013, 2021, 2022; acceptance within 20%) and, between them, the public CDC series (half weight).");
        if (r.Through != int.MaxValue)
            sb.AppendLine($"Fitted with `--through {r.Through}`: only the targets of {r.Through} and before entered the loss; later years are holdout (docs/validation.md).");
        sb.AppendLine();
        sb.AppendLine("| year | model US synthetic-opioid deaths | target | error | source |");
        sb.AppendLine("|---|---:|---:|---:|---|");
        foreach (var y in r.Years)
        {
            var t = CalibrationTargets.Deaths.FirstOrDefault(x => x.Year == y.Year) ?? CalibrationTargets.Path.FirstOrDefault(x => x.Year == y.Year);
            var err = t is null ? "" : $"{(y.Deaths / t.Value - 1).ToString("+0.0%;-0.0%", inv)}{(Math.Abs(y.Deaths / t.Value - 1) <= CalibrationTargets.DeathTolerance ? "" : " (outside 20%)")}";
            sb.AppendLine($"| {y.Year} | {y.Deaths.ToString("N0", inv)} | {(t is null ? "" : t.Value.ToString("N0", inv))} | {err} | {t?.Source ?? ""} |");
        }
        var y21 = r.Years.FirstOrDefault(y => y.Year == 2021);
        var y22 = r.Years.FirstOrDefault(y => y.Year == 2022);
        var y23 = r.Years.FirstOrDefault(y => y.Year == 2023);
        sb.AppendLine();
        if (y21 is { Deaths: > 0 })
        {
            var share = y21.DeathsWithStimulant / y21.Deaths;
            var target = CalibrationTargets.StimulantShare2021.Value;
            sb.AppendLine($"Fentanyl deaths also involving stimulants, 2021: model {share.ToString("P1", inv)}, target {target.ToString("P1", inv)} ({CalibrationTargets.StimulantShare2021.Source}); error {((share - target) * 100).ToString("+0.0;-0.0", inv)} points.");
        }
        if (y22 is not null && y23 is not null)
            sb.AppendLine($"2023 against 2022: model {(y23.Deaths / y22.Deaths - 1).ToString("+0.0%;-0.0%", inv)}; CDC synthetic-opioid deaths fell 1.4% (73,838 to 72,776, NCHS Data Brief 522); the report's fall of about 10% (L271) is of all overdose deaths.");
        var before = r.Years.FirstOrDefault(y => y.Year == CalibrationTargets.ShiftBefore.Year);
        var after = r.Years.FirstOrDefault(y => y.Year == CalibrationTargets.ShiftAfter.Year);
        if (before is not null && after is not null)
            sb.AppendLine($"Mexican share of synthesis: {before.MexicanShare.ToString("P1", inv)} in {before.Year} (at most {CalibrationTargets.ShiftBefore.Value.ToString("P0", inv)}), {after.MexicanShare.ToString("P1", inv)} in {after.Year} (at least {CalibrationTargets.ShiftAfter.Value.ToString("P0", inv)}); {CalibrationTargets.ShiftBefore.Source}.");
        return sb.ToString();
    }
}
