using System.Globalization;
using SupplySim.Model.Engine;
using SupplySim.Model.Metrics;
using SupplySim.Model.World;
using SupplySim.Scenarios;

namespace SupplySim.Experiments.Calibration;

/// <summary>Yearly US outcomes of one baseline run.</summary>
public sealed record YearlyOutcome(int Year, double Deaths, double DeathsWithStimulant, double MexicanKg = 0, double ChineseKg = 0)
{
    /// <summary>Mexican labs' share of the synthesis of Mexican and Chinese labs (NaN if neither made anything).</summary>
    public double MexicanShare => MexicanKg + ChineseKg > 0 ? MexicanKg / (MexicanKg + ChineseKg) : double.NaN;
}

/// <summary>The fit: parameter values, the loss, and the per-year comparison with the targets.</summary>
public sealed record CalibrationResult(IReadOnlyDictionary<string, double> Parameters, double Loss, IReadOnlyList<YearlyOutcome> Years, int Evaluations, int Replicates = 1,
    int Through = int.MaxValue);

/// <summary>
/// Fits free behaviour parameters of a scenario to <see cref="CalibrationTargets"/> by deterministic
/// coordinate search in log space (each parameter multiplied and divided by shrinking factors; a change is
/// kept when it lowers the loss). Runs use the in-process engine, which the tests hold bit-identical to the
/// grains. With several replicates, every evaluation runs the replicate seeds of `supplysim run
/// --replicates` and scores the mean per year, so the fit does not chase one seed's noise. Same scenario,
/// seed, replicates and starting values give the same fit.
/// </summary>
public sealed class Calibrator(WorldSpec spec, int firmsPerShard, int peoplePerShard, int replicates = 1, int through = int.MaxValue)
{
    /// <summary>Parameters fitted by default: the pace of the trade's growth, the death hazard and stimulant uptake.</summary>
    public static readonly string[] DefaultFree = ["supplier-capacity-adjust", "lab-capacity-adjust", "overdose-hazard-oud", "stimulant-uptake-rate"];

    public int Evaluations { get; private set; }

    /// <summary>Yearly US outcomes, the mean over the replicate seeds (runs in parallel; the mean is taken in seed order).</summary>
    public IReadOnlyList<YearlyOutcome> Run(ModelParameters parameters)
    {
        Evaluations++;
        var seeds = Experiments.ReplicateSeeds.For(spec.Seed, replicates);
        var runs = new IReadOnlyList<YearlyOutcome>[seeds.Length];
        Parallel.For(0, seeds.Length, i => runs[i] = RunOne(parameters, seeds[i]));
        return runs[0].Select((y, k) => new YearlyOutcome(y.Year, runs.Average(r => r[k].Deaths), runs.Average(r => r[k].DeathsWithStimulant),
            runs.Average(r => r[k].MexicanKg), runs.Average(r => r[k].ChineseKg))).ToList();
    }

    private IReadOnlyList<YearlyOutcome> RunOne(ModelParameters parameters, ulong seed)
    {
        var engine = new LocalEngine(spec with { Parameters = parameters, Seed = seed }, firmsPerShard, peoplePerShard);
        var catalog = engine.Coordinator.Metrics.Catalog;
        var us = catalog.Select((k, i) => (k, i)).Where(x => x.k.Dimension.StartsWith("region=US-", StringComparison.Ordinal)).ToArray();
        var deaths = us.Where(x => x.k.Metric == MetricCatalog.OverdoseDeaths.Name).Select(x => x.i).ToArray();
        var stim = us.Where(x => x.k.Metric == MetricCatalog.OverdoseDeathsFentanylStimulant.Name).Select(x => x.i).ToArray();
        int[] Production(string lab) => catalog.Select((k, i) => (k, i)).Where(x => x.k.Metric == MetricCatalog.ProductionKg.Name && x.k.Dimension == lab).Select(x => x.i).ToArray();
        var mx = Production("lab=MX");
        var cn = Production("lab=CN");
        var years = new SortedDictionary<int, (double D, double S, double Mx, double Cn)>();
        for (var t = 0; t < spec.Ticks; t++)
        {
            var v = engine.Step();
            var y = spec.DateOf(t).Year;
            var (d, s, m, c) = years.GetValueOrDefault(y);
            years[y] = (d + deaths.Sum(i => v[i]), s + stim.Sum(i => v[i]), m + mx.Sum(i => v[i]), c + cn.Sum(i => v[i]));
        }
        return years.Select(kv => new YearlyOutcome(kv.Key, kv.Value.D, kv.Value.S, kv.Value.Mx, kv.Value.Cn)).ToList();
    }

