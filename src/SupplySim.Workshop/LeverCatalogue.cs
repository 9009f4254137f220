using System.Globalization;
using SupplySim.Model.Time;
using SupplySim.Model.World;
using SupplySim.Scenarios;

namespace SupplySim.Workshop;

/// <summary>
/// The levers of one scenario: the intensity (and, for scheduling, the switch and date) of each of its
/// interventions, each agency's budget, and measures a room can add (KYC adoption, AML cooperation, border
/// interdiction, treatment places, naloxone) from a chosen month. Every added measure is compiled once at its
/// extremes when the catalogue is built, so a lever the scenario cannot take (say AML cooperation without
/// US-CN trust in the world) is left out instead of failing in the room.
/// </summary>
public sealed class LeverCatalogue
{
    public const string AddedFrom = "added.from";
    public const string OwnGroup = "This scenario's measures", HistoryGroup = "Earlier measures (from the base scenario)",
        BudgetGroup = "Enforcement budgets (from the start)", AddGroup = "Add a measure";

    public string ScenarioFile { get; }
    public Scenario Scenario { get; }
    public IReadOnlyList<LeverSlider> Levers { get; }
    public MonthDate Start => Scenario.Spec.Start;
    public MonthDate End => Scenario.Spec.DateOf(Scenario.Spec.Ticks - 1);
    private readonly int _interventions;

    private LeverCatalogue(string file, Scenario scenario, IReadOnlyList<LeverSlider> levers, int interventions)
    {
        ScenarioFile = file;
        Scenario = scenario;
        Levers = levers;
        _interventions = interventions;
    }

    public LeverSlider? Find(string id) => Levers.FirstOrDefault(l => l.Id == id);

    public static LeverCatalogue For(string file)
    {
        var scenario = ScenarioLoader.Load(file);
        var spec = scenario.Spec;
        var levers = new List<LeverSlider>();
        var items = ScenarioEditor.Interventions(file);
        foreach (var item in items) levers.AddRange(FromIntervention(item, spec));
        for (var a = 0; a < spec.Agencies.Length; a++)
        {
            var current = spec.Agencies[a].BudgetUsdPerMonth;
            var max = Nice(Math.Max(4 * current, 1e8));
            levers.Add(new LeverSlider($"agency{a}.budget", BudgetGroup, $"{spec.Agencies[a].Id} budget", LeverKind.Number, 0, max, max / 40,
                LeverSlider.Format(current), "USD per month", $"Monthly budget of {spec.Agencies[a].Id} from the first month; pressure grows with spend but saturates.",
                Path: $"actors.agencies[{a}].budget-usd-per-month"));
        }
        var catalogue = new LeverCatalogue(file, scenario, levers, items.Count);
        levers.AddRange(catalogue.Addable(spec));
        return catalogue;
    }

