using SupplySim.Model.World;
using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

public static partial class ScenarioLoader
{
    /// <summary>Intervention types a scenario may use, in the order the documentation lists them.</summary>
    public static readonly string[] InterventionTypes = Compiler.ItemTypes.Select(t => t.Name).ToArray();

    /// <summary>The keys each intervention type accepts (the common ones included), ascending: what its "allowed keys" lists.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> InterventionKeys
        = Compiler.ItemTypes.ToDictionary(t => t.Name, t => Compiler.CommonKeys.Concat(t.Keys).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private sealed partial class Compiler
    {
        /// <summary>An item as far as every type reads it: its mapping, path, month, label and ramp.</summary>
        internal sealed record Item(Map Map, string Path, string Type, int Tick, string Label, int Ramp);

        /// <summary>One intervention type: its name, the keys it takes besides <see cref="CommonKeys"/>, and how it compiles.</summary>
        internal sealed record ItemType(string Name, string[] Keys, Func<Compiler, Item, IEnumerable<Intervention>> Compile);

        internal static readonly string[] CommonKeys = ["type", "date", "label", "ramp-months"];

        /// <summary>Every intervention type, in the order the documentation lists them.</summary>
        internal static readonly ItemType[] ItemTypes =
        [
            new("schedule-substance", ["jurisdiction", "substance", "class", "lift"], (c, x) => [c.ReadSchedule(x)]),
            new("schedule-class", ["jurisdiction", "class", "substance", "lift"], (c, x) => [c.ReadSchedule(x)]),
            new("early-warning", ["jurisdiction", "listing-lag-months", "signal-share"], (c, x) => [c.ReadEarlyWarning(x)]),
            new("enforcement-budget", ["agency", "budget-usd-per-month", "allocation"], (c, x) => [c.ReadBudget(x)]),
            OnLever("legal-basis-unscheduled", Lever.LegalBasis, "intensity", m => m.ShareOr("intensity", 1)),
            new("kyc-adoption", ["jurisdiction", "mode", "share", "quality", "retraining", "incentive-usd-per-month", "fine-usd-per-month"], (c, x) => c.ReadKycAdoption(x)),
            Cooperation("aml-cooperation", Lever.AmlCooperation, "with"),
            Cooperation("intelligence-sharing", Lever.IntelligenceSharing, "from"),
            OnLever("border-interdiction", Lever.RouteMultiplier, "multiplier", RouteMultiplier),
            OnLever("mail-monitoring", Lever.RouteMultiplier, "multiplier", RouteMultiplier),
            OnLever("platform-takedown", Lever.PlatformTakedown, "intensity", m => m.Share("intensity")),
            Cooperation("pill-press-controls", Lever.PillPressControl, "with"),
            OnLever("treatment-capacity", Lever.TreatmentCapacity, "share", m => m.Share("share")),
            OnLever("treatment-access", Lever.TreatmentAccess, "multiplier",
                m => m.Number("multiplier", 0, 10, "0 to 10 times the monthly treatment entry (1 = no change)")),
            OnLever("naloxone", Lever.NaloxoneCoverage, "coverage", m => m.Share("coverage")),
            OnLever("drug-checking", Lever.DrugChecking, "coverage", m => m.Share("coverage")),
            OnLever("demand-reduction", Lever.InitiationMultiplier, "initiation-multiplier",
                m => m.Number("initiation-multiplier", 0, 10, "0 to 10 (1 = no change)")),
            OnLever("outside-supply", Lever.OutsideSupply, "multiplier",
                m => m.Number("multiplier", 0, 100, "0 to 100 times the population's outside-supply-kg-per-month (1 = no change)")),
            OnLever("nps-listing", Lever.NpsControl, "share", m => m.Share("share")),
            Shock("tariff"),
            Shock("trust-shock"),
            new("trust-building", ["between", "rate"], (c, x) => [OnPair(c.Pair(x.Map, x.Path), (a, b) => new TrustBuilding(x.Tick, x.Label, a, b, x.Map.Share("rate")))]),
            new("suspend-cooperation", ["between"], (c, x) => [OnPair(c.Pair(x.Map, x.Path), (a, b) => new SuspendCooperation(x.Tick, x.Label, a, b))]),
            new("resume-cooperation", ["between"], (c, x) => [OnPair(c.Pair(x.Map, x.Path), (a, b) => new ResumeCooperation(x.Tick, x.Label, a, b))]),
            new("trilateral-mechanism", ["countries", "intensity"], (c, x) => [c.ReadTrilateral(x)]),
            new("cooperative-act", ["by", "toward", "weight"], (c, x) => [OnPair(c.Directed(x.Map, x.Path, "toward"),
                (by, toward) => new CooperativeAct(x.Tick, x.Label, by, toward, x.Map.NumberOr("weight", 1, 0, 100, "0 to 100 (1 = one act that expects a reward)")))]),
            new("reward", ["by", "to", "intensity"], (c, x) => [OnPair(c.Directed(x.Map, x.Path, "to"),
                (by, to) => new Reward(x.Tick, x.Label, by, to, x.Map.NumberOr("intensity", 1, 0, 10, "0 to 10 (1 = a reward worth the act it answers)")))]),
        ];

        private static readonly Dictionary<string, ItemType> TypeByName = ItemTypes.ToDictionary(t => t.Name, StringComparer.Ordinal);

        /// <summary>A type that sets one lever in its jurisdictions to the value of one key.</summary>
        private static ItemType OnLever(string name, Lever lever, string key, Func<Map, double> value)
            => new(name, ["jurisdiction", key], (c, x) =>
            {
                var js = c.JurisdictionList(x.Map, x.Path);
                return [new SetLever(x.Tick, x.Label, lever, js, value(x.Map), x.Ramp)];
            });

        private static double RouteMultiplier(Map m) => m.Number("multiplier", 0, 100, "0 to 100 times the route detection the agencies' spend buys");

        /// <summary>A cooperative lever, gated by trust with the partner country named by <paramref name="partnerKey"/>.</summary>
        private static ItemType Cooperation(string name, Lever lever, string partnerKey)
            => new(name, ["jurisdiction", partnerKey, "intensity"], (c, x) => [c.ReadCooperation(x, lever, partnerKey)]);

        /// <summary>A sudden fall of trust between two countries (a tariff reads as one).</summary>
        private static ItemType Shock(string name)
            => new(name, ["between", "trust-drop"], (c, x) => [OnPair(c.Pair(x.Map, x.Path), (a, b) => new TrustShock(x.Tick, x.Label, a, b, x.Map.Share("trust-drop")))]);

        /// <summary>Reads the pair first, then the rest of the item (the order its errors are reported in).</summary>
        private static Intervention OnPair((int A, int B) pair, Func<int, int, Intervention> item) => item(pair.A, pair.B);

        private IEnumerable<Intervention> CompileIntervention(YamlNode node, string path)
        {
            var m = r.Map(node, path);
            var typeNode = m.Need("type");
            var type = r.Text(typeNode, $"{path}.type");
            var dateNode = m.Need("date");
            var date = Date(dateNode, $"{path}.date");
            if (date < _start || date > _end)
                throw r.Error(dateNode, $"{path}.date {date} is outside the run; allowed: {_start} to {_end}");
            var label = m.TextOr("label") ?? type;
            var ramp = m.IntegerOr("ramp-months", 0, 0, 600);
            if (!TypeByName.TryGetValue(type, out var itemType))
                throw r.Error(typeNode, $"{path}.type is '{type}'; allowed: {string.Join(", ", InterventionTypes)}");
            m.Declare([.. CommonKeys, .. itemType.Keys]);
            var items = itemType.Compile(this, new Item(m, path, type, date.MonthsSince(_start), label, ramp)).ToArray();
            m.Done();
            return items;
        }

        private Scheduling ReadSchedule(Item x)
        {
            var (m, path, type) = (x.Map, x.Path, x.Type);
            var js = JurisdictionList(m, path);
            var bySubstance = type == "schedule-substance";
            var (key, other) = bySubstance ? ("substance", "class") : ("class", "substance");
            if (m.Get(other) is { } wrong) throw r.Error(wrong, $"{path}: {type} takes '{key}', not '{other}'");
            var substances = Targets(m, path);
            var scheduled = !(m.Get("lift") is { } lift && r.Boolean(lift, $"{path}.lift"));
            return bySubstance ? new ScheduleSubstance(x.Tick, x.Label, js, substances, scheduled) : new ScheduleClass(x.Tick, x.Label, js, substances, scheduled);
        }

        private EarlyWarning ReadEarlyWarning(Item x)
        {
            // Reactive listing (report L829, L853): a chemical is scheduled a listing lag after it becomes a
            // signal (its share of lab input reaches signal-share). Shorter lags are what early warning buys.
            var m = x.Map;
            if (m.Get("ramp-months") is { } rm) throw r.Error(rm, $"{x.Path}: early-warning takes 'listing-lag-months', not 'ramp-months'");
            var lag = m.IntegerOr("listing-lag-months", 6, 0, 120);
            var share = m.ShareOr("signal-share", 0.1);
            return new EarlyWarning(x.Tick, x.Label, JurisdictionList(m, x.Path), share, lag);
        }

        private EnforcementBudget ReadBudget(Item x)
        {
            var (m, path) = (x.Map, x.Path);
            var an = m.Need("agency");
            var id = r.Text(an, $"{path}.agency");
            if (!_agencies.TryGetValue(id, out var a)) throw r.Error(an, $"{path}.agency: unknown agency '{id}'; allowed: {string.Join(", ", _agencies.Keys)}");
            // Budget, allocation (the agency's mandate over stages, "budget by agency and target"), or both.
            var budgetNode = m.Get("budget-usd-per-month");
            var allocation = m.Get("allocation") is null ? null : Allocation(m.MapOf("allocation"));
            if (budgetNode is null && allocation is null)
                throw r.Error(m.Node, $"{path} needs 'budget-usd-per-month', 'allocation' or both");
            var budget = budgetNode is null ? null : m.ReadOr(ActorKeys.Agencies.Budget); // the agency's own key, read the same way
            return new EnforcementBudget(x.Tick, x.Label, a, budget, allocation);
        }

        private IEnumerable<Intervention> ReadKycAdoption(Item x)
        {
            var (m, path) = (x.Map, x.Path);
            var js = JurisdictionList(m, path);
            var modeNode = m.Get("mode");
            var mode = modeNode is null ? "voluntary" : r.Text(modeNode, $"{path}.mode");
            if (mode is not ("voluntary" or "incentivized" or "mandated"))
                throw r.Error(modeNode!, $"{path}.mode is '{mode}'; allowed: voluntary, incentivized, mandated");
            // Defaults per mode are assumptions [A]: a mandate reaches every formal firm.
            var share = m.ShareOr("share", mode switch { "mandated" => 1.0, "incentivized" => 0.5, _ => 0.2 });
            var qualityNode = m.Get("quality");
            var quality = qualityNode is null ? 0.8
                : qualityNode is YamlScalarNode { Value: "real" } ? 0.8
                : qualityNode is YamlScalarNode { Value: "paper" } ? 0.15
                : r.Share(qualityNode, $"{path}.quality");
            var retraining = m.Get("retraining") is not { } rt || r.Boolean(rt, $"{path}.retraining");
            // For groups that decide KYC by its economics (a kyc-cost-usd-per-month), the policy is its money: an incentive
            // per adopting firm and, under a mandate, a fine on non-adopters found by inspection. Defaults 0 [A].
            var incentive = m.NumberOr("incentive-usd-per-month", 0, 0, 1e9, "0 to 1e9 USD a month per adopting firm");
            var fine = m.NumberOr("fine-usd-per-month", 0, 0, 1e9, "0 to 1e9 USD a month per non-adopting firm found");
            SetLever Set(Lever lever, double value, int ramp) => new(x.Tick, x.Label, lever, js, value, ramp);
            return
            [
                Set(Lever.KycShare, share, x.Ramp),
                Set(Lever.KycQuality, quality, 0),
                Set(Lever.KycRetraining, retraining ? 1 : 0, 0),
                Set(Lever.KycIncentiveUsd, incentive, x.Ramp),
                Set(Lever.KycMandateFineUsd, fine, x.Ramp),
            ];
        }

        private SetLever ReadCooperation(Item x, Lever lever, string key)
        {
            var (m, path) = (x.Map, x.Path);
            var js = JurisdictionList(m, path);
            var partnerNode = m.Need(key);
            var partner = Country(partnerNode, $"{path}.{key}");
            foreach (var j in js)
                if (_countryOf[j] != partner && !_trustPairs.Contains((Math.Min(_countryOf[j], partner), Math.Max(_countryOf[j], partner))))
                    throw r.Error(partnerNode, $"{path}: cooperation is gated by trust, but world.trust has no entry between {r.Text(partnerNode, key)} and the country of {r.Text(m.Need("jurisdiction"), "jurisdiction")}; add one");
            return new SetLever(x.Tick, x.Label, lever, js, m.ShareOr("intensity", 1), x.Ramp, partner);
        }

        private Trilateral ReadTrilateral(Item x)
        {
            var (m, path) = (x.Map, x.Path);
            var countriesNode = m.Need("countries");
            var list = r.Strings(countriesNode, $"{path}.countries");
            if (list.Count != 3) throw r.Error(countriesNode, $"{path}.countries must name three countries, e.g. [US, CN, MX]");
            var cs = list.Select(n => Country(n.Node, $"{path}.countries")).ToArray();
            if (cs.Distinct().Count() != 3) throw r.Error(countriesNode, $"{path}.countries must name three different countries");
            var js = Enumerable.Range(0, _countryOf.Length).Where(j => cs.Contains(_countryOf[j])).ToArray();
            return new Trilateral(x.Tick, x.Label, js, m.ShareOr("intensity", 1), x.Ramp, cs[0], cs[1], cs[2]);
        }
    }
}