    /// <summary>
    /// Sum of squared log errors of the report's death targets, half-weighted errors on the public path
    /// between and after them, the squared share error in tolerance units, and the China-to-Mexico shift's bounds. With
    /// <paramref name="through"/>, only the targets of that year and before count (the holdout protocol,
    /// docs/validation.md#the-holdout-protocol).
    /// </summary>
    public static double Loss(IReadOnlyList<YearlyOutcome> years, int through = int.MaxValue)
    {
        double Get(int y) => years.FirstOrDefault(o => o.Year == y)?.Deaths ?? 0;
        var loss = 0.0;
        foreach (var t in CalibrationTargets.Deaths.Where(t => t.Year <= through))
        {
            var m = Math.Max(Get(t.Year), 1);
            loss += Math.Pow(Math.Log(m / t.Value), 2);
        }
        foreach (var t in CalibrationTargets.Path.Where(t => t.Year <= through))
            loss += 0.5 * Math.Pow(Math.Log(Math.Max(Get(t.Year), 1) / t.Value), 2);
        var y21 = years.FirstOrDefault(o => o.Year == CalibrationTargets.StimulantShare2021.Year);
        if (y21 is { Deaths: > 0 } && y21.Year <= through)
            loss += 0.05 * Math.Pow((y21.DeathsWithStimulant / y21.Deaths - CalibrationTargets.StimulantShare2021.Value) / CalibrationTargets.ShareTolerance, 2);
        // The shift of synthesis from China to Mexico after May 2019 (report L253-L259, L361, L1042): Mexican labs
        // under half in 2018, over four fifths in 2021 (margins inside the history test's bounds).
        var before = years.FirstOrDefault(o => o.Year == CalibrationTargets.ShiftBefore.Year)?.MexicanShare ?? double.NaN;
        var after = years.FirstOrDefault(o => o.Year == CalibrationTargets.ShiftAfter.Year)?.MexicanShare ?? double.NaN;
        if (before > CalibrationTargets.ShiftBefore.Value && CalibrationTargets.ShiftBefore.Year <= through) loss += 20 * Math.Pow(before - CalibrationTargets.ShiftBefore.Value, 2);
        if (after < CalibrationTargets.ShiftAfter.Value && CalibrationTargets.ShiftAfter.Year <= through) loss += 20 * Math.Pow(CalibrationTargets.ShiftAfter.Value - after, 2);
        return loss;
    }

    public CalibrationResult Fit(IReadOnlyList<string> free, int maxEvaluations, Action<string>? log = null)
    {
        var values = free.ToDictionary(n => n, n => ScenarioLoader.GetParameter(spec.Parameters, n), StringComparer.Ordinal);
        ModelParameters With(Dictionary<string, double> v)
            => v.Aggregate(spec.Parameters, (p, kv) => ScenarioLoader.WithParameter(p, kv.Key, kv.Value));
        var (fitted, best, bestYears) = CoordinateSearch.Minimize(values, free, Run(With(values)), y => Loss(y, through),
            Clamp, trial => Run(With(trial)), () => Evaluations >= maxEvaluations, log, "G4");
        return new CalibrationResult(fitted, best, bestYears, Evaluations, replicates, through);
    }

    // Within the parameter's declared range, and never quite 0 (the search multiplies and divides).
    private static double Clamp(string name, double v)
        => ScenarioLoader.Declaration(name).Domain.Bounds() is var (min, max) ? Math.Clamp(v, Math.Max(1e-6, min), max) : v;
}
