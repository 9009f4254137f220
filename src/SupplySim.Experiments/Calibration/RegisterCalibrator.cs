using System.Globalization;
using SupplySim.Grains;
using SupplySim.Model.Engine;
using SupplySim.Model.Metrics;
using SupplySim.Scenarios;

namespace SupplySim.Experiments.Calibration;

/// <summary>Yearly outcomes of China's register in one run (region CN): December stocks, yearly sums and means.</summary>
public sealed record RegisterYear(int Year, double Registered, double Hidden, double Newly, double NpsShare, double PricePerMg);

/// <summary>The register fit: setting values by path, the loss, and the yearly outcomes at the best point.</summary>
public sealed record RegisterCalibrationResult(IReadOnlyDictionary<string, double> Settings, double Loss, IReadOnlyList<RegisterYear> Years, int Evaluations);

/// <summary>
/// Fits settings of a scenario with a Chinese register (scenarios/china-users.yaml) to the report's register
/// series (<see cref="RegisterTargets"/>) by the same deterministic coordinate search as <see cref="Calibrator"/>:
/// each setting multiplied and divided by shrinking factors, a change kept when it lowers the loss. Settings are
/// addressed by path in the scenario after <c>extends:</c> is resolved (as sweeps address them), so a fitted value
/// passes the loader's checks. Same scenario, seed and starting values give the same fit.
/// </summary>
public sealed class RegisterCalibrator(string scenarioFile, string region = "CN")
{
    public int Evaluations { get; private set; }

    /// <summary>Paths of the settings fitted by default: the CN population's rates and starting shares, and the CN demand-reduction and outside-supply items.</summary>
    public IReadOnlyList<string> DefaultFree()
    {
        var spec = ScenarioLoader.Load(scenarioFile).Spec;
        var j = Array.FindIndex(spec.Jurisdictions, x => x.Id == region);
        var pop = Array.FindIndex(spec.Populations, p => p.Region == j && p.TracksRegistry);
        if (pop < 0) throw new UserInputException($"{scenarioFile}: no population in {region} keeps a register; --target register needs one (see scenarios/china-users.yaml)");
        var paths = new List<string>();
        foreach (var key in new[] { "initial-use", "initial-registered-share", "initiation-rate", "cessation-rate", "registered-cessation-rate", "registration-rate", "nps-share", "nps-substitution" })
            paths.Add($"actors.populations[{pop}].{key}");
        // Agencies that spend only on retail in the region: their budgets set how fast people are identified.
        var registrars = spec.Agencies.Where(a => a.Jurisdictions.Contains(j) && a.SpendsOnlyOn(Model.World.Stage.Retail)).Select(a => a.Id).ToHashSet();
        var items = ScenarioOverrides.ListItems(scenarioFile, "interventions");
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].GetValueOrDefault("type") == "enforcement-budget" && registrars.Contains(items[i].GetValueOrDefault("agency") ?? ""))
                paths.Add($"interventions[{i}].budget-usd-per-month");
            if (!items[i].TryGetValue("jurisdiction", out var js) || !js.Split(',').Contains(region)) continue;
            var type = items[i].GetValueOrDefault("type");
            if (type == "demand-reduction") paths.Add($"interventions[{i}].initiation-multiplier");
            if (type == "outside-supply") paths.Add($"interventions[{i}].multiplier");
        }
        return paths;
    }

    /// <summary>One run with the given settings: the register's yearly outcomes.</summary>
    public IReadOnlyList<RegisterYear> Run(IReadOnlyDictionary<string, double> settings)
    {
        Evaluations++;
        var overrides = settings.Select(kv => new SettingOverride(kv.Key, kv.Value.ToString("R", CultureInfo.InvariantCulture))).ToList();
        var sc = ScenarioLoader.Load(scenarioFile, overrides);
        var spec = sc.Spec;
        var engine = new LocalEngine(spec, sc.FirmsPerShard, sc.PeoplePerShard);
        var catalog = engine.Coordinator.Metrics.Catalog;
        var dim = $"region={region}";
        int Index(MetricDescriptor metric) => catalog.Select((k, i) => (k, i)).Where(x => x.k.Metric == metric.Name && x.k.Dimension == dim).Select(x => x.i).DefaultIfEmpty(-1).First();
        int reg = Index(MetricCatalog.RegisteredUsers), hid = Index(MetricCatalog.HiddenUsers), newly = Index(MetricCatalog.NewlyRegisteredUsers), nps = Index(MetricCatalog.NpsShare),
            price = Math.Max(Index(MetricCatalog.OutsidePricePerMg), Index(MetricCatalog.RetailPricePerMg));
        if (reg < 0) throw new UserInputException($"{scenarioFile}: no register in {region}");
        var years = new SortedDictionary<int, (double R, double H, double N, double Nps, double P, int Months)>();
        for (var t = 0; t < spec.Ticks; t++)
        {
            var v = engine.Step();
            var y = spec.DateOf(t).Year;
            var a = years.GetValueOrDefault(y);
            years[y] = (v[reg], v[hid], a.N + v[newly], a.Nps + v[nps], a.P + (double.IsNaN(v[price]) ? 0 : v[price]), a.Months + 1);
        }
        return years.Select(kv => new RegisterYear(kv.Key, kv.Value.R, kv.Value.H, kv.Value.N, kv.Value.Nps / kv.Value.Months, kv.Value.P / kv.Value.Months)).ToList();
    }

    /// <summary>
    /// Squared log errors of registered users (December) and newly registered users (year), the hidden-to-registered
    /// ratio of 2023 against 4 (the middle of 3-5, half weight) and outside 3-5 in 2015-2023 (weight 0.2), the NPS share in 2018 and 2022 (in points, weight 0.1)
    /// and the 2020 price rise against +40% (the middle of +31.6% to +57.7%, half weight).
    /// </summary>
    public static double Loss(IReadOnlyList<RegisterYear> years)
    {
        RegisterYear? At(int y) => years.FirstOrDefault(o => o.Year == y);
        double Log(double model, double target) => Math.Log(Math.Max(model, 1) / target);
        var loss = 0.0;
        foreach (var t in RegisterTargets.Registered) loss += Math.Pow(Log(At(t.Year)?.Registered ?? 0, t.Value), 2);
        foreach (var t in RegisterTargets.Newly) loss += Math.Pow(Log(At(t.Year)?.Newly ?? 0, t.Value), 2);
        var y23 = At(RegisterTargets.HiddenRatio.Year);
        if (y23 is { Registered: > 0 }) loss += 0.5 * Math.Pow(Math.Log(Math.Max(y23.Hidden / y23.Registered, 1e-3) / RegisterTargets.HiddenRatio.Value), 2);
        // The capture-recapture range holds for the register years too: a penalty outside 3-5 in 2015-2023 (weight 0.2 a year).
        foreach (var y in years.Where(o => o.Year is >= 2015 and <= 2023 && o.Registered > 0))
        {
            var ratio = Math.Max(y.Hidden / y.Registered, 1e-3);
            loss += 0.2 * Math.Pow(Math.Log(ratio / Math.Clamp(ratio, RegisterTargets.HiddenRange.Low, RegisterTargets.HiddenRange.High)), 2);
        }
        foreach (var t in RegisterTargets.Nps) loss += 0.1 * Math.Pow(((At(t.Year)?.NpsShare ?? 0) - t.Value) / 0.01, 2);
        var (p19, p20) = (At(RegisterTargets.PriceRise.Year - 1)?.PricePerMg ?? 0, At(RegisterTargets.PriceRise.Year)?.PricePerMg ?? 0);
        if (p19 > 0 && p20 > 0) loss += 0.5 * Math.Pow(Math.Log(p20 / p19 / RegisterTargets.PriceRise.Value), 2);
        return loss;
    }

    public RegisterCalibrationResult Fit(IReadOnlyList<string> free, int maxEvaluations, Action<string>? log = null)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var path in free)
        {
            var target = ScenarioOverrides.Inspect(scenarioFile, path);
            if (target.IsDate || !double.TryParse(target.Current, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new UserInputException($"--free: {path} must be a number written in {scenarioFile}");
            values[path] = v;
        }
        var (fitted, best, bestYears) = CoordinateSearch.Minimize(values, free, Run(values), Loss,
            (_, v) => Math.Round(v, 6, MidpointRounding.ToEven), TryRun, () => Evaluations >= maxEvaluations, log, "G6");
        return new RegisterCalibrationResult(fitted, best, bestYears, Evaluations);
    }

    /// <summary>A run, or null when the trial value is outside the setting's allowed range.</summary>
    private IReadOnlyList<RegisterYear>? TryRun(Dictionary<string, double> settings)
    {
        try { return Run(settings); }
        catch (ScenarioException) { return null; }
    }
}

