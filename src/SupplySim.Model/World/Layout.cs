namespace SupplySim.Model.World;

/// <summary>One shard: a contiguous range of agents of one kind and one group (so one jurisdiction).</summary>
public sealed record ShardInfo(int Index, ActorKind Kind, int Group, int Jurisdiction, int FirstAgent, int Count, int FirstInGroup);

/// <summary>
/// The static partition of a world's agents into shards, and the directories agents use to address
/// each other (global agent ids are contiguous per shard). A pure function of the spec, so every
/// shard and the run compute the same layout independently.
/// </summary>
public sealed class Layout
{
    public WorldSpec Spec { get; }
    public ShardInfo[] Shards { get; }
    private readonly int[] _firstAgents;

    public int TotalAgents { get; }
    public int JurisdictionCount => Spec.Jurisdictions.Length;
    public int SubstanceCount => Spec.Substances.Length;

    /// <summary>Global ids of the suppliers in each jurisdiction, ascending.</summary>
    public int[][] SuppliersByJurisdiction { get; }
    /// <summary>Global ids of all brokers, ascending.</summary>
    public int[] Brokers { get; }
    /// <summary>Global ids of all launderers, ascending.</summary>
    public int[] Launderers { get; }
    /// <summary>User-population shards, ascending by index.</summary>
    public ShardInfo[] MarketShards { get; }
    /// <summary>The user-population shards the model's labs sell to (all but closed markets), ascending by index.</summary>
    public ShardInfo[] LabMarkets { get; }
    /// <summary>People per jurisdiction (0 where no population lives).</summary>
    public long[] PeopleByJurisdiction { get; }
    /// <summary>Enforcement targets per (jurisdiction, stage): the agents an agency's spend is spread over.</summary>
    public double[] Targets { get; }
    /// <summary>Fentanyl-equivalent kg one kg of each substance makes by its best route (yield × the output's potency; 0 for
    /// what no route takes): the common measure of what a seizure kept from the market (adaptive allocation).</summary>
    public double[] FentanylEquivalentPerKg { get; }
    /// <summary>Per substance: a precursor that only stimulant routes take (P2P for methamphetamine). Its kg are booked in the
    /// stimulant series, never in the opioid precursor series (<see cref="Rules.Stimulants"/>).</summary>
    public bool[] StimulantPrecursor { get; }

