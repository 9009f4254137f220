using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.World;

namespace SupplySim.Model.Metrics;

/// <summary>One output series: a contract metric name and its dimension ("key=value[;key=value]", or empty).</summary>
public readonly record struct MetricKey(string Metric, string Dimension);

/// <summary>
/// Turns a tick's folded raw sums into the series of the metrics of <see cref="MetricCatalog"/>, in a fixed order.
/// Holds the run-level state of the derived indices (the pre-intervention reference mixes), so it lives
/// with the run, and computes every index the same way in every scenario.
/// </summary>
public sealed class MetricsComputer
{
    [FixedByLayout] private readonly Layout _layout;
    [FixedByLayout] private readonly List<Func<ShardReport, double>> _compute = new();
    [FixedByLayout] private Engine.TickSignals? _signals; // set by every Compute before it is read
    [FixedByLayout] private readonly int _referenceEnd;
    private readonly double[] _refSubstance, _refOrigin, _refLab;
    private int _referenceTicks;

    [field: FixedByLayout] public IReadOnlyList<MetricKey> Catalog { get; }

    /// <summary>Ticks before this one form the reference ("pre-intervention") window of the indices.</summary>
    public int ReferenceEndTick => _referenceEnd;

    public MetricsComputer(Layout layout)
    {
        _layout = layout;
        var spec = layout.Spec;
        var first = spec.Interventions.Where(i => !OnlyClosedMarkets(spec, i)).Select(i => i.Tick).DefaultIfEmpty(int.MaxValue).Min();
        _referenceEnd = first == int.MaxValue ? Math.Min(12, spec.Ticks) : Math.Max(1, first);
        _refSubstance = new double[layout.SubstanceCount];
        _refOrigin = new double[layout.JurisdictionCount];
        _refLab = new double[layout.JurisdictionCount];

        var keys = new List<MetricKey>();
        void Add(MetricDescriptor metric, string dimension, Func<ShardReport, double> f) { keys.Add(new MetricKey(metric.Name, dimension)); _compute.Add(f); }
        string J(int j) => spec.Jurisdictions[j].Id;

        var regions = Enumerable.Range(0, layout.JurisdictionCount).Where(j => layout.PeopleByJurisdiction[j] > 0).ToArray();
        var labJurisdictions = spec.Labs.Select(l => l.Jurisdiction).Distinct().Order().ToArray();
        var origins = spec.Brokers.Select(b => b.Jurisdiction).Distinct().Order().ToArray();
        // Stimulant precursors (P2P) and stimulant outputs have series of their own (below), never the opioid chain's.
        var precursors = spec.Routes.Select(r => r.Input).Distinct().Where(s => !layout.StimulantPrecursor[s]).Order().ToArray();
        var methods = spec.Launderers.Select(l => l.Method).Distinct().Order().ToArray();

        // The fentanyl-market series exist for the labs' markets only; a closed market (supplied-by: outside) sells
        // drugs from outside the chain, in other units, so its supply and price have series of their own.
        var labRegions = regions.Where(j => layout.LabMarkets.Any(m => m.Jurisdiction == j)).ToArray();
        var closedRegions = regions.Except(labRegions).ToArray();
        foreach (var j in regions) Add(MetricCatalog.OverdoseDeaths, $"region={J(j)}", v => v.Deaths[j]);
        foreach (var j in labRegions) Add(MetricCatalog.OverdoseDeathsFentanylStimulant, $"region={J(j)}", v => v.DeathsWithStimulant[j]);
        foreach (var j in labRegions) Add(MetricCatalog.SupplyReachingUsersKg, $"region={J(j)}", v => v.SuppliedMg[j] / 1e6);
        foreach (var j in labRegions) Add(MetricCatalog.RetailPricePerMg, $"region={J(j)}", v => Ratio(v.RevenueUsd[j], v.SuppliedMg[j]));
        foreach (var j in labRegions) Add(MetricCatalog.RetailPotency, $"region={J(j)}", v => Ratio(v.PotencyMgTimesDoses[j], v.DosesServed[j]));
        foreach (var j in labRegions) Add(MetricCatalog.RetailPotencyCv, $"region={J(j)}", v => PotencyCv(v.PotencySqMgTimesDoses[j], v.PotencyMgTimesDoses[j], v.DosesServed[j]));
        foreach (var j in regions) Add(MetricCatalog.DemandServedShare, $"region={J(j)}", v => Ratio(v.DosesServed[j], v.DosesDemanded[j]));
        foreach (var j in labRegions) Add(MetricCatalog.OverdoseDeathsXylazine, $"region={J(j)}", v => v.DeathsWithXylazine[j]);
        foreach (var j in labRegions) Add(MetricCatalog.AdulterantShare, $"substance=xylazine;region={J(j)}", v => Ratio(v.XylazineDoses[j], v.DosesServed[j]));
        foreach (var j in labRegions) Add(MetricCatalog.CounterfeitPillShare, $"region={J(j)}", v => Ratio(v.PillMg[j], v.SuppliedMg[j]));
        foreach (var j in labRegions) Add(MetricCatalog.OverdoseDeathsNitazene, $"region={J(j)}", v => v.DeathsWithNitazene[j]);
        foreach (var j in labRegions) Add(MetricCatalog.NitazeneShare, $"region={J(j)}", v => Ratio(v.NitazeneDoses[j], v.DosesServed[j]));
        // Deaths by substance combination (docs/model.md#metrics): the opioid (nitazene only where the catalogue has one), stimulant co-use,
        // and xylazine (only where the catalogue has an adulterant); the combinations add up to overdose_deaths.
        var hasNitazene = spec.Substances.Any(x => x.Classes.Contains(Rules.OverdoseHazard.NitazeneClass));
        var hasXylazine = spec.Substances.Any(x => x.Role == SubstanceRole.Adulterant);
        foreach (var j in labRegions)
            for (var stim = 0; stim < 2; stim++)
                for (var k = 0; k < 4; k++)
                {
                    bool nitazene = k >= 2, xylazine = (k & 1) == 1, stimulant = stim == 1;
                    if ((nitazene && !hasNitazene) || (xylazine && !hasXylazine)) continue;
                    var combination = (nitazene ? "nitazene" : "fentanyl") + (stimulant ? "+stimulant" : "") + (xylazine ? "+xylazine" : "");
                    var slot = ShardReport.Combination(stimulant, k);
                    Add(MetricCatalog.OverdoseDeathsByCombination, $"combination={combination};region={J(j)}", v => v.DeathsByCombination[j, slot]);
                }
        // The stimulant trade (methamphetamine, L2176-L2180): only where the catalogue has a stimulant (co-use) and some lab group makes it (the market).
        if (Rules.Stimulants.InCatalogue(spec))
            foreach (var j in labRegions)
                Add(MetricCatalog.StimulantCoUseShare, $"region={J(j)}", v => Ratio(v.StimulantCoUsers[j],
                    v.People[j, PersonState.Use] + v.People[j, PersonState.Oud] + v.People[j, PersonState.Moud]));
        if (Rules.Stimulants.Traded(spec))
        {
            foreach (var j in labRegions) Add(MetricCatalog.StimulantSupplyKg, $"region={J(j)}", v => v.StimulantSuppliedMg[j] / 1e6);
            foreach (var j in labRegions) Add(MetricCatalog.StimulantServedShare, $"region={J(j)}", v => Ratio(v.StimulantDosesServed[j], v.StimulantDosesDemanded[j]));
            foreach (var j in labRegions) Add(MetricCatalog.StimulantPricePerMg, $"region={J(j)}", v => Ratio(v.StimulantRevenueUsd[j], v.StimulantSuppliedMg[j]));
            foreach (var j in spec.Labs.Where(g => Rules.Stimulants.MakesStimulant(spec, g)).Select(g => g.Jurisdiction).Distinct().Order())
                Add(MetricCatalog.StimulantProductionKg, $"lab={J(j)}", v => v.StimulantProductionKg[j]);
            foreach (var s in spec.Routes.Select(x => x.Input).Distinct().Where(s => layout.StimulantPrecursor[s]).Order())
                Add(MetricCatalog.StimulantPrecursorKg, $"substance={spec.Substances[s].Id}", v => v.StimulantPrecursorKg[s]);
            foreach (var st in new[] { Stage.Supplier, Stage.Broker, Stage.Route, Stage.Lab })
                Add(MetricCatalog.StimulantSeizedKg, $"stage={EnumNames.Name(st)};material=precursor", v => v.StimulantPrecursorSeizedKg[st]);
            foreach (var st in new[] { Stage.Route, Stage.Retail })
                Add(MetricCatalog.StimulantSeizedKg, $"stage={EnumNames.Name(st)};material=drug", v => v.StimulantSeizedKg[st]);
        }
        foreach (var j in closedRegions) Add(MetricCatalog.OutsideSupplyKg, $"region={J(j)}", v => v.SuppliedMg[j] / 1e6);
        foreach (var j in closedRegions) Add(MetricCatalog.OutsidePricePerMg, $"region={J(j)}", v => Ratio(v.RevenueUsd[j], v.SuppliedMg[j]));
        foreach (var j in labJurisdictions) Add(MetricCatalog.ProductionKg, $"lab={J(j)}", v => v.ProductionKg[j]);
        foreach (var s in spec.Routes.Select(x => x.Output).Distinct().Where(s => !Rules.Stimulants.IsStimulant(spec, s)).Order()) Add(MetricCatalog.ProductionByProductKg, $"product={spec.Substances[s].Id}", v => v.ProductionByProduct[s]);
        foreach (var j in labJurisdictions) Add(MetricCatalog.RelocatedCapacityKg, $"to={J(j)}", v => v.RelocatedCapacityKg[j]);
        foreach (var j in labJurisdictions) Add(MetricCatalog.BribesUsd, $"jurisdiction={J(j)}", v => v.BribesUsd[j]);
        foreach (var s in precursors) Add(MetricCatalog.PrecursorKg, $"substance={spec.Substances[s].Id}", v => v.PrecursorBySubstance[s]);
        foreach (var j in origins) Add(MetricCatalog.PrecursorKg, $"origin={J(j)}", v => v.PrecursorByOrigin[j]);
        Add(MetricCatalog.UnscheduledPrecursorShare, "", v => Ratio(v.PrecursorUnscheduledKg, v.PrecursorDeliveredKg));
        foreach (var s in precursors) Add(MetricCatalog.UnscheduledPrecursorKg, $"substance={spec.Substances[s].Id}", v => v.PrecursorUnscheduledBySubstance[s]);
        foreach (var j in origins) Add(MetricCatalog.UnscheduledPrecursorKg, $"origin={J(j)}", v => v.PrecursorUnscheduledByOrigin[j]);
        Add(MetricCatalog.SubstitutionIndex, "", v => Distance(v.PrecursorBySubstance, _refSubstance));
        Add(MetricCatalog.DisplacementIndex, "origin", v => Distance(v.PrecursorByOrigin, _refOrigin));
        Add(MetricCatalog.DisplacementIndex, "lab", v => Distance(v.ProductionKg, _refLab));
        Add(MetricCatalog.DisplacementRatio, "origin", v => GainedOverLost(v.PrecursorByOrigin, _refOrigin));
        Add(MetricCatalog.DisplacementRatio, "lab", v => GainedOverLost(v.ProductionKg, _refLab));
        foreach (var m in methods) Add(MetricCatalog.LaunderedUsd, $"method={EnumNames.Name(m)}", v => v.LaunderedUsd[(int)m]);
        foreach (var m in methods) Add(MetricCatalog.SeizedUsd, $"method={EnumNames.Name(m)}", v => v.SeizedUsd[(int)m]);
        // Innovation after losses: each method's risk multiplier weighted by the USD its groups handled (their plain mean in a month
        // they handled nothing); only where some group innovates, so other scenarios' outputs keep their series.
        if (spec.Launderers.Any(l => l.InnovationRate > 0))
            foreach (var m in methods)
            {
                var groups = Enumerable.Range(0, spec.Launderers.Length).Where(g => spec.Launderers[g].Method == m).ToArray();
                Add(MetricCatalog.LaunderingRisk, $"method={EnumNames.Name(m)}", v =>
                {
                    var handled = groups.Sum(g => v.LaunderedByGroup[g]);
                    return handled > 0
                        ? groups.Sum(g => v.LaunderedByGroup[g] * _signals!.LaunderingRisk(g)) / handled
                        : groups.Average(g => _signals!.LaunderingRisk(g));
                });
            }
        // Capacity and latent methods: only where some group uses them, so other scenarios' outputs keep their series.
        foreach (var m in methods)
        {
            var limited = Enumerable.Range(0, spec.Launderers.Length).Where(g => spec.Launderers[g].Method == m && spec.Launderers[g].HasCapacity).ToArray();
            if (limited.Length == 0) continue;
            var capacity = limited.Sum(g => spec.Launderers[g].CapacityUsdPerMonth);
            Add(MetricCatalog.LaunderingUtilisation, $"method={EnumNames.Name(m)}", v => limited.Sum(g => v.LaunderedByGroup[g]) / capacity);
        }
        if (spec.Launderers.Any(l => l.IsLatent))
            Add(MetricCatalog.LaunderingGroupsOpen, "", _ => Enumerable.Range(0, spec.Launderers.Length).Count(g => _signals!.LaunderingOpen(g)));
        // Chemicals are counted in kg as seized; finished drug in fentanyl-equivalent kg.
        foreach (var st in new[] { Stage.Supplier, Stage.Broker, Stage.Route, Stage.Lab })
            Add(MetricCatalog.SeizedKg, $"stage={EnumNames.Name(st)};material=precursor", v => v.SeizedKg[st]);
        foreach (var st in new[] { Stage.Route, Stage.Retail })
            Add(MetricCatalog.SeizedKg, $"stage={EnumNames.Name(st)};material=drug", v => v.SeizedDrugKg[st]);
        for (var a = 0; a < spec.Agencies.Length; a++) { var aa = a; Add(MetricCatalog.EnforcementSpendUsd, $"agency={spec.Agencies[a].Id}", v => v.SpendUsd[aa]); }
        // Only adaptive agencies have an allocation worth a series; stages outside the mandate stay at 0 and are left out.
        for (var a = 0; a < spec.Agencies.Length; a++)
            foreach (var st in Enum.GetValues<Stage>().Where(st => spec.Agencies[a].AdaptiveAllocation > 0 && spec.Agencies[a].Allocation[(int)st] > 0))
            {
                var aa = a;
                Add(MetricCatalog.EnforcementAllocation, $"agency={spec.Agencies[a].Id};stage={EnumNames.Name(st)}", v => v.AllocationShare[aa, st]);
            }
        // Only agencies that keep an intelligence queue have lead series.
        for (var a = 0; a < spec.Agencies.Length; a++)
        {
            if (spec.Agencies[a].IntelligenceQueue is null) continue;
            var aa = a;
            for (var k = 0; k < Rules.IntelligenceQueue.StateNames.Length; k++)
            {
                var slot = k;
                Add(MetricCatalog.IntelligenceLeads, $"agency={spec.Agencies[a].Id};state={Rules.IntelligenceQueue.StateNames[k]}", v => v.IntelligenceLeads[aa, slot]);
            }
            Add(MetricCatalog.IntelligenceQueueLeads, $"agency={spec.Agencies[a].Id}", v => v.IntelligenceLeads[aa, Rules.IntelligenceQueue.Waiting]);
        }
        foreach (var t in spec.Trust)
            Add(MetricCatalog.Trust, $"pair={spec.Countries[t.CountryA]}-{spec.Countries[t.CountryB]}", _ => _signals!.Trust(t.CountryA, t.CountryB));
        foreach (var j in spec.Suppliers.Where(g => g.Cohort != "informal").Select(g => g.Jurisdiction).Distinct().Order())
            Add(MetricCatalog.KycAdoptionShare, $"jurisdiction={J(j)}", v => Ratio(v.KycAdopters[j], v.FormalSuppliers[j]));
        // Only where firms decide KYC by its economics (a group states a kyc-cost-usd-per-month).
        foreach (var j in spec.Suppliers.Where(g => g.DecidesKyc).Select(g => g.Jurisdiction).Distinct().Order())
        {
            Add(MetricCatalog.KycComplianceCostUsd, $"jurisdiction={J(j)}", v => v.KycCostUsd[j]);
            Add(MetricCatalog.KycIncentiveUsd, $"jurisdiction={J(j)}", v => v.KycIncentiveUsd[j]);
        }
        string[] sellers = ["adopter", "non-adopter", "informal"];
        for (var k = 0; k < ShardReport.SellerTypes; k++) { var kk = k; Add(MetricCatalog.DivertedPrecursorKg, $"seller={sellers[k]}", v => v.DivertedBySeller[kk]); }
        if (methods.Length > 0)
            Add(MetricCatalog.LaunderedBankShare, "", v => Ratio(methods.Where(Rules.Laundering.TouchesBanks).Sum(m => v.LaunderedUsd[(int)m]), methods.Sum(m => v.LaunderedUsd[(int)m])));
        string[] channels = ["open-web", "social", "encrypted"];
        for (var k = 0; k < ShardReport.Channels; k++) { var kk = k; Add(MetricCatalog.BrokerListings, $"channel={channels[k]}", v => v.BrokersByChannel[kk]); }
        Add(MetricCatalog.BrokerListings, "channel=offline", v => v.BrokersOffline);
        // China's register (populations that keep one, L807, L1504, L1672) and NPS use (L1540).
        var registries = spec.Populations.Where(p => p.TracksRegistry).Select(p => p.Region).Distinct().Order().ToArray();
        foreach (var j in registries) Add(MetricCatalog.RegisteredUsers, $"region={J(j)}", v => v.RegisteredUsers[j]);
        foreach (var j in registries) Add(MetricCatalog.HiddenUsers, $"region={J(j)}", v => v.HiddenUsers[j]);
        foreach (var j in registries) Add(MetricCatalog.NewlyRegisteredUsers, $"region={J(j)}", v => v.NewlyRegistered[j]);
        foreach (var j in registries)
            Add(MetricCatalog.NpsShare, $"region={J(j)}", v => Ratio(v.NpsUsers[j],
                v.People[j, PersonState.Use] + v.People[j, PersonState.Oud] + v.People[j, PersonState.Moud]));
        foreach (var j in spec.Populations.Where(p => !p.SuppliedByLabs).Select(p => p.Region).Distinct().Order())
            Add(MetricCatalog.OutsideSeizedKg, $"region={J(j)}", v => v.OutsideSeizedKg[j]);
        foreach (var j in regions)
            for (var s = 0; s < EnumNames.LivingStateCount; s++)
            {
                var state = (PersonState)s;
                Add(MetricCatalog.People, $"state={EnumNames.Name(state)};region={J(j)}", v => v.People[j, state]);
            }
        // MOUD coverage, the share of people with OUD who are in treatment (docs/calibration.md: about 25%, L1808), for the labs' markets.
        foreach (var j in labRegions)
            Add(MetricCatalog.MoudCoverage, $"region={J(j)}", v => Ratio(v.People[j, PersonState.Moud], v.People[j, PersonState.Moud] + v.People[j, PersonState.Oud]));
        Catalog = keys;
    }

