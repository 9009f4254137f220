using System.Text.Json;
using System.Text.Json.Nodes;
using SupplySim.Model.World;

namespace SupplySim.Scenarios;

/// <summary>
/// The JSON Schema (draft-07) of scenario files: every key <see cref="ScenarioLoader"/> accepts, with its type,
/// range, default and allowed names, so editors (yaml-language-server) validate and complete scenario files.
/// This is the one place the schema is written; `supplysim schema` prints it and docs/scenario.schema.json is
/// its committed copy. Tests compare it with what the loader accepts, so a key added there fails a test until
/// it is added here.
/// </summary>
public static class ScenarioSchema
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2, NewLine = "\n" };

    /// <summary>The schema as indented JSON text ending with a newline.</summary>
    public static string Json => Build().ToJsonString(Indented) + "\n";

    public static IReadOnlyList<string> Cohorts { get; } = ["multinational", "small", "informal"];
    public static IReadOnlyList<string> InterventionTypes => ScenarioLoader.InterventionTypes;

    private static JsonObject Build()
    {
        var schema = Object("A SupplySim scenario: the world, its actors, behaviour parameters and dated interventions (docs/scenarios.md).",
            ("name", Text("Short name; results go to results/<name>-seed<seed>."), true),
            ("question", Text("The question this scenario answers, in one line (shown by `supplysim scenarios`)."), false),
            ("start", Month("First simulated month."), true),
            ("end", Month("Last simulated month (at most 100 years after start)."), true),
            ("seed", Integer(0, null, 1, "Random seed; the same binary, scenario and seed give identical results."), false),
            ("spin-up-months", Integer(0, 120, WorldSpec.DefaultSpinUpMonths, "Months the supply chain runs before start, with people, capacities and the calendar held at start, so that stocks, orders and prices begin consistent (docs/model.md#spin-up); nothing of them is reported. 0: none."), false),
            ("sharding", Sharding(), false),
            ("world", World(), true),
            ("actors", Actors(), true),
            ("parameters", Parameters(), false),
            ("interventions", List(Intervention(), "Dated interventions, applied at the start of their month."), false),
            (ScenarioLoader.IntelligenceQueuesKey, List(Object("An agency that keeps an intelligence queue: partners' seizures of what left its jurisdictions arrive as leads, gated by the sharing channel and by local law, wait, age and are worked with the spend on the stages they point at (docs/model.md, intelligence queue).",
                ("agency", Text("Id of the agency (actors.agencies[].id)."), true),
                ("leads-per-kg", Number(0, 1e6, 2, "Leads one fentanyl-equivalent kg seized by a partner makes."), false),
                ("usd-per-lead", Number(1, 1e12, 1_000_000, "USD of spend on the stages a lead points at that works one lead a month (the queue's capacity)."), false),
                ("half-life-months", Number(0.1, 1200, 6, "Months after which half of the waiting leads have gone stale."), false),
                ("targets-per-lead", Number(0, 1000, 1, "Detection a worked lead buys: p = max-pressure x (1 - exp(-targets-per-lead x worked / targets))."), false)),
                "Agencies that receive foreign intelligence as leads in a queue instead of as a level of pressure (default: none)."), false),
            (Extends.Key, Text("A scenario file (path relative to this one) to start from; this file's keys replace its keys."), false),
            (Extends.AddKey, List(Intervention(), "Interventions appended to those of the extended scenario."), false),
            (Extends.AddActorsKey, ActorLists("Actor groups appended to the extended scenario's actors lists (same items as under actors)."), false),
            (Extends.ReplaceActorsKey, ActorLists("Actor lists that replace the extended scenario's lists of the same kinds (same items as under actors); kinds not named stay."), false),
            (ScenarioOverrides.SweepKey, Sweep(), false));
        schema.Insert(0, "$schema", "http://json-schema.org/draft-07/schema#");
        schema.Insert(1, "title", "SupplySim scenario");
        return schema;
    }

    private static JsonObject Sharding() => Object("How many agents one grain holds, and how often the grains checkpoint (speed and resilience, not results).",
        ("firms-per-shard", Integer(1, 1_000_000, 5_000, "Firms (suppliers, brokers, labs, launderers) per shard grain."), false),
        ("people-per-shard", Integer(1, 100_000_000, 250_000, "Simulated people per user-population shard grain."), false),
        ("checkpoint-every", Integer(0, 1200, Scenario.DefaultCheckpointEvery, "Ticks between checkpoints of every shard's state on a cluster; a run that loses a silo rolls back to the last one and replays. 0 turns checkpoints off; the embedded silo takes none. --checkpoint-every overrides it."), false));

    private static JsonObject World() => Object("Jurisdictions, substances, synthesis routes and the scheduling in force at the start.",
        ("jurisdictions", Names("Jurisdiction ids, e.g. [CN, IN, MX, US-NE, US-MW, US-S, US-W]."), true),
        ("substances", List(Object("A substance of the catalogue.",
            ("id", Text("Substance id, used by routes, products and scheduling."), true),
            ("role", Choice(Enum.GetValues<SubstanceRole>().Select(EnumNames.Name), null, "What the substance is in the chain."), true),
            ("classes", Names("Structural classes it belongs to, e.g. [fentanyl-related] (class scheduling)."), false),
            ("price-usd-per-kg", Number(0, 1e9, 0, "Supplier price, USD per kg."), false),
            ("potency", Number(0, 10_000, null, "Fentanyl-equivalent potency per kg (fentanyl = 1); default 1 for opioids, else 0 (a stimulant must keep 0)."), false)),
            "The substance catalogue."), true),
        ("routes", List(Object("A synthesis route: kg of output per kg of input.",
            ("output", Text("Substance made."), true),
            ("input", Text("Substance consumed."), true),
            ("yield", Number(1e-6, 10, null, "Kg of output per kg of input."), true),
            ("skill", Share(0, "Share of labs that cannot run the route until a broker's recipe teaches it."), false)), "Synthesis routes."), false),
        ("scheduled", List(Targeted("Scheduling in force at the start: a substance or a whole class, in one or more jurisdictions.",
            ("jurisdiction", Names("Jurisdiction id(s)."), true)), "Scheduling in force at the start."), false),
        ("trust", List(Object("Trust between two countries at the start (a country is a jurisdiction id before its first '-').",
            ("between", Names("Two countries, e.g. [US, CN]."), true),
            ("initial", Share(null, "Starting trust, 0..1."), true)), "Trust between countries; gates cooperative levers."), false));

    /// <summary>The actor lists of <see cref="Actors"/>, none required, each appended to or replacing the extended scenario's list.</summary>
    private static JsonObject ActorLists(string description)
    {
        var o = Actors();
        o["description"] = description;
        o.Remove("required");
        foreach (var (_, list) in o["properties"]!.AsObject()) list!.AsObject().Remove("minItems");
        return o;
    }

    private static JsonObject Actors() => Object("Agent groups; each item is a cohort of identical agents.",
        ("suppliers", List(Object("Precursor suppliers (chemical firms).",
            ("jurisdiction", Text("Where they operate."), true),
            Key(ActorKeys.Suppliers.Count),
            ("products", Names("Substances they make."), true),
            Key(ActorKeys.Suppliers.Capacity),
            Key(ActorKeys.Suppliers.LicitShare),
            Key(ActorKeys.Suppliers.KycShare),
            Key(ActorKeys.Suppliers.KycQuality),
            ("cohort", Choice(Cohorts, "small", "Firm cohort."), false),
            Key(ActorKeys.Suppliers.KycCost),
            Key(ActorKeys.Suppliers.KycReputation)), "Precursor supplier groups."), false),
        ("brokers", List(Object("Brokers and online sellers.",
            ("jurisdiction", Text("Where they operate."), true),
            Key(ActorKeys.Brokers.Count),
            Key(ActorKeys.Brokers.Markup),
            Key(ActorKeys.Brokers.DisguiseSkill),
            ("recipes", new JsonObject { ["type"] = "boolean", ["default"] = false, ["description"] = "The brokers send recipes: a lab receiving a chemical from them learns every route that takes it." }, false),
            ("products", Names("Precursors (route inputs) these brokers may offer (default: every precursor of an opioid route); e.g. [p2p] for methamphetamine."), false)), "Broker groups."), false),
        ("labs", List(Object("Cartel labs.",
            ("jurisdiction", Text("Where they operate."), true),
            Key(ActorKeys.Labs.Count),
            Key(ActorKeys.Labs.Capacity),
            Key(ActorKeys.Labs.StockpileMonths),
            Key(ActorKeys.Labs.InitialStockMonths),
            ("relocate-to", Names("Jurisdictions whose lab sites these labs may move capacity to when their own is too risky (default: none)."), false),
            Key(ActorKeys.Labs.SecondSourceShare),
            ("products", Names("Route outputs these labs make, all opioids or all stimulants (default: every opioid); e.g. [methamphetamine]."), false)), "Cartel lab groups."), false),
        ("launderers", List(Object("Money-laundering networks.",
            ("jurisdiction", Text("Where they operate."), true),
            ("method", Choice(Enum.GetValues<LaunderingMethod>().Select(EnumNames.Name), null, "Laundering method."), true),
            Key(ActorKeys.Launderers.Count),
            Key(ActorKeys.Launderers.Fee),
            Key(ActorKeys.Launderers.DetectionRisk),
            Key(ActorKeys.Launderers.InnovationRate),
            Key(ActorKeys.Launderers.InnovationFloor),
            Key(ActorKeys.Launderers.Capacity),
            Key(ActorKeys.Launderers.EmergesAfterSeizedUsd)), "Launderer groups."), false),
        ("agencies", List(Object("An enforcement agency.",
            ("id", Text("Agency id, used by enforcement-budget interventions."), true),
            ("jurisdictions", Names("Where it acts."), true),
            Key(ActorKeys.Agencies.Budget),
            ("allocation", StageShares("Share of the budget per stage; shares add up to at most 1."), true),
            Key(ActorKeys.Agencies.MaxPressure),
            Key(ActorKeys.Agencies.EfficiencyPerUsd),
            Key(ActorKeys.Agencies.Corruptibility),
            Key(ActorKeys.Agencies.AdaptiveAllocation)), "Enforcement agencies."), false),
        ("populations", List(Object("A user population (simulated people).",
            ("region", Text("Jurisdiction (region) of the population."), true),
            Key(ActorKeys.Populations.People),
            Key(ActorKeys.Populations.Represents),
            Key(ActorKeys.Populations.InitialUse),
            Key(ActorKeys.Populations.InitialOud),
            Key(ActorKeys.Populations.InitialMoud),
            Key(ActorKeys.Populations.InitialRemission),
            Key(ActorKeys.Populations.StimulantCoUse),
            Key(ActorKeys.Populations.MoudCapacityShare),
            Key(ActorKeys.Populations.NaloxoneCoverage),
            Key(ActorKeys.Populations.XylazineShare),
            ("supplied-by", Choice(["labs", "outside"], "labs", "labs: the model's labs sell here; outside: a closed market stocked only by outside-supply-kg-per-month."), false),
            Key(ActorKeys.Populations.OutsideSupply),
            Key(ActorKeys.Populations.OverdoseHazardScale),
            Key(ActorKeys.Populations.RegistrationRate),
            Key(ActorKeys.Populations.InitialRegisteredShare),
            Key(ActorKeys.Populations.RegisterCleanMonths),
            Key(ActorKeys.Populations.RegisteredCessationRate),
            Key(ActorKeys.Populations.NpsShare),
            Key(ActorKeys.Populations.NpsSubstitution),
            Key(ActorKeys.Populations.InitiationRate),
            Key(ActorKeys.Populations.CessationRate),
            Key(ActorKeys.Populations.ProgressionRate)), "User populations (at least one).", minItems: 1), true));

    /// <summary>Every behaviour parameter from its declaration: range, default, description, unit, provenance and prior.</summary>
    private static JsonObject Parameters()
    {
        var props = ParameterCatalog.All
            .Select(d => (d.Name, (JsonNode)Parameter(d), false))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
        return Object("Behaviour parameters shared by all agents; any omitted keeps its default (docs/model.md#parameters).", props);
    }

    /// <summary>A declared actor key: range, default, description, unit, provenance and (once set) prior.</summary>
    private static (string, JsonNode, bool) Key(ScenarioKey k)
    {
        var o = Bounded(k.IsInteger ? "integer" : "number", k.Min, k.Max, k.Default, k.Description);
        o["x-unit"] = k.Unit;
        o["x-source"] = k.Source;
        if (k.Prior.Length > 0) o["x-prior"] = k.Prior;
        return (k.Name, o, k.Required);
    }

    private static JsonObject Parameter(ParameterDeclaration d)
    {
        var (min, max) = d.Domain.Bounds();
        var o = Bounded(d.IsInteger ? "integer" : "number", min, max, d.Default, d.Description);
        o["x-unit"] = d.Unit;
        o["x-source"] = d.Source;
        o["x-prior"] = d.Prior.ToString();
        o["x-prior-basis"] = d.Prior.Basis;
        return o;
    }

    /// <summary>An intervention: common keys, then the keys of each type (if/then), so a key of another type is rejected.</summary>
    private static JsonObject Intervention()
    {
        (string, JsonNode, bool)[] common =
        [
            ("type", Choice(InterventionTypes, null, "What the intervention does."), true),
            ("date", Month("Month it takes effect (within start..end)."), true),
            ("label", Text("Label shown in progress lines and reports (default: the type)."), false),
            ("ramp-months", Integer(0, 600, 0, "Months over which a lever moves from its current value to the new one."), false),
        ];
        (string, JsonNode, bool)[] Lever(params (string, JsonNode, bool)[] keys) => [.. common, ("jurisdiction", Names("Jurisdiction id(s)."), true), .. keys];
        (string, JsonNode, bool)[] Pair(params (string, JsonNode, bool)[] keys) => [.. common, ("between", Names("Two countries, e.g. [US, CN]."), true), .. keys];
        (string, JsonNode, bool)[] Schedule(string key, string other) =>
        [
            .. common,
            ("jurisdiction", Names("Jurisdiction(s) that schedule."), true),
            (key, Text(key == "substance" ? "Substance scheduled." : "Class scheduled (every member)."), true),
            (other, JsonValue.Create(false)!, false),
            ("lift", new JsonObject { ["type"] = "boolean", ["default"] = false, ["description"] = "true lifts the scheduling instead." }, false),
        ];
        (string, JsonNode, bool)[] budget =
        [
            .. common,
            ("agency", Text("Agency id."), true),
            ("budget-usd-per-month", Number(0, 1e12, null, "New budget, USD per month (needed unless allocation is given)."), false),
            ("allocation", StageShares("New allocation (the agency's mandate) from this date on; shares add up to at most 1; stages not named get 0."), false),
        ];
        var item = Object("A dated intervention; its keys depend on its type.", common);
        item.Remove("additionalProperties");
        item["allOf"] = new JsonArray(
            When("schedule-substance", Object("", Schedule("substance", "class"))),
            When("schedule-class", Object("", Schedule("class", "substance"))),
            When("enforcement-budget", Object("", budget)),
            When("legal-basis-unscheduled", Object("", Lever(("intensity", Share(1, "Strength of the legal basis, 0..1."), false)))),
            When("kyc-adoption", Object("", Lever(
                ("mode", Choice(["voluntary", "incentivized", "mandated"], "voluntary", "Sets the default share: 0.2, 0.5 or 1."), false),
                ("share", Share(null, "Share of formal chemical firms adopting KYC."), false),
                ("quality", new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["enum"] = new JsonArray("real", "paper") }, Share(null, "Screening quality, 0..1.")), ["description"] = "real (0.8), paper (0.15) or a number." }, false),
                ("retraining", new JsonObject { ["type"] = "boolean", ["default"] = true, ["description"] = "Retraining keeps quality from decaying." }, false),
                ("incentive-usd-per-month", Number(0, 1e9, 0, "USD a month per adopting firm (expedited licensing or clearance); moves only groups with a kyc-cost-usd-per-month."), false),
                ("fine-usd-per-month", Number(0, 1e9, 0, "USD a month a non-adopting formal firm is fined when inspections find it (x supplier-stage pressure); moves only groups with a kyc-cost-usd-per-month."), false)))),
            When("aml-cooperation", Object("", Lever(("with", Text("Partner country, e.g. US."), true), ("intensity", Share(1, "Cooperation, 0..1 (times trust)."), false)))),
            When("early-warning", Object("", Lever(("listing-lag-months", Integer(0, 120, 6, "Months from a chemical's harm signal to its scheduling."), false), ("signal-share", Share(0.1, "Share of lab input at which a chemical counts as a harm signal."), false)))),
            When("pill-press-controls", Object("", Lever(("with", Text("Country the exporter committed to, e.g. US (gates by trust)."), true), ("intensity", Share(1, "Share of press exports stopped, 0..1 (times trust)."), false)))),
            When("intelligence-sharing", Object("", Lever(("from", Text("Country sharing, e.g. US."), true), ("intensity", Share(1, "Actionable share, 0..1 (times trust)."), false)))),
            When("border-interdiction", Object("", Lever(("multiplier", Number(0, 100, null, "Multiplier on route detection."), true)))),
            When("mail-monitoring", Object("", Lever(("multiplier", Number(0, 100, null, "Multiplier on route detection."), true)))),
            When("platform-takedown", Object("", Lever(("intensity", Share(null, "Monthly takedown probability of a visible listing."), true)))),
            When("treatment-capacity", Object("", Lever(("share", Share(null, "MOUD places as a share of the population."), true)))),
            When("treatment-access", Object("", Lever(("multiplier", Number(0, 10, null, "Multiplier on monthly entry into MOUD (1 = no change)."), true)))),
            When("naloxone", Object("", Lever(("coverage", Share(null, "Naloxone coverage."), true)))),
            When("drug-checking", Object("", Lever(("coverage", Share(null, "Share of people at risk who check their drugs before use."), true)))),
            When("demand-reduction", Object("", Lever(("initiation-multiplier", Number(0, 10, null, "Multiplier on initiation (1 = no change)."), true)))),
            When("nps-listing", Object("", Lever(("share", Share(null, "Share of the NPS market the listing controls (it erodes as new NPS appear)."), true)))),
            When("outside-supply", Object("", Lever(("multiplier", Number(0, 100, null, "Multiplier on a closed market's outside supply (1 = no change)."), true)))),
            When("tariff", Object("", Pair(("trust-drop", Share(null, "Immediate fall of trust."), true)))),
            When("trust-shock", Object("", Pair(("trust-drop", Share(null, "Immediate fall of trust."), true)))),
            When("trust-building", Object("", Pair(("rate", Share(null, "Monthly share of the gap to full trust closed."), true)))),
            When("suspend-cooperation", Object("", Pair())),
            When("cooperative-act", Object("", [.. common, ("by", Text("Country that acts, e.g. CN."), true), ("toward", Text("Country it cooperates with and expects a reward from, e.g. US."), true),
                ("weight", Number(0, 100, 1, "Weight of the act (1 = one act that expects a reward)."), false)])),
            When("reward", Object("", [.. common, ("by", Text("Country that rewards, e.g. US."), true), ("to", Text("Country rewarded, e.g. CN."), true),
                ("intensity", Number(0, 10, 1, "Intensity of the reward (1 = worth the act it answers)."), false)])),
            When("resume-cooperation", Object("", Pair())),
            When("trilateral-mechanism", Object("", [.. common, ("countries", Names("Three countries, e.g. [US, CN, MX]."), true),
                ("intensity", Share(1, "Intelligence along the chain, 0..1 (times the weakest trust of the three pairs)."), false)])));
        return item;
    }

    private static JsonObject When(string type, JsonObject then)
    {
        then.Remove("description");
        return new JsonObject
        {
            ["if"] = new JsonObject { ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = type } } },
            ["then"] = then,
        };
    }

    private static JsonObject Sweep()
    {
        var numberOrMonth = new JsonObject { ["type"] = new JsonArray("number", "string"), ["description"] = "A number, or a month YYYY-MM for a date setting." };
        var axis = Object("One varied setting: from/to/step, or values.",
            ("path", Text("YAML path of a numeric or date setting, e.g. actors.agencies[0].budget-usd-per-month, interventions[2].date, parameters.penalty-multiple."), true),
            ("from", numberOrMonth.DeepClone(), false),
            ("to", numberOrMonth.DeepClone(), false),
            ("step", new JsonObject { ["type"] = "number", ["description"] = "Step (in months for dates); its sign must lead from 'from' to 'to'." }, false),
            ("values", new JsonObject { ["type"] = "array", ["items"] = numberOrMonth.DeepClone(), ["minItems"] = 1, ["description"] = "Explicit values, in order." }, false));
        axis["oneOf"] = new JsonArray(new JsonObject { ["required"] = new JsonArray("from", "to", "step") }, new JsonObject { ["required"] = new JsonArray("values") });
        return Object("What `supplysim sweep` varies when no --vary is given (docs/experiments.md): a grid over every combination; the first setting is the x axis.",
            ("vary", List(axis, "Settings to vary.", minItems: 1), true),
            ("replicates", Integer(1, 10_000, null, "Replicates per point (default of --replicates)."), false));
    }

    // ---- building blocks ---------------------------------------------------------------------------------

    private static JsonObject Object(string description, params (string Key, JsonNode Schema, bool Required)[] properties)
    {
        var o = new JsonObject { ["type"] = "object" };
        if (description.Length > 0) o["description"] = description;
        var props = new JsonObject();
        foreach (var (key, schema, _) in properties) props[key] = schema.Parent is null ? schema : schema.DeepClone();
        o["properties"] = props;
        var required = properties.Where(p => p.Required).Select(p => (JsonNode?)JsonValue.Create(p.Key)).ToArray();
        if (required.Length > 0) o["required"] = new JsonArray(required);
        o["additionalProperties"] = false;
        return o;
    }

    /// <summary>An object naming exactly one of 'substance' or 'class'.</summary>
    private static JsonObject Targeted(string description, params (string Key, JsonNode Schema, bool Required)[] properties)
    {
        var o = Object(description, [.. properties, ("substance", Text("Substance id."), false), ("class", Text("Class name (every member)."), false)]);
        o["oneOf"] = new JsonArray(new JsonObject { ["required"] = new JsonArray("substance") }, new JsonObject { ["required"] = new JsonArray("class") });
        return o;
    }

    private static JsonObject List(JsonNode items, string description, int minItems = 0)
    {
        var o = new JsonObject { ["type"] = "array", ["description"] = description, ["items"] = items };
        if (minItems > 0) o["minItems"] = minItems;
        return o;
    }

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["minLength"] = 1, ["description"] = description };

    private static JsonObject Month(string description)
        => new() { ["type"] = "string", ["pattern"] = "^[0-9]{4}-(0[1-9]|1[0-2])(-[0-9]{2})?$", ["description"] = description + " Written YYYY-MM." };

    private static JsonObject Names(string description) => new()
    {
        ["description"] = description,
        ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } }),
    };

    private static JsonObject Choice(IEnumerable<string> values, string? fallback, string description)
    {
        var o = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()), ["description"] = description };
        if (fallback is not null) o["default"] = fallback;
        return o;
    }

    private static JsonObject Number(double min, double max, double? fallback, string description)
        => Bounded("number", min, max, fallback, description);

    private static JsonObject Integer(double min, double? max, double? fallback, string description)
        => Bounded("integer", min, max, fallback, description);

    private static JsonObject StageShares(string description)
        => Object(description, Enum.GetValues<Stage>().Select(s => (EnumNames.Name(s), (JsonNode)Share(0, $"Share spent on the {EnumNames.Name(s)} stage."), false)).ToArray());

    private static JsonObject Share(double? fallback, string description) => Bounded("number", 0, 1, fallback, description);

    private static JsonObject Bounded(string type, double min, double? max, double? fallback, string description)
    {
        var o = new JsonObject { ["type"] = type, ["minimum"] = min };
        if (max is { } m) o["maximum"] = m;
        if (fallback is { } f) o["default"] = f;
        o["description"] = description;
        return o;
    }
}
