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
        ("checkpoint-every", Integer(0, 1200, Scenario.DefaultCheckpointEvery, "Ticks between checkpoints of every shard's state; a run that loses a silo rolls back to the last one and replays. 0 turns checkpoints off. --checkpoint-every overrides it."), false));

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
            ("count", Integer(0, 10_000_000, null, "Number of firms."), true),
            ("products", Names("Substances they make."), true),
            ("capacity-kg-per-month", Number(0, 1e9, null, "Capacity per firm, kg per month."), true),
            ("licit-share", Share(0.9, "Share of capacity taken by licit buyers, served first."), false),
            ("kyc-share", Share(0, "Share of firms with a know-your-customer programme."), false),
            ("kyc-quality", Share(0.5, "Quality of those programmes (screening = quality x kyc-max-screening)."), false),
            ("cohort", Choice(Cohorts, "small", "Firm cohort."), false),
            ("kyc-cost-usd-per-month", Number(0, 1e9, 0, "Monthly cost of a KYC programme for the group's mean firm, USD; above 0 its formal firms decide KYC by its economics instead of following kyc-share and kyc-adoption's share."), false),
            ("kyc-reputation-usd-per-month", Number(0, 1e9, 0, "Monthly value of KYC to a firm in reputation and market access, USD."), false)), "Precursor supplier groups."), false),
        ("brokers", List(Object("Brokers and online sellers.",
            ("jurisdiction", Text("Where they operate."), true),
            ("count", Integer(0, 10_000_000, null, "Number of brokers."), true),
            ("markup", Number(0, 1000, 1, "Markup on cost (1 = sells at twice its cost)."), false),
            ("disguise-skill", Share(0.3, "Skill at passing KYC screening."), false),
            ("recipes", new JsonObject { ["type"] = "boolean", ["default"] = false, ["description"] = "The brokers send recipes: a lab receiving a chemical from them learns every route that takes it." }, false),
            ("products", Names("Precursors (route inputs) these brokers may offer (default: every precursor of an opioid route); e.g. [p2p] for methamphetamine."), false)), "Broker groups."), false),
        ("labs", List(Object("Cartel labs.",
            ("jurisdiction", Text("Where they operate."), true),
            ("count", Integer(0, 10_000_000, null, "Number of labs."), true),
            ("capacity-kg-per-month", Number(0, 1e7, null, "Capacity per lab, kg of finished drug per month."), true),
            ("stockpile-months", Number(0, 120, 3, "Months of precursor a lab tries to hold."), false),
            ("initial-stock-months", Number(0, 120, null, "Months of precursor held at the start (default: stockpile-months)."), false),
            ("relocate-to", Names("Jurisdictions whose lab sites these labs may move capacity to when their own is too risky (default: none)."), false),
            ("second-source-share", Number(0, 0.9, 0, "Sourcing mix: share of each order placed with a second broker in another country (0: one broker)."), false),
            ("products", Names("Route outputs these labs make, all opioids or all stimulants (default: every opioid); e.g. [methamphetamine]."), false)), "Cartel lab groups."), false),
        ("launderers", List(Object("Money-laundering networks.",
            ("jurisdiction", Text("Where they operate."), true),
            ("method", Choice(Enum.GetValues<LaunderingMethod>().Select(EnumNames.Name), null, "Laundering method."), true),
            ("count", Integer(0, 1_000_000, 1, "Number of networks."), false),
            ("fee", Share(null, "Fee as a share of the money laundered."), true),
            ("detection-risk", Share(0.5, "Relative detection risk of the method."), false),
            ("innovation-rate", Share(0, "Innovation after losses: each month the detection risk falls by this share times last month's seizure share (0: none)."), false),
            ("innovation-floor", Share(0.3, "Lowest detection risk innovation reaches, as a share of detection-risk."), false),
            ("capacity-usd-per-month", Number(1, 1e12, null, "USD a month the whole group handles before congestion raises the cost labs see (default: no limit)."), false),
            ("emerges-after-seized-usd", Number(0, 1e13, 0, "Latent method: closed to labs until the USD seized from all launderers since the start reaches this (0: open from the start)."), false)), "Launderer groups."), false),
        ("agencies", List(Object("An enforcement agency.",
            ("id", Text("Agency id, used by enforcement-budget interventions."), true),
            ("jurisdictions", Names("Where it acts."), true),
            ("budget-usd-per-month", Number(0, 1e12, null, "Budget, USD per month."), true),
            ("allocation", StageShares("Share of the budget per stage; shares add up to at most 1."), true),
            ("max-pressure", Share(0.3, "Highest monthly detection probability, reached at infinite spend."), false),
            ("efficiency-per-usd", Number(0, 1, 1e-5, "Detection efficiency: p = max-pressure x (1 - exp(-efficiency x spend / targets))."), false),
            ("corruptibility", Share(0, "Share of its lab and route pressure that labs' bribes can cancel at saturation."), false),
            ("adaptive-allocation", Share(0, "Learning rate of adaptive allocation: each month a stage's share grows by this rate times how far its marginal seizure value per USD lies above the agency's average (0: the scripted allocation throughout; a stage at 0 stays 0)."), false)), "Enforcement agencies."), false),
        ("populations", List(Object("A user population (simulated people).",
            ("region", Text("Jurisdiction (region) of the population."), true),
            ("people", Integer(1, 500_000_000, null, "Simulated people."), true),
            ("represents", Number(1e-6, 1e6, 1, "Real people each simulated person stands for."), false),
            ("initial-use", Share(0.01, "Share using without disorder at the start."), false),
            ("initial-oud", Share(0.005, "Share with untreated opioid use disorder at the start."), false),
            ("initial-moud", Share(0.0015, "Share on medication for OUD at the start."), false),
            ("initial-remission", Share(0.002, "Share in remission at the start."), false),
            ("stimulant-co-use", Share(0.3, "Share who also use stimulants."), false),
            ("moud-capacity-share", Share(0.003, "MOUD places as a share of the population."), false),
            ("naloxone-coverage", Share(0.2, "Share of overdoses with naloxone at hand."), false),
            ("xylazine-share", Share(0, "Share of doses cut with xylazine at the start."), false),
            ("supplied-by", Choice(["labs", "outside"], "labs", "labs: the model's labs sell here; outside: a closed market stocked only by outside-supply-kg-per-month."), false),
            ("outside-supply-kg-per-month", Number(0, 1e9, 0, "Pure kg a month reaching the market from outside the modelled chain, before seizures (outside-supply lever multiplies it)."), false),
            ("overdose-hazard-scale", Number(0, 100, 1, "Multiplier on the overdose hazard (0: no overdose deaths, where none are in scope)."), false),
            ("registration-rate", Number(0, 1000, 0, "Monthly probability that a person using is registered, per unit of retail detection pressure (0: no register)."), false),
            ("initial-registered-share", Share(0, "Share of people using (and in remission) on the register at the start."), false),
            ("register-clean-months", Integer(1, 240, 36, "Months without use after which a registered person leaves the count."), false),
            ("registered-cessation-rate", Share(0, "Further monthly probability that a registered person using stops (supervision, rehabilitation)."), false),
            ("nps-share", Share(0, "Share of people using who use NPS instead of the market's drugs at the start."), false),
            ("nps-substitution", Share(0, "Monthly switching to NPS per unit of scarcity above the first month's (and back below it)."), false),
            ("initiation-rate", Share(null, "This population's monthly initiation rate (default: the parameter initiation-rate)."), false),
            ("cessation-rate", Share(null, "This population's monthly cessation rate, use to no use (default: the parameter cessation-rate)."), false),
            ("progression-rate", Share(null, "This population's monthly progression rate, use to disorder (default: the parameter progression-rate)."), false)), "User populations (at least one).", minItems: 1), true));

    /// <summary>Every behaviour parameter from its declaration: range, default, description, unit, provenance and prior.</summary>
    private static JsonObject Parameters()
    {
        var props = ParameterCatalog.All
            .Select(d => (d.Name, (JsonNode)Parameter(d), false))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
        return Object("Behaviour parameters shared by all agents; any omitted keeps its default (docs/model.md#parameters).", props);
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