/// <summary>China's register series (docs/calibration.md): the report's figures, and one public year between them.</summary>
public static class RegisterTargets
{
    /// <summary>Registered people who use drugs at the end of the year, on the counting basis since 2015 (L1512).</summary>
    public static readonly CalibrationTarget[] Registered =
    [
        new("cn_registered_users", 2015, 2_345_000, "China Drug Situation Report 2015 (CNNCC, 2016; 2.51 million in 2016 was +6.8%), public"),
        new("cn_registered_users", 2016, 2_505_000, "China Drug Situation Report 2016 (CNNCC, 2017), public"),
        new("cn_registered_users", 2017, 2_553_000, "report L1504"),
        new("cn_registered_users", 2019, 2_150_000, "China Drug Situation Report 2019 (CNNCC, June 2020), public"),
        new("cn_registered_users", 2022, 1_120_000, "report L512"),
        new("cn_registered_users", 2023, 896_000, "report L807, L1504"),
    ];

    /// <summary>Newly identified people who use drugs in the year.</summary>
    public static readonly CalibrationTarget[] Newly =
    [
        new("cn_newly_registered_users", 2016, 445_000, "China Drug Situation Report 2016 (CNNCC, 2017), public"),
        new("cn_newly_registered_users", 2017, 344_000, "report L1524"),
        new("cn_newly_registered_users", 2019, 223_000, "China Drug Situation Report 2019 (CNNCC, June 2020), public"),
        new("cn_newly_registered_users", 2022, 71_000, "report L1524"),
    ];

    /// <summary>Hidden population against the registered one: 3 to 5 times (capture-recapture); the middle, 4.</summary>
    public static readonly CalibrationTarget HiddenRatio = new("cn_hidden_to_registered", 2023, 4, "report L1672");

    /// <summary>The range of that ratio (report L1672), penalised outside it in every register year.</summary>
    public static readonly (double Low, double High) HiddenRange = (3, 5);

    /// <summary>Share of use that is neither methamphetamine nor opioids (NPS and others), yearly mean of the model's share.</summary>
    public static readonly CalibrationTarget[] Nps =
    [
        new("cn_nps_share", 2018, 0.069, "report L1540"),
        new("cn_nps_share", 2022, 0.107, "report L1540"),
    ];

    /// <summary>Retail price in 2020 against 2019: +31.6% (heroin) to +57.7% (ketamine); the middle, +40%.</summary>
    public static readonly CalibrationTarget PriceRise = new("cn_price_2020_over_2019", 2020, 1.40, "report L1532");
}