    private static readonly Lever[] UserLevers = [Lever.InitiationMultiplier, Lever.TreatmentCapacity, Lever.TreatmentAccess, Lever.NaloxoneCoverage, Lever.DrugChecking, Lever.NpsControl, Lever.OutsideSupply];

    /// <summary>
    /// True for an item that acts only on the people of closed markets (<c>supplied-by: outside</c>), which the
    /// chain never reaches: a user-side lever there, or the budget of an agency that spends only on retail there.
    /// Such items do not end the indices' reference window, so adding a closed market leaves the chain's indices as they were.
    /// </summary>
    internal static bool OnlyClosedMarkets(WorldSpec spec, Intervention item)
    {
        bool Closed(int j) => spec.Populations.Any(p => p.Region == j) && spec.Populations.Where(p => p.Region == j).All(p => !p.SuppliedByLabs);
        return item switch
        {
            SetLever l => UserLevers.Contains(l.Lever) && l.Jurisdictions.Length > 0 && l.Jurisdictions.All(Closed),
            EnforcementBudget b => spec.Agencies[b.Agency] is var a
                && a.Jurisdictions.All(Closed)
                && a.SpendsOnlyOn(Stage.Retail)
                && (b.Allocation is null || AgencySpec.SpendsOnlyOn(b.Allocation, Stage.Retail)),
            _ => false,
        };
    }

