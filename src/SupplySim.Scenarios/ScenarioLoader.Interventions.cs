using SupplySim.Model.World;
using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

public static partial class ScenarioLoader
{
    /// <summary>Intervention types a scenario may use, in the order the documentation lists them.</summary>
    public static readonly string[] InterventionTypes =
    [
        "schedule-substance", "schedule-class", "early-warning", "enforcement-budget", "legal-basis-unscheduled", "kyc-adoption",
        "aml-cooperation", "intelligence-sharing", "border-interdiction", "mail-monitoring", "platform-takedown",
        "pill-press-controls", "treatment-capacity", "treatment-access", "naloxone", "drug-checking", "demand-reduction", "outside-supply", "nps-listing", "tariff", "trust-shock", "trust-building",
        "suspend-cooperation", "resume-cooperation", "trilateral-mechanism", "cooperative-act", "reward",
    ];

    private sealed partial class Compiler
    {
        private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
        private readonly HashSet<(int, int)> _trustPairs = new();
        private int[] _countryOf = [];

        private (string[] Countries, int[] CountryOf) Countries(JurisdictionSpec[] jurisdictions)
        {
            static string CountryOf(string id) => id.Contains('-') ? id[..id.IndexOf('-')] : id;
            var names = jurisdictions.Select(j => CountryOf(j.Id)).Distinct().Order(StringComparer.Ordinal).ToArray();
            for (var i = 0; i < names.Length; i++) _countries[names[i]] = i;
            _countryOf = jurisdictions.Select(j => _countries[CountryOf(j.Id)]).ToArray();
            return (names, _countryOf);
        }

        private int Country(YamlNode node, string path)
        {
            var id = r.Text(node, path);
            return _countries.TryGetValue(id, out var c) ? c
                : throw r.Error(node, $"{path}: unknown country '{id}'; allowed: {string.Join(", ", _countries.Keys)} (a country is a jurisdiction id before its first '-')");
        }

        private (int A, int B) Pair(Map m, string path)
        {
            var node = m.Need("between");
            var list = r.Strings(node, $"{path}.between");
            if (list.Count != 2) throw r.Error(node, $"{path}.between must name two countries, e.g. [US, CN]");
            var a = Country(list[0].Node, $"{path}.between");
            var b = Country(list[1].Node, $"{path}.between");
            if (a == b) throw r.Error(node, $"{path}.between must name two different countries");
            return (a, b);
        }

        /// <summary>The country of key <c>by</c> and the one of <paramref name="otherKey"/> (reciprocity items), which world.trust must pair.</summary>
        private (int A, int B) Directed(Map m, string path, string otherKey)
        {
            var a = Country(m.Need("by"), $"{path}.by");
            var otherNode = m.Need(otherKey);
            var b = Country(otherNode, $"{path}.{otherKey}");
            if (a == b) throw r.Error(otherNode, $"{path}.{otherKey} must be another country than 'by'");
            if (!_trustPairs.Contains((Math.Min(a, b), Math.Max(a, b))))
                throw r.Error(otherNode, $"{path}: reciprocity moves trust, but world.trust has no entry between {r.Text(m.Need("by"), "by")} and {r.Text(otherNode, otherKey)}; add one");
            return (a, b);
        }

        private TrustSpec[] TrustPairs(Map world)
        {
            var result = new List<TrustSpec>();
            foreach (var (node, i) in world.ListOr("trust").Select((n, i) => (n, i)))
            {
                var path = $"world.trust[{i}]";
                var m = r.Map(node, path);
                var (a, b) = Pair(m, path);
                var initial = m.Share("initial");
                m.Done();
                if (!_trustPairs.Add((Math.Min(a, b), Math.Max(a, b))))
                    throw r.Error(m.Node, $"{path}: trust between these two countries is already given; give each pair once");
                result.Add(new TrustSpec(a, b, initial));
            }
            return result.ToArray();
        }

        private int[] JurisdictionList(Map m, string path)
            => r.Strings(m.Need("jurisdiction"), $"{path}.jurisdiction").Select(x => Jurisdiction(x.Node, $"{path}.jurisdiction")).ToArray();