    /// <summary>Checks every value the page sent (unknown levers, text that is not a number, values out of range) and returns the canonical values.</summary>
    public IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string?> values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, text) in values)
        {
            var lever = Find(id) ?? throw new LeverValueException($"unknown lever '{id}'; this scenario's levers: {string.Join(", ", Levers.Select(l => l.Id))}");
            result[id] = lever.Check(text, Start, End);
        }
        return result;
    }

    /// <summary>The scenario edits for checked values (levers left at their default change nothing).</summary>
    public ScenarioEdit Edit(IReadOnlyDictionary<string, string> values)
    {
        var overrides = new List<SettingOverride>();
        var added = new List<string>();
        var from = values.GetValueOrDefault(AddedFrom) ?? Find(AddedFrom)?.Default ?? Start.ToString();
        foreach (var lever in Levers)
        {
            if (!values.TryGetValue(lever.Id, out var v) || v == lever.Default) continue;
            if (lever.Added is not null) added.Add(lever.Added.Replace("{value}", v).Replace("{date}", from));
            else if (lever.Kind == LeverKind.Switch) overrides.Add(new SettingOverride(lever.Path!, v == LeverSlider.Off ? "true" : "false"));
            else if (lever.Path is not null) overrides.Add(new SettingOverride(lever.Path, v));
        }
        return new ScenarioEdit(overrides, added);
    }

    /// <summary>
    /// The YAML path of a number lever in the file that <see cref="Edit"/> writes for <paramref name="values"/>
    /// (an added measure is present there, at the end of the interventions), for `sweep --vary`.
    /// </summary>
    public string SweepPath(LeverSlider lever, IReadOnlyDictionary<string, string> values)
    {
        if (lever.Added is null) return lever.Path!;
        var before = Levers.TakeWhile(l => l != lever).Count(l => l.Added is not null && values.TryGetValue(l.Id, out var v) && v != l.Default);
        var field = lever.Added.Split(',').Select(p => p.Trim()).First(p => p.EndsWith("{value}", StringComparison.Ordinal)).Split(':')[0].Trim();
        return $"interventions[{_interventions + before}].{field}";
    }

    private static IEnumerable<LeverSlider> FromIntervention(InterventionItem item, WorldSpec spec)
    {
        var group = item.Own ? OwnGroup : HistoryGroup;
        var id = $"i{item.Index}";
        var path = $"interventions[{item.Index}]";
        var when = item.Fields.GetValueOrDefault("date", "");
        var where = item.Fields.GetValueOrDefault("jurisdiction", item.Fields.GetValueOrDefault("between", item.Fields.GetValueOrDefault("agency",
            item.Fields.TryGetValue("by", out var by) ? $"{by} toward {item.Fields.GetValueOrDefault("toward", item.Fields.GetValueOrDefault("to", ""))}" : "")));
        var label = $"{item.Label} ({when})";
        if (item.Type is "schedule-substance" or "schedule-class")
        {
            if (item.Fields.GetValueOrDefault("lift") == "true") yield break;
            var what = item.Fields.GetValueOrDefault("class", item.Fields.GetValueOrDefault("substance", ""));
            yield return new LeverSlider($"{id}.on", group, label, LeverKind.Switch, 0, 1, 1, LeverSlider.On, "",
                $"{where} schedules {what}. Off keeps the item but lifts instead (lift: true), so nothing is scheduled then.", Path: $"{path}.lift");
            yield return new LeverSlider($"{id}.date", group, $"{item.Label}: in force from", LeverKind.Month, 0, 0, 1, when, "month",
                "When the scheduling takes effect.", Path: $"{path}.date");
            yield break;
        }
        if (Intensity(item.Type) is not { } f) yield break;
        var text = item.Fields.GetValueOrDefault(f.Field) ?? f.Default(item.Fields);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var current)) yield break;
        var max = f.Max(current);
        yield return new LeverSlider($"{id}.{f.Field}", group, label, LeverKind.Number, f.Min, max, f.Step(max), LeverSlider.Format(current), f.Unit,
            $"{item.Type} in {where}: {f.Help}", Path: $"{path}.{f.Field}");
    }

    private sealed record IntensityField(string Field, string Unit, string Help, double Min, Func<double, double> Max, Func<double, double> Step, Func<IReadOnlyDictionary<string, string>, string?> Default);

    private static IntensityField? Intensity(string type)
    {
        static double Hundredth(double max) => max / 100;
        IntensityField Share(string field, string help, string? dflt = null) => new(field, "share 0..1", help, 0, _ => 1, _ => 0.01, _ => dflt);
        return type switch
        {
            "enforcement-budget" => new("budget-usd-per-month", "USD per month", "the agency's new monthly budget.", 0, c => Nice(Math.Max(4 * c, 1e8)), m => m / 40, _ => null),
            "kyc-adoption" => new("share", "share 0..1", "share of formal firms that adopt KYC (a floor).", 0, _ => 1, _ => 0.01,
                f => f.GetValueOrDefault("mode") switch { "mandated" => "1", "incentivized" => "0.5", _ => "0.2" }),
            "legal-basis-unscheduled" => Share("intensity", "how hard knowing sales of unscheduled chemicals are prosecuted.", "1"),
            "aml-cooperation" => Share("intensity", "intensity of anti-money-laundering cooperation (gated by trust).", "1"),
            "intelligence-sharing" => Share("intensity", "intensity of intelligence sharing (gated by trust).", "1"),
            "platform-takedown" => Share("intensity", "share of online listings taken down each month."),
            "naloxone" => Share("coverage", "share of people at risk who carry naloxone."),
            "drug-checking" => Share("coverage", "share of people at risk who check their drugs before use."),
            "tariff" or "trust-shock" => Share("trust-drop", "how far trust falls."),
            "border-interdiction" or "mail-monitoring" => new("multiplier", "x route detection", "multiplies the route detection the agencies' spend buys.", 0, c => Math.Max(5, Math.Ceiling(3 * c)), Hundredth, _ => null),
            "treatment-capacity" => new("share", "share of population", "MOUD places as a share of the population.", 0, c => Math.Max(0.2, Math.Ceiling(20 * c) / 10), m => m / 200, _ => null),
            "treatment-access" => new("multiplier", "x treatment entry", "multiplies monthly entry into treatment (1 = no change).", 0, _ => 10, _ => 0.1, _ => null),
            "demand-reduction" => new("initiation-multiplier", "x initiation", "multiplies initiation into use (1 = no change).", 0, _ => 2, _ => 0.02, _ => null),
            "trust-building" => new("rate", "per month", "monthly rebuilding of trust.", 0, c => Math.Max(0.1, 3 * c), Hundredth, _ => null),
            "reward" => new("intensity", "x a prompt reward", "size of the reward; it builds trust by less the longer the act it answers waited (L2337).", 0, c => Math.Max(3, Math.Ceiling(3 * c)), Hundredth, _ => "1"),
            "cooperative-act" => new("weight", "acts", "weight of the act that expects a reward; unrewarded past a year it wears trust down.", 0, c => Math.Max(3, Math.Ceiling(3 * c)), Hundredth, _ => "1"),
            _ => null,
        };
    }

    /// <summary>Measures a room can add from one month on; each kept only when the scenario compiles with it.</summary>
    private IEnumerable<LeverSlider> Addable(WorldSpec spec)
    {
        var from = spec.Start.AddMonths(Math.Min(24, spec.Ticks / 3));
        yield return new LeverSlider(AddedFrom, AddGroup, "Added measures start", LeverKind.Month, 0, 0, 1, from.ToString(), "month",
            "The month from which every measure added below applies.");
        var id = spec.Jurisdictions.Select(j => j.Id).ToArray();
        var regions = string.Join(", ", spec.Populations.Select(p => id[p.Region]).Distinct());
        var us = string.Join(", ", id.Where(j => j.StartsWith("US", StringComparison.Ordinal)));
        var candidates = new List<LeverSlider>
        {
            new("added.kyc", AddGroup, "CN chemical firms with real KYC", LeverKind.Number, 0, 1, 0.01, LeverSlider.Off, "share 0..1",
                "Adds kyc-adoption (incentivized, real quality, retrained) in CN: the share of formal firms that screen buyers.",
                Added: "{ type: kyc-adoption, date: {date}, jurisdiction: CN, mode: incentivized, share: {value}, quality: real, label: \"workshop: CN KYC adoption\" }"),
            new("added.aml", AddGroup, "CN-US anti-money-laundering cooperation", LeverKind.Number, 0, 1, 0.01, LeverSlider.Off, "share 0..1",
                "Adds aml-cooperation of CN with the US; how much it bites is gated by US-CN trust.",
                Added: "{ type: aml-cooperation, date: {date}, jurisdiction: CN, with: US, intensity: {value}, label: \"workshop: CN AML cooperation\" }"),
            new("added.pillpress", AddGroup, "CN pill-press export controls (with the US)", LeverKind.Number, 0, 1, 0.01, LeverSlider.Off, "share 0..1",
                "Adds pill-press-controls in CN, committed to the US: the share of press exports stopped, gated by US-CN trust; fewer counterfeit pills, fewer new users.",
                Added: "{ type: pill-press-controls, date: {date}, jurisdiction: CN, with: US, intensity: {value}, label: \"workshop: CN pill-press controls\" }"),
            new("added.earlywarning", AddGroup, "Early warning: CN and IN list new precursors after", LeverKind.Number, 0, 36, 1, LeverSlider.Off, "months",
                "Adds early-warning in CN and IN: any precursor that reaches a tenth of labs' input is scheduled this many months later, so each substitute is chased in turn.",
                Added: "{ type: early-warning, date: {date}, jurisdiction: [CN, IN], listing-lag-months: {value}, signal-share: 0.1, label: \"workshop: early warning\" }"),
            new("added.border", AddGroup, "US border interdiction", LeverKind.Number, 0, 5, 0.05, LeverSlider.Off, "x route detection",
                "Adds border-interdiction in the US: multiplies the route detection the agencies' spend buys.",
                Added: $"{{ type: border-interdiction, date: {{date}}, jurisdiction: [{us}], multiplier: {{value}}, label: \"workshop: US border interdiction\" }}"),
            new("added.treatment", AddGroup, "Treatment (MOUD) places", LeverKind.Number, 0, 0.2, 0.001, LeverSlider.Off, "share of population",
                "Adds treatment-capacity in every user region: MOUD places as a share of the population.",
                Added: $"{{ type: treatment-capacity, date: {{date}}, jurisdiction: [{regions}], share: {{value}}, label: \"workshop: treatment places\" }}"),
            new("added.naloxone", AddGroup, "Naloxone coverage", LeverKind.Number, 0, 1, 0.01, LeverSlider.Off, "share 0..1",
                "Adds naloxone in every user region: the share of people at risk who carry it.",
                Added: $"{{ type: naloxone, date: {{date}}, jurisdiction: [{regions}], coverage: {{value}}, label: \"workshop: naloxone\" }}"),
            new("added.checking", AddGroup, "Drug checking (test strips)", LeverKind.Number, 0, 1, 0.01, LeverSlider.Off, "share 0..1",
                "Adds drug-checking in every user region: the share of people at risk who test their drugs and use more safely when they find fentanyl.",
                Added: $"{{ type: drug-checking, date: {{date}}, jurisdiction: [{regions}], coverage: {{value}}, label: \"workshop: drug checking\" }}"),
        };
        if (us.Length == 0) candidates.RemoveAll(l => l.Id == "added.border");
        foreach (var lever in candidates)
        {
            try
            {
                foreach (var v in new[] { lever.Min, lever.Max })
                {
                    var item = lever.Added!.Replace("{value}", LeverSlider.Format(v)).Replace("{date}", from.ToString());
                    ScenarioLoader.Parse(ScenarioEditor.Edit(ScenarioFile, [], [item]), ScenarioFile);
                }
            }
            catch (ScenarioException) { continue; }
            yield return lever;
        }
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="x"/>: slider ends people can read.</summary>
    private static double Nice(double x)
    {
        var p = Math.Pow(10, Math.Floor(Math.Log10(x)));
        foreach (var m in new[] { 1.0, 2, 5, 10 }) if (m * p >= x) return m * p;
        return 10 * p;
    }
}
