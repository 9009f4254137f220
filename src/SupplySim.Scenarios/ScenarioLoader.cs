using System.Globalization;
using System.Security.Cryptography;
using SupplySim.Model.Time;
using SupplySim.Model.World;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

/// <summary>A loaded scenario: the compiled spec plus what a results folder records about its source.</summary>
public sealed record Scenario(WorldSpec Spec, string SourcePath, string Sha256, int FirmsPerShard, int PeoplePerShard, int CheckpointEvery = Scenario.DefaultCheckpointEvery)
{
    /// <summary>Ticks between checkpoints unless the scenario (sharding.checkpoint-every) or --checkpoint-every says otherwise; 0 turns them off.</summary>
    public const int DefaultCheckpointEvery = 12;
}

/// <summary>
/// Reads a scenario file (YAML) into a validated <see cref="WorldSpec"/>. Every key is checked; the first
/// mistake is thrown as a <see cref="ScenarioException"/> naming file, line, column, what is wrong and
/// what is allowed. The keys are documented in docs/scenarios.md.
/// </summary>
public static partial class ScenarioLoader
{
    public static Scenario Load(string path, IReadOnlyList<SettingOverride>? overrides = null)
    {
        if (!System.IO.File.Exists(path)) throw new ScenarioException(path, 1, 1, "file not found; give the path of a scenario .yaml file (see `scenarios/`)");
        var bytes = System.IO.File.ReadAllBytes(path);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        return Parse(text, path, Convert.ToHexStringLower(SHA256.HashData(bytes)), overrides);
    }