    public void Save(BinaryWriter w)
    {
        w.WriteArray(_refSubstance);
        w.WriteArray(_refOrigin);
        w.WriteArray(_refLab);
        w.Write(_referenceTicks);
    }

    public void Load(BinaryReader r)
    {
        r.ReadArrayInto(_refSubstance);
        r.ReadArrayInto(_refOrigin);
        r.ReadArrayInto(_refLab);
        _referenceTicks = r.ReadInt32();
    }

    /// <summary>Metric values of one tick, in catalogue order. Call once per tick, in tick order.</summary>
    public double[] Compute(int tick, ShardReport folded, Engine.TickSignals signals)
    {
        _signals = signals;
        if (tick < _referenceEnd)
        {
            _referenceTicks = tick + 1;
            Accumulate(_refSubstance, folded.PrecursorBySubstance);
            Accumulate(_refOrigin, folded.PrecursorByOrigin);
            Accumulate(_refLab, folded.ProductionKg);
        }
        var values = new double[_compute.Count];
        for (var i = 0; i < values.Length; i++) values[i] = _compute[i](folded);
        return values;
    }

    private static void Accumulate(double[] into, Slots1 v)
    {
        for (var i = 0; i < into.Length; i++) into[i] += v[i];
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;

    /// <summary>Coefficient of variation of a dose's fentanyl-equivalent over all doses served: √(E[X²] / E[X]² − 1), from Σd·E[X²], Σd·μ
    /// and Σd (the spread within each shard's stock, <see cref="Rules.PotencySpread"/>, and between the region's shards alike); NaN without doses.</summary>
    private static double PotencyCv(double sumSq, double sum, double doses)
        => doses > 0 && sum > 0 ? Rules.PotencySpread.Cv(sumSq * doses / (sum * sum)) : double.NaN;

    /// <summary>
    /// Total-variation distance between the current shares and the reference shares (0 = same mix,
    /// 1 = disjoint). NaN when either has no flow. The definition of both indices (docs/model.md#metrics).
    /// </summary>
    public static double TotalVariation(ReadOnlySpan<double> current, ReadOnlySpan<double> reference)
    {
        double c = 0, r = 0;
        foreach (var x in current) c += x;
        foreach (var x in reference) r += x;
        if (c <= 0 || r <= 0) return double.NaN;
        var d = 0.0;
        for (var i = 0; i < current.Length; i++) d += Math.Abs(current[i] / c - reference[i] / r);
        return d / 2;
    }

    /// <summary>
    /// Displacement ratio (docs/model.md#metrics): the flow gained by origins (or lab locations) above their monthly mean
    /// of the reference window, over the flow lost by those below it. 1 means every kg lost where a lever acted
    /// reappeared elsewhere; 0 that none did; above 1 that the trade grew elsewhere by more than it lost. NaN
    /// when nothing was lost. <paramref name="reference"/> is the reference window's sum over <paramref name="referenceTicks"/> ticks.
    /// </summary>
    public static double DisplacementRatio(ReadOnlySpan<double> current, ReadOnlySpan<double> reference, double referenceTicks = 1)
    {
        double gained = 0, lost = 0;
        for (var i = 0; i < current.Length; i++)
        {
            var d = current[i] - reference[i] / referenceTicks;
            if (d > 0) gained += d; else lost -= d;
        }
        return lost > 0 ? gained / lost : double.NaN;
    }

    private double GainedOverLost(Slots1 v, double[] reference)
    {
        if (_referenceTicks == 0) return double.NaN;
        return DisplacementRatio(v.AsSpan(), reference, _referenceTicks);
    }

    private double Distance(Slots1 v, double[] reference)
        => TotalVariation(v.AsSpan(), reference);
}