        private IEnumerable<InterventionSpec> Intervention(YamlNode node, string path)
        {
            var m = r.Map(node, path);
            var typeNode = m.Need("type");
            var type = r.Text(typeNode, $"{path}.type");
            var dateNode = m.Need("date");
            var date = Date(dateNode, $"{path}.date");
            if (date < _start || date > _end)
                throw r.Error(dateNode, $"{path}.date {date} is outside the run; allowed: {_start} to {_end}");
            var tick = date.MonthsSince(_start);
            var label = m.TextOr("label") ?? type;
            var ramp = m.IntegerOr("ramp-months", 0, 0, 600);

            InterventionSpec Lever(int[] js, Lever lever, double value, int partner = -1)
                => new(tick, InterventionKind.SetLever, js, [], -1, lever, partner, -1, value, ramp, label);
            InterventionSpec Trust(InterventionKind kind, (int A, int B) pair, double value)
                => new(tick, kind, [], [], -1, default, pair.A, pair.B, value, 0, label);

            var items = new List<InterventionSpec>();
            switch (type)
            {
                case "schedule-substance":
                case "schedule-class":
                {
                    var js = JurisdictionList(m, path);
                    var key = type == "schedule-substance" ? "substance" : "class";
                    var other = type == "schedule-substance" ? "class" : "substance";
                    if (m.Get(other) is { } wrong) throw r.Error(wrong, $"{path}: {type} takes '{key}', not '{other}'");
                    var substances = Targets(m, path);
                    var on = m.Get("lift") is { } lift && r.Boolean(lift, $"{path}.lift") ? 0 : 1;
                    var kind = type == "schedule-substance" ? InterventionKind.ScheduleSubstance : InterventionKind.ScheduleClass;
                    items.Add(new InterventionSpec(tick, kind, js, substances, -1, default, -1, -1, on, 0, label));
                    break;
                }
                case "early-warning":
                {
                    // Reactive listing (report L829, L853): a chemical is scheduled a listing lag after it becomes a
                    // signal (its share of lab input reaches signal-share). Shorter lags are what early warning buys.
                    if (m.Get("ramp-months") is { } rm) throw r.Error(rm, $"{path}: early-warning takes 'listing-lag-months', not 'ramp-months'");
                    var lag = m.IntegerOr("listing-lag-months", 6, 0, 120);
                    var share = m.ShareOr("signal-share", 0.1);
                    items.Add(new InterventionSpec(tick, InterventionKind.EarlyWarning, JurisdictionList(m, path), [], -1, default, -1, -1, share, lag, label));
                    break;
                }
                case "enforcement-budget":
                {
                    var an = m.Need("agency");
                    var id = r.Text(an, $"{path}.agency");
                    if (!_agencies.TryGetValue(id, out var a)) throw r.Error(an, $"{path}.agency: unknown agency '{id}'; allowed: {string.Join(", ", _agencies.Keys)}");
                    // Budget, allocation (the agency's mandate over stages, "budget by agency and target"), or both.
                    var budgetNode = m.Get("budget-usd-per-month");
                    var allocation = m.Get("allocation") is null ? null : Allocation(m.MapOf("allocation"));
                    if (budgetNode is null && allocation is null)
                        throw r.Error(m.Node, $"{path} needs 'budget-usd-per-month', 'allocation' or both");
                    var budget = budgetNode is null ? -1 : m.Number("budget-usd-per-month", 0, 1e12, "0 to 1e12 USD per month"); // -1: keep the budget
                    items.Add(new InterventionSpec(tick, InterventionKind.EnforcementBudget, [], [], a, default, -1, -1, budget, 0, label) { Allocation = allocation });
                    break;
                }
                case "legal-basis-unscheduled":
                    items.Add(Lever(JurisdictionList(m, path), Model.World.Lever.LegalBasis, m.ShareOr("intensity", 1)));
                    break;
                case "kyc-adoption":
                {
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
                    items.Add(Lever(js, Model.World.Lever.KycShare, share));
                    items.Add(Lever(js, Model.World.Lever.KycQuality, quality) with { Ramp = 0 });
                    items.Add(Lever(js, Model.World.Lever.KycRetraining, retraining ? 1 : 0) with { Ramp = 0 });
                    // For groups that decide KYC by its economics (a kyc-cost-usd-per-month), the policy is its money: an incentive
                    // per adopting firm and, under a mandate, a fine on non-adopters found by inspection. Defaults 0 [A].
                    items.Add(Lever(js, Model.World.Lever.KycIncentiveUsd, m.NumberOr("incentive-usd-per-month", 0, 0, 1e9, "0 to 1e9 USD a month per adopting firm")));
                    items.Add(Lever(js, Model.World.Lever.KycMandateFineUsd, m.NumberOr("fine-usd-per-month", 0, 0, 1e9, "0 to 1e9 USD a month per non-adopting firm found")));
                    break;
                }
                case "aml-cooperation":
                case "intelligence-sharing":
                case "pill-press-controls":
                {
                    var key = type == "intelligence-sharing" ? "from" : "with";
                    var js = JurisdictionList(m, path);
                    var partnerNode = m.Need(key);
                    var partner = Country(partnerNode, $"{path}.{key}");
                    foreach (var j in js)
                        if (_countryOf[j] != partner && !_trustPairs.Contains((Math.Min(_countryOf[j], partner), Math.Max(_countryOf[j], partner))))
                            throw r.Error(partnerNode, $"{path}: cooperation is gated by trust, but world.trust has no entry between {r.Text(partnerNode, key)} and the country of {r.Text(m.Need("jurisdiction"), "jurisdiction")}; add one");
                    var lever = type switch
                    {
                        "aml-cooperation" => Model.World.Lever.AmlCooperation,
                        "pill-press-controls" => Model.World.Lever.PillPressControl,
                        _ => Model.World.Lever.IntelligenceSharing,
                    };
                    items.Add(Lever(js, lever, m.ShareOr("intensity", 1), partner));
                    break;
                }
                case "border-interdiction":
                case "mail-monitoring":
                    items.Add(Lever(JurisdictionList(m, path), Model.World.Lever.RouteMultiplier, m.Number("multiplier", 0, 100, "0 to 100 times the route detection the agencies' spend buys")));
                    break;
                case "platform-takedown":
                    items.Add(Lever(JurisdictionList(m, path), Model.World.Lever.PlatformTakedown, m.Share("intensity")));
                    break;
                case "treatment-capacity":
                    items.Add(Lever(JurisdictionList(m, path), Model.World.Lever.TreatmentCapacity, m.Share("share")));
                    break;
                case "treatment-access":
                    items.Add(Lever(JurisdictionList(m, path), Model.World.Lever.TreatmentAccess, m.Number("multiplier", 0, 10, "0 to 10 times the monthly treatment entry (1 = no change)")));
                    break;
                case "naloxone":
                    items.Add(Lever(JurisdictionList(m, path), Model.World.Lever.NaloxoneCoverage, m.Share("coverage")));
                    break;
                case "drug-checking":
                    items.Add(Lever(JurisdictionList(m, path), Model.World.Lever.DrugChecking, m.Share("coverage")));
                    break;
                case "demand-reduction":
                    items.Add(Lever(JurisdictionList(m, path), Model.World.Lever.InitiationMultiplier, m.Number("initiation-multiplier", 0, 10, "0 to 10 (1 = no change)")));
                    break;
                case "nps-listing":
                    items.Add(Lever(JurisdictionList(m, path), Model.World.Lever.NpsControl, m.Share("share")));
                    break;
                case "outside-supply":
                    items.Add(Lever(JurisdictionList(m, path), Model.World.Lever.OutsideSupply, m.Number("multiplier", 0, 100, "0 to 100 times the population's outside-supply-kg-per-month (1 = no change)")));
                    break;
                case "tariff":
                case "trust-shock":
                    items.Add(Trust(InterventionKind.TrustShock, Pair(m, path), m.Share("trust-drop")));
                    break;
                case "trust-building":
                    items.Add(Trust(InterventionKind.TrustBuilding, Pair(m, path), m.Share("rate")));
                    break;
                case "suspend-cooperation":
                    items.Add(Trust(InterventionKind.SuspendCooperation, Pair(m, path), 0));
                    break;
                case "trilateral-mechanism":
                {
                    var countriesNode = m.Need("countries");
                    var list = r.Strings(countriesNode, $"{path}.countries");
                    if (list.Count != 3) throw r.Error(countriesNode, $"{path}.countries must name three countries, e.g. [US, CN, MX]");
                    var cs = list.Select(x => Country(x.Node, $"{path}.countries")).ToArray();
                    if (cs.Distinct().Count() != 3) throw r.Error(countriesNode, $"{path}.countries must name three different countries");
                    var js = Enumerable.Range(0, _countryOf.Length).Where(j => cs.Contains(_countryOf[j])).ToArray();
                    items.Add(Lever(js, Model.World.Lever.Trilateral, m.ShareOr("intensity", 1), cs[0]) with { CountryB = cs[1], CountryC = cs[2] });
                    break;
                }
                case "resume-cooperation":
                    items.Add(Trust(InterventionKind.ResumeCooperation, Pair(m, path), 0));
                    break;
                case "cooperative-act":
                    items.Add(Trust(InterventionKind.CooperativeAct, Directed(m, path, "toward"), m.NumberOr("weight", 1, 0, 100, "0 to 100 (1 = one act that expects a reward)")));
                    break;
                case "reward":
                    items.Add(Trust(InterventionKind.Reward, Directed(m, path, "to"), m.NumberOr("intensity", 1, 0, 10, "0 to 10 (1 = a reward worth the act it answers)")));
                    break;
                default:
                    throw r.Error(typeNode, $"{path}.type is '{type}'; allowed: {string.Join(", ", InterventionTypes)}");
            }
            m.Done();
            return items;
        }
    }
}