    public Layout(WorldSpec spec, int maxFirmsPerShard = 5_000, int maxPeoplePerShard = 250_000)
    {
        Spec = spec;
        var shards = new List<ShardInfo>();
        var next = 0;
        void AddGroup(ActorKind kind, int group, int jurisdiction, int count, int perShard)
        {
            for (var first = 0; first < count; first += perShard)
            {
                var n = Math.Min(perShard, count - first);
                shards.Add(new ShardInfo(shards.Count, kind, group, jurisdiction, next, n, first));
                next += n;
            }
        }
        for (var g = 0; g < spec.Suppliers.Length; g++) AddGroup(ActorKind.PrecursorSupplier, g, spec.Suppliers[g].Jurisdiction, spec.Suppliers[g].Count, maxFirmsPerShard);
        for (var g = 0; g < spec.Brokers.Length; g++) AddGroup(ActorKind.Broker, g, spec.Brokers[g].Jurisdiction, spec.Brokers[g].Count, maxFirmsPerShard);
        for (var g = 0; g < spec.Labs.Length; g++) AddGroup(ActorKind.CartelLab, g, spec.Labs[g].Jurisdiction, spec.Labs[g].Count, maxFirmsPerShard);
        for (var g = 0; g < spec.Launderers.Length; g++) AddGroup(ActorKind.MoneyLaunderer, g, spec.Launderers[g].Jurisdiction, spec.Launderers[g].Count, maxFirmsPerShard);
        if (spec.Agencies.Length > 0) AddGroup(ActorKind.EnforcementAgency, 0, -1, spec.Agencies.Length, maxFirmsPerShard);
        for (var g = 0; g < spec.Populations.Length; g++) AddGroup(ActorKind.UserPopulation, g, spec.Populations[g].Region, spec.Populations[g].People, maxPeoplePerShard);

        Shards = shards.ToArray();
        _firstAgents = Shards.Select(s => s.FirstAgent).ToArray();
        TotalAgents = next;

        var j = spec.Jurisdictions.Length;
        SuppliersByJurisdiction = Enumerable.Range(0, j)
            .Select(jj => AgentsOf(ActorKind.PrecursorSupplier, s => s.Jurisdiction == jj)).ToArray();
        Brokers = AgentsOf(ActorKind.Broker, _ => true);
        Launderers = AgentsOf(ActorKind.MoneyLaunderer, _ => true);
        MarketShards = Shards.Where(s => s.Kind == ActorKind.UserPopulation).ToArray();
        LabMarkets = MarketShards.Where(s => spec.Populations[s.Group].SuppliedByLabs).ToArray();
        PeopleByJurisdiction = new long[j];
        foreach (var s in MarketShards) PeopleByJurisdiction[s.Jurisdiction] += s.Count;

        Targets = new double[j * EnumNames.StageCount];
        foreach (var s in Shards)
        {
            if (s.Jurisdiction < 0) continue;
            switch (s.Kind)
            {
                case ActorKind.PrecursorSupplier: Targets[TargetIndex(s.Jurisdiction, Stage.Supplier)] += s.Count; break;
                case ActorKind.Broker:
                    Targets[TargetIndex(s.Jurisdiction, Stage.Broker)] += s.Count;
                    Targets[TargetIndex(s.Jurisdiction, Stage.Route)] += s.Count;
                    break;
                case ActorKind.CartelLab:
                    Targets[TargetIndex(s.Jurisdiction, Stage.Lab)] += s.Count;
                    Targets[TargetIndex(s.Jurisdiction, Stage.Route)] += s.Count;
                    break;
                case ActorKind.MoneyLaunderer: Targets[TargetIndex(s.Jurisdiction, Stage.Money)] += s.Count; break;
                case ActorKind.UserPopulation:
                    // Retail dealers are not agents: DealersPerResident of the real residents stand for them [A].
                    Targets[TargetIndex(s.Jurisdiction, Stage.Retail)] += Math.Max(1, s.Count * spec.Populations[s.Group].Represents * spec.Parameters.DealersPerResident);
                    break;
            }
        }
        // Every lab's shipments cross the border of each market it serves.
        var labs = Shards.Where(s => s.Kind == ActorKind.CartelLab).Sum(s => s.Count);
        foreach (var jj in LabMarkets.Select(s => s.Jurisdiction).Distinct())
            Targets[TargetIndex(jj, Stage.Route)] += labs;
        FentanylEquivalentPerKg = new double[spec.Substances.Length];
        // A stimulant is never fentanyl-equivalent: its precursors keep 0 unless an opioid route also takes them.
        foreach (var route in spec.Routes.Where(r => spec.Substances[r.Output].Role != SubstanceRole.Stimulant))
            FentanylEquivalentPerKg[route.Input] = Math.Max(FentanylEquivalentPerKg[route.Input], route.Yield * spec.Substances[route.Output].Potency);
        StimulantPrecursor = new bool[spec.Substances.Length];
        foreach (var route in spec.Routes) StimulantPrecursor[route.Input] |= spec.Substances[route.Output].Role == SubstanceRole.Stimulant;
        foreach (var route in spec.Routes) StimulantPrecursor[route.Input] &= spec.Substances[route.Output].Role == SubstanceRole.Stimulant;
        Reports = new Metrics.ReportLayout(this);
        Signals = new Engine.SignalLayout(this);
    }

    /// <summary>The layout of every shard's report and of their fold, derived once from this layout.</summary>
    public Metrics.ReportLayout Reports { get; }

    /// <summary>The layout of the tick's blackboard, derived once from this layout.</summary>
    public Engine.SignalLayout Signals { get; }

    private int[] AgentsOf(ActorKind kind, Func<ShardInfo, bool> filter)
        => Shards.Where(s => s.Kind == kind && filter(s)).SelectMany(s => Enumerable.Range(s.FirstAgent, s.Count)).ToArray();

    public static int TargetIndex(int jurisdiction, Stage stage) => jurisdiction * EnumNames.StageCount + (int)stage;

    /// <summary>The shard that owns a global agent id.</summary>
    public ShardInfo ShardOf(int agentId)
    {
        var i = Array.BinarySearch(_firstAgents, agentId);
        if (i < 0) i = ~i - 1;
        return Shards[i];
    }
}