    // overrides: settings replaced before compiling (sweeps; see ScenarioOverrides).
    public static Scenario Parse(string text, string file, string? sha256 = null, IReadOnlyList<SettingOverride>? overrides = null)
    {
        var r = new YamlReader(file);
        var rootNode = Extends.Resolve(r, ReadDocument(r, text));
        ScenarioOverrides.Prepare(r, rootNode, overrides);
        var root = r.Map(rootNode, "");
        var c = new Compiler(r);
        var spec = c.Compile(root, out var firms, out var people, out var checkpointEvery);
        return new Scenario(spec, file, sha256 ?? Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), firms, people, checkpointEvery);
    }

    /// <summary>Parses one YAML document, turning syntax errors into located scenario errors.</summary>
    internal static YamlNode ReadDocument(YamlReader r, string text)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e)
        {
            var message = FirstSentence(e.Message);
            const string duplicate = "Duplicate key ";
            throw message.StartsWith(duplicate, StringComparison.Ordinal)
                ? r.Error(e.Start, $"key '{message[duplicate.Length..]}' appears twice in one mapping; keep one")
                : r.Error(e.Start, $"not valid YAML: {message}");
        }
        if (stream.Documents.Count != 1) throw new ScenarioException(r.File, 1, 1, "a scenario file holds exactly one YAML document");
        return stream.Documents[0].RootNode;
    }

    private static string FirstSentence(string message)
    {
        var m = message;
        var paren = m.IndexOf("): ", StringComparison.Ordinal);
        if (m.StartsWith('(') && paren > 0) m = m[(paren + 3)..];
        return m.Trim();
    }

    private sealed partial class Compiler(YamlReader r)
    {
        private readonly Dictionary<string, int> _jurisdictions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _substances = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _classes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _agencies = new(StringComparer.Ordinal);
        private readonly List<(YamlNode Node, string Path, int Own, int[] Targets)> _reach = new();
        private SubstanceSpec[] _catalogue = [];
        private RouteSpec[] _routeList = [];
        private MonthDate _start, _end;

        public WorldSpec Compile(Map root, out int firmsPerShard, out int peoplePerShard, out int checkpointEvery)
        {
            root.Get(Extends.Key);
            root.Get(Extends.AddKey);
            root.Get(Extends.AddActorsKey);
            root.Get(Extends.ReplaceActorsKey);
            var name = root.Text("name");
            var question = root.TextOr("question") ?? "";
            _start = Date(root.Need("start"), "start");
            _end = Date(root.Need("end"), "end");
            if (_end < _start) throw r.Error(root.Need("end"), $"end ({_end}) is before start ({_start}); allowed: a month on or after start");
            if (_end.MonthsSince(_start) >= 1200) throw r.Error(root.Need("end"), "a run may last at most 100 years (1200 monthly ticks)");
            var seed = root.Get("seed") is { } seedNode ? r.Seed(seedNode, "seed") : 1UL;
            var spinUp = root.IntegerOr("spin-up-months", WorldSpec.DefaultSpinUpMonths, 0, 120);

            firmsPerShard = 5_000;
            peoplePerShard = 250_000;
            checkpointEvery = Scenario.DefaultCheckpointEvery;
            if (root.Get("sharding") is { } shardingNode)
            {
                var sh = r.Map(shardingNode, "sharding");
                firmsPerShard = sh.IntegerOr("firms-per-shard", firmsPerShard, 1, 1_000_000);
                peoplePerShard = sh.IntegerOr("people-per-shard", peoplePerShard, 1, 100_000_000);
                checkpointEvery = sh.IntegerOr("checkpoint-every", checkpointEvery, 0, 1200);
                sh.Done();
            }

            var world = root.MapOf("world");
            var jurisdictions = Jurisdictions(world);
            var substances = Substances(world);
            var routes = Routes(world);
            (_catalogue, _routeList) = (substances, routes);
            var scheduled = InitialScheduling(world);
            var (countries, countryOf) = Countries(jurisdictions);
            var trust = TrustPairs(world);
            world.Done();

            var actors = root.MapOf("actors");
            var suppliers = actors.ListOr("suppliers").Select((n, i) => Supplier(n, $"actors.suppliers[{i}]")).ToArray();
            var brokers = actors.ListOr("brokers").Select((n, i) => Broker(n, $"actors.brokers[{i}]")).ToArray();
            var labs = actors.ListOr("labs").Select((n, i) => Lab(n, $"actors.labs[{i}]")).ToArray();
            foreach (var (node, path, own, targets) in _reach)
                foreach (var k in targets)
                {
                    var id = jurisdictions[k].Id;
                    if (k == own) throw r.Error(node, $"{path} names {id}, the labs' own jurisdiction; list only other jurisdictions");
                    if (!labs.Any(l => l.Jurisdiction == k && l.Count > 0))
                        throw r.Error(node, $"{path} names {id}, which has no lab group; add one there (capacity-kg-per-month: 0 makes empty sites)");
                }
            var launderers = actors.ListOr("launderers").Select((n, i) => Launderer(n, $"actors.launderers[{i}]")).ToArray();
            if (launderers.Any(l => l.IsLatent) && !launderers.Any(l => !l.IsLatent && l.Count > 0))
                throw r.Error(actors.Get("launderers")!, "actors.launderers: every group is latent (emerges-after-seized-usd), so labs have no launderer until something is seized; leave at least one group without it");
            var agencies = actors.ListOr("agencies").Select((n, i) => Agency(n, $"actors.agencies[{i}]")).ToArray();
            var populations = actors.ListOr("populations").Select((n, i) => Population(n, $"actors.populations[{i}]")).ToArray();
            actors.Done();
            if (populations.Length == 0) throw r.Error(actors.Node, "actors.populations needs at least one user population");
            foreach (var g in populations.GroupBy(p => p.Region).Where(g => g.Select(p => p.SuppliedByLabs).Distinct().Count() > 1))
                throw r.Error(actors.Node, $"actors.populations: the populations of {jurisdictions[g.Key].Id} differ in supplied-by; one region is either a market of the labs or a closed one");

            agencies = IntelligenceQueues(root, agencies);
            var parameters = root.Get("parameters") is { } pn ? Parameters(r.Map(pn, "parameters")) : new ModelParameters();
            var interventions = root.ListOr("interventions").SelectMany((n, i) => CompileIntervention(n, $"interventions[{i}]")).ToArray();
            root.Done();

            return new WorldSpec
            {
                Name = name,
                Question = question,
                Start = _start,
                Ticks = _end.MonthsSince(_start) + 1,
                Seed = seed,
                SpinUpMonths = spinUp,
                Jurisdictions = jurisdictions,
                Substances = substances,
                Routes = routes,
                InitialScheduling = scheduled,
                Suppliers = suppliers,
                Brokers = brokers,
                Labs = labs,
                Launderers = launderers,
                Agencies = agencies,
                Populations = populations,
                Parameters = parameters,
                Interventions = interventions,
                Countries = countries,
                CountryOf = countryOf,
                Trust = trust,
            };
        }

        private MonthDate Date(YamlNode node, string path)
        {
            var text = r.Text(node, path);
            if (!MonthDate.TryParse(text, out var d)) throw r.Error(node, $"{path} is '{text}'; allowed: a month written YYYY-MM, e.g. 2019-05");
            return d;
        }

        private JurisdictionSpec[] Jurisdictions(Map world)
        {
            var list = r.Strings(world.Need("jurisdictions"), "world.jurisdictions");
            foreach (var (id, node) in list)
                if (!_jurisdictions.TryAdd(id, _jurisdictions.Count)) throw r.Error(node, $"jurisdiction '{id}' is listed twice");
            return list.Select(x => new JurisdictionSpec(x.Value)).ToArray();
        }

        private int Jurisdiction(YamlNode node, string path)
        {
            var id = r.Text(node, path);
            return _jurisdictions.TryGetValue(id, out var j) ? j
                : throw r.Error(node, $"{path}: unknown jurisdiction '{id}'; allowed: {string.Join(", ", _jurisdictions.Keys)}");
        }

        private int Substance(YamlNode node, string path)
        {
            var id = r.Text(node, path);
            return _substances.TryGetValue(id, out var s) ? s
                : throw r.Error(node, $"{path}: unknown substance '{id}'; allowed: {string.Join(", ", _substances.Keys)}");
        }

        private SubstanceSpec[] Substances(Map world)
        {
            var result = new List<SubstanceSpec>();
            foreach (var (node, i) in world.ListOf("substances").Select((n, i) => (n, i)))
            {
                var path = $"world.substances[{i}]";
                var m = r.Map(node, path);
                var id = m.Text("id");
                var roleNode = m.Need("role");
                var roleText = r.Text(roleNode, $"{path}.role");
                if (!EnumNames.TryParse<SubstanceRole>(roleText, out var role))
                    throw r.Error(roleNode, $"{path}.role is '{roleText}'; allowed: {string.Join(", ", EnumNames.Names<SubstanceRole>())}");
                var classes = m.Get("classes") is { } cn ? r.Strings(cn, $"{path}.classes").Select(x => x.Value).ToArray() : [];
                var price = m.NumberOr("price-usd-per-kg", 0, 0, 1e9, "0 to 1e9 USD per kg");
                var potency = m.NumberOr("potency", role == SubstanceRole.Opioid ? 1 : 0, 0, 10_000, "0 to 10000 (fentanyl = 1)");
                if (role == SubstanceRole.Stimulant && potency != 0)
                    throw r.Error(m.Need("potency"), $"{path}.potency: a stimulant is never fentanyl-equivalent; leave potency out (0)");
                m.Done();
                if (!_substances.TryAdd(id, result.Count)) throw r.Error(m.Need("id"), $"substance '{id}' is defined twice");
                foreach (var cl in classes)
                {
                    if (!_classes.TryGetValue(cl, out var members)) _classes[cl] = members = new List<int>();
                    members.Add(result.Count);
                }
                result.Add(new SubstanceSpec(id, role, classes, price, potency));
            }
            return result.ToArray();
        }

        private RouteSpec[] Routes(Map world)
        {
            var result = new List<RouteSpec>();
            foreach (var (node, i) in world.ListOr("routes").Select((n, i) => (n, i)))
            {
                var path = $"world.routes[{i}]";
                var m = r.Map(node, path);
                var output = Substance(m.Need("output"), $"{path}.output");
                var input = Substance(m.Need("input"), $"{path}.input");
                var yield = m.Number("yield", 1e-6, 10, "more than 0 and at most 10 kg of output per kg of input");
                var skill = m.ShareOr("skill", 0);
                if (skill > 0 && i >= 64) throw r.Error(m.Need("skill"), $"{path}.skill: only the first 64 routes may need skill (a lab's know-how is one bit per route)");
                m.Done();
                if (output == input) throw r.Error(m.Need("input"), $"{path}: a route's input must differ from its output");
                result.Add(new RouteSpec(output, input, yield, skill));
            }
            return result.ToArray();
        }

        private ScheduleEntry[] InitialScheduling(Map world)
        {
            var result = new List<ScheduleEntry>();
            foreach (var (node, i) in world.ListOr("scheduled").Select((n, i) => (n, i)))
            {
                var path = $"world.scheduled[{i}]";
                var m = r.Map(node, path);
                var js = r.Strings(m.Need("jurisdiction"), $"{path}.jurisdiction").Select(x => Jurisdiction(x.Node, $"{path}.jurisdiction")).ToArray();
                var substances = Targets(m, path);
                m.Done();
                foreach (var j in js) foreach (var s in substances) result.Add(new ScheduleEntry(j, s));
            }
            return result.ToArray();
        }

        /// <summary>Either 'substance: X' or 'class: Y' (exactly one), resolved to substance indices.</summary>
        private int[] Targets(Map m, string path)
        {
            var sn = m.Get("substance");
            var cn = m.Get("class");
            if ((sn is null) == (cn is null)) throw r.Error(m.Node, $"{path} needs exactly one of 'substance' or 'class'");
            if (sn is not null) return [Substance(sn, $"{path}.substance")];
            var cl = r.Text(cn!, $"{path}.class");
            return _classes.TryGetValue(cl, out var members) ? members.ToArray()
                : throw r.Error(cn!, $"{path}.class: unknown class '{cl}'; allowed: {string.Join(", ", _classes.Keys)}");
        }

        private SupplierGroupSpec Supplier(YamlNode node, string path)
        {
            var m = r.Map(node, path);
            var j = Jurisdiction(m.Need("jurisdiction"), $"{path}.jurisdiction");
            var count = m.ReadInteger(ActorKeys.Suppliers.Count);
            var products = r.Strings(m.Need("products"), $"{path}.products").Select(x => Substance(x.Node, $"{path}.products")).ToArray();
            var capacity = m.Read(ActorKeys.Suppliers.Capacity);
            var licit = m.Read(ActorKeys.Suppliers.LicitShare);
            var kyc = m.Read(ActorKeys.Suppliers.KycShare);
            var quality = m.Read(ActorKeys.Suppliers.KycQuality);
            var cohort = m.TextOr("cohort") ?? "small";
            if (cohort is not ("multinational" or "small" or "informal"))
                throw r.Error(m.Get("cohort")!, $"{path}.cohort is '{cohort}'; allowed: multinational, small, informal");
            var kycCost = m.Read(ActorKeys.Suppliers.KycCost);
            var reputation = m.Read(ActorKeys.Suppliers.KycReputation);
            m.Done();
            return new SupplierGroupSpec(j, count, products, capacity, licit, kyc, quality, cohort, kycCost, reputation);
        }

        private BrokerGroupSpec Broker(YamlNode node, string path)
        {
            var m = r.Map(node, path);
            var j = Jurisdiction(m.Need("jurisdiction"), $"{path}.jurisdiction");
            var count = m.ReadInteger(ActorKeys.Brokers.Count);
            var markup = m.Read(ActorKeys.Brokers.Markup);
            var disguise = m.Read(ActorKeys.Brokers.DisguiseSkill);
            int[]? products = null;
            if (m.Get("products") is { } pn)
            {
                products = r.Strings(pn, $"{path}.products").Select(x => Substance(x.Node, $"{path}.products")).Distinct().Order().ToArray();
                foreach (var (x, s) in r.Strings(pn, $"{path}.products").Select(x => (x, Substance(x.Node, $"{path}.products"))))
                    if (!_routeList.Any(rt => rt.Input == s))
                        throw r.Error(x.Node, $"{path}.products names '{x.Value}', which no route takes; brokers offer precursors (route inputs)");
            }
            var recipes = m.Get("recipes") is { } rn && r.Boolean(rn, $"{path}.recipes");
            m.Done();
            return new BrokerGroupSpec(j, count, markup, disguise, products, recipes);
        }

        private LabGroupSpec Lab(YamlNode node, string path)
        {
            var m = r.Map(node, path);
            var j = Jurisdiction(m.Need("jurisdiction"), $"{path}.jurisdiction");
            var count = m.ReadInteger(ActorKeys.Labs.Count);
            var capacity = m.Read(ActorKeys.Labs.Capacity);
            var stockpile = m.Read(ActorKeys.Labs.StockpileMonths);
            var initial = m.ReadOr(ActorKeys.Labs.InitialStockMonths) ?? stockpile;
            var relocate = m.Get("relocate-to") is { } rt
                ? r.Strings(rt, $"{path}.relocate-to").Select(x => Jurisdiction(x.Node, $"{path}.relocate-to")).Distinct().Order().ToArray()
                : [];
            if (m.Get("relocate-to") is { } reachNode) _reach.Add((reachNode, $"{path}.relocate-to", j, relocate));
            int[]? products = null;
            if (m.Get("products") is { } pn)
            {
                var named = r.Strings(pn, $"{path}.products").Select(x => (x, s: Substance(x.Node, $"{path}.products"))).ToArray();
                foreach (var (x, s) in named)
                    if (!_routeList.Any(rt => rt.Output == s))
                        throw r.Error(x.Node, $"{path}.products names '{x.Value}', which no route makes; labs make route outputs");
                if (named.Length == 0) throw r.Error(pn, $"{path}.products is empty; leave it out for the opioid routes");
                var stimulant = named.Select(n => _catalogue[n.s].Role == SubstanceRole.Stimulant).ToArray();
                if (stimulant.Distinct().Count() > 1)
                    throw r.Error(pn, $"{path}.products mixes stimulants and opioids; one lab group serves one market, so give each its own group");
                products = named.Select(n => n.s).Distinct().Order().ToArray();
            }
            var second = m.Read(ActorKeys.Labs.SecondSourceShare);
            m.Done();
            return new LabGroupSpec(j, count, capacity, stockpile, initial, relocate, products, second);
        }

        private LaundererGroupSpec Launderer(YamlNode node, string path)
        {
            var m = r.Map(node, path);
            var j = Jurisdiction(m.Need("jurisdiction"), $"{path}.jurisdiction");
            var methodNode = m.Need("method");
            var methodText = r.Text(methodNode, $"{path}.method");
            if (!EnumNames.TryParse<LaunderingMethod>(methodText, out var method))
                throw r.Error(methodNode, $"{path}.method is '{methodText}'; allowed: {string.Join(", ", EnumNames.Names<LaunderingMethod>())}");
            var count = m.ReadInteger(ActorKeys.Launderers.Count);
            var fee = m.Read(ActorKeys.Launderers.Fee);
            var risk = m.Read(ActorKeys.Launderers.DetectionRisk);
            var innovation = m.Read(ActorKeys.Launderers.InnovationRate);
            var floor = m.Read(ActorKeys.Launderers.InnovationFloor);
            var capacity = m.ReadOr(ActorKeys.Launderers.Capacity) ?? 0; // 0: no limit
            var emerges = m.Read(ActorKeys.Launderers.EmergesAfterSeizedUsd);
            m.Done();
            return new LaundererGroupSpec(j, method, count, fee, risk, innovation, floor, capacity, emerges);
        }

        /// <summary>An allocation over stages (shares of the budget, at most 1 in total); stages not named get 0.</summary>
        private double[] Allocation(Map allocMap)
        {
            var allocation = new double[EnumNames.StageCount];
            foreach (var stage in Enum.GetValues<Stage>())
                if (allocMap.Get(EnumNames.Name(stage)) is { } an) allocation[(int)stage] = r.Share(an, $"{allocMap.Path}.{EnumNames.Name(stage)}");
            allocMap.Done();
            if (allocation.Sum() > 1 + 1e-9) throw r.Error(allocMap.Node, $"{allocMap.Path} shares add up to {allocation.Sum().ToString(CultureInfo.InvariantCulture)}; allowed: a total of at most 1");
            return allocation;
        }

        private AgencySpec Agency(YamlNode node, string path)
        {
            var m = r.Map(node, path);
            var id = m.Text("id");
            if (!_agencies.TryAdd(id, _agencies.Count)) throw r.Error(m.Need("id"), $"agency '{id}' is defined twice");
            var js = r.Strings(m.Need("jurisdictions"), $"{path}.jurisdictions").Select(x => Jurisdiction(x.Node, $"{path}.jurisdictions")).ToArray();
            var budget = m.Read(ActorKeys.Agencies.Budget);
            var allocation = Allocation(m.MapOf("allocation"));
            var maxPressure = m.Read(ActorKeys.Agencies.MaxPressure);
            var efficiency = m.Read(ActorKeys.Agencies.EfficiencyPerUsd);
            var corruptibility = m.Read(ActorKeys.Agencies.Corruptibility);
            var adaptive = m.Read(ActorKeys.Agencies.AdaptiveAllocation);
            m.Done();
            return new AgencySpec(id, js, budget, allocation, maxPressure, efficiency, corruptibility, adaptive);
        }

        private PopulationSpec Population(YamlNode node, string path)
        {
            var m = r.Map(node, path);
            var region = Jurisdiction(m.Need("region"), $"{path}.region");
            var people = m.ReadInteger(ActorKeys.Populations.People);
            var represents = m.Read(ActorKeys.Populations.Represents);
            var use = m.Read(ActorKeys.Populations.InitialUse);
            var oud = m.Read(ActorKeys.Populations.InitialOud);
            var moud = m.Read(ActorKeys.Populations.InitialMoud);
            var remission = m.Read(ActorKeys.Populations.InitialRemission);
            if (use + oud + moud + remission > 1 + 1e-9)
                throw r.Error(m.Node, $"{path}: initial-use + initial-oud + initial-moud + initial-remission add up to more than 1");
            var stim = m.Read(ActorKeys.Populations.StimulantCoUse);
            var moudCap = m.Read(ActorKeys.Populations.MoudCapacityShare);
            var naloxone = m.Read(ActorKeys.Populations.NaloxoneCoverage);
            var xylazine = m.Read(ActorKeys.Populations.XylazineShare);
            var suppliedBy = m.TextOr("supplied-by") ?? "labs";
            if (suppliedBy is not ("labs" or "outside"))
                throw r.Error(m.Get("supplied-by")!, $"{path}.supplied-by is '{suppliedBy}'; allowed: labs, outside");
            var outside = m.Read(ActorKeys.Populations.OutsideSupply);
            if (suppliedBy == "outside" && outside <= 0)
                throw r.Error(m.Node, $"{path}: supplied-by: outside needs outside-supply-kg-per-month above 0 (the labs do not sell in a closed market)");
            var spec = new PopulationSpec(region, people, represents, use, oud, moud, remission, stim, moudCap, naloxone, xylazine)
            {
                SuppliedByLabs = suppliedBy == "labs",
                OutsideSupplyKgPerMonth = outside,
                OverdoseHazardScale = m.Read(ActorKeys.Populations.OverdoseHazardScale),
                RegistrationRate = m.Read(ActorKeys.Populations.RegistrationRate),
                InitialRegisteredShare = m.Read(ActorKeys.Populations.InitialRegisteredShare),
                RegisterCleanMonths = m.ReadInteger(ActorKeys.Populations.RegisterCleanMonths),
                RegisteredCessationRate = m.Read(ActorKeys.Populations.RegisteredCessationRate),
                NpsShare = m.Read(ActorKeys.Populations.NpsShare),
                NpsSubstitution = m.Read(ActorKeys.Populations.NpsSubstitution),
                InitiationRate = m.ReadOr(ActorKeys.Populations.InitiationRate),
                CessationRate = m.ReadOr(ActorKeys.Populations.CessationRate),
                ProgressionRate = m.ReadOr(ActorKeys.Populations.ProgressionRate),
            };
            m.Done();
            return spec;
        }
    }
}
