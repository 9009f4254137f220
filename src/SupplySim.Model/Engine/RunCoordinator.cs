using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Metrics;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Engine;

/// <summary>
/// The run's own logic, shared by the Orleans run grain and the in-process engine: applies the
/// interventions due at a tick, publishes the tick's signals from the previous tick's folded reports,
/// and turns the folded reports into metrics (docs/architecture.md#the-tick).
/// </summary>
public sealed class RunCoordinator
{
    private readonly TickSignals _signals;
    private readonly LeverBoard _levers;
    private ShardReport? _last;
    private int _nextTick;
    // Reactive listing (early warning): per jurisdiction the share that signals harm and the listing lag (-1: off),
    // and per (jurisdiction, substance) the tick its signal started (-1: none yet).
    private readonly double[] _signalShare;
    private readonly int[] _listingLag;
    private readonly int[] _signalSince;
    [FixedByLayout] private readonly int[] _watched; // precursor-role substances
    private double _seizedUsdToDate; // USD seized from all launderers since the run's start (latent launderer groups)
    [FixedByLayout] private readonly bool _hasQueues; // some agency keeps an intelligence queue

    [field: FixedByLayout] public Layout Layout { get; }
    /// <summary>The layout of every shard's report and of their fold.</summary>
    public ReportLayout Reports => Layout.Reports;
    public MetricsComputer Metrics { get; }
    public WorldSpec Spec => Layout.Spec;

    public RunCoordinator(Layout layout)
    {
        Layout = layout;
        Metrics = new MetricsComputer(layout);
        _signals = InitialSignals.Build(layout);
        _levers = new LeverBoard(layout.Spec);
        _signalShare = new double[Reports.J];
        _listingLag = Enumerable.Repeat(-1, Reports.J).ToArray();
        _signalSince = Enumerable.Repeat(-1, Reports.J * Reports.S).ToArray();
        _hasQueues = layout.Spec.Agencies.Any(a => a.IntelligenceQueue is not null);
        _watched = Enumerable.Range(0, Reports.S)
            .Where(s => Spec.Substances[s].Role is SubstanceRole.Precursor or SubstanceRole.DesignerPrecursor or SubstanceRole.PrePrecursor).ToArray();
        _nextTick = FirstTick;
    }

    /// <summary>The first tick of a fresh run: negative when the scenario spins up before its start (<see cref="WorldSpec.SpinUpMonths"/>).</summary>
    public int FirstTick => Spec.FirstTick;

    /// <summary>The next tick this coordinator expects (the tick after the last one ended).</summary>
    public int NextTick => _nextTick;

    /// <summary>Writes the run's state between two ticks: signals, levers and trust, the last folded reports, the metrics' reference mixes.</summary>
    public void Save(BinaryWriter w)
    {
        w.Write(_nextTick);
        w.WriteArray(_signals.Values);
        w.WriteNullableArray(_last?.Values);
        _levers.Save(w);
        Metrics.Save(w);
        w.WriteArray(_signalShare);
        w.WriteArray(_listingLag);
        w.WriteArray(_signalSince);
        w.Write(_seizedUsdToDate);
    }

    /// <summary>Reads what <see cref="Save"/> wrote into a coordinator built for the same scenario.</summary>
    public void Load(BinaryReader r)
    {
        _nextTick = r.ReadInt32();
        r.ReadArrayInto(_signals.Values);
        _last = r.ReadNullableArray<double>() is { } last ? new ShardReport(Reports, last) : null;
        _levers.Load(r);
        Metrics.Load(r);
        r.ReadArrayInto(_signalShare);
        r.ReadArrayInto(_listingLag);
        r.ReadArrayInto(_signalSince);
        _seizedUsdToDate = r.ReadDouble();
    }

    /// <summary>What the people of each market shard saw of their market in the last tick (<see cref="Agents.HeldMarket"/>'s row of it).</summary>
    public double[] MarketSeen()
    {
        if (_last is not { } v) return [];
        var seen = v.MarketSeen;
        var flat = new double[seen.Rows * seen.Columns];
        for (var r = 0; r < seen.Rows; r++) seen.Row(r).CopyTo(flat.AsSpan(r * seen.Columns));
        return flat;
    }

    /// <summary>Trust between two countries as the current tick sees it.</summary>
    public double Trust(int a, int b) => _signals.Trust(a, b);

    /// <summary>The interventions applied at <paramref name="tick"/>, in scenario order.</summary>
    public IEnumerable<Intervention> DueAt(int tick) => Spec.Interventions.Where(i => i.Tick == tick);

    /// <summary>Signals of tick t (a fresh copy; shards may keep it). Ticks must come in order from <see cref="FirstTick"/>.</summary>
    public TickSignals BeginTick(int tick)
    {
        if (tick != _nextTick) throw new InvalidOperationException($"tick {tick} requested, expected {_nextTick}");
        if (tick > 0) _levers.Advance(Spec.Parameters);
        foreach (var item in DueAt(tick)) Apply(item);
        ListReactively(tick);
        _levers.Publish(_signals);
        if (_last is { } v)
        {
            var p = Spec.Parameters;
            var usdPerMg = SeizureValue.MeanRetailPricePerMg(Layout, v);
            for (var j = 0; j < Reports.J; j++)
            {
                for (var s = 0; s < EnumNames.StageCount; s++)
                {
                    // Last month's seizures were made under last month's pressure, still in the signals until replaced here.
                    var before = _signals.Pressure[j, (Stage)s];
                    _signals.ExposedValueUsd[j, (Stage)s] = before > 0 ? SeizureValue.Usd((Stage)s, v.SeizedValue[j, s], usdPerMg) / before : 0;
                    _signals.Pressure[j, (Stage)s] = Detection.FromLogSurvival(v.PressureLog[j, s]);
                }
                var sold = v.SuppliedMg[j];
                _signals.PricePerMg[j] = sold > 0 ? v.RevenueUsd[j] / sold : 0;
                _signals.DemandMg[j] = v.DosesDemanded[j] * p.ReferencePotencyMg;
                var doses = v.DosesServed[j];
                _signals.XylazineShare[j] = doses > 0 ? v.XylazineDoses[j] / doses : 0;
                _signals.BribesUsd[j] = v.BribesUsd[j];
                var stimulantSold = v.StimulantSuppliedMg[j];
                _signals.StimulantPricePerMg[j] = stimulantSold > 0 ? v.StimulantRevenueUsd[j] / stimulantSold : 0;
                _signals.StimulantDemandMg[j] = v.StimulantDosesDemanded[j] * p.StimulantPotencyMg;
            }
            for (var g = 0; g < Spec.Launderers.Length; g++)
                if (Spec.Launderers[g].HasCapacity) _signals.LaunderingLoad[g] = v.LaunderedByGroup[g] / Spec.Launderers[g].CapacityUsdPerMonth;
            ShareLeads(v);
        }
        return _signals.Clone();
    }

    /// <summary>
    /// Intelligence leads (<see cref="IntelligenceQueue"/>): for each jurisdiction, what other countries' import checks seized
    /// last month of what left it, each partner's part times the sharing channel from that partner's country, and the
    /// actionable part of it. A partner's own seizure at home is its own business; a seizure by the same country is not foreign.
    /// </summary>
    private void ShareLeads(ShardReport v)
    {
        if (!_hasQueues) return; // nobody reads them
        for (var o = 0; o < Reports.J; o++)
            for (var kind = 0; kind < IntelligenceQueue.Kinds; kind++)
            {
                double shared = 0, actionable = 0;
                for (var d = 0; d < Reports.J; d++)
                {
                    var from = Spec.CountryOf[d];
                    if (from == Spec.CountryOf[o]) continue;
                    if (v.ForeignSeizedKg[o, d, kind] <= 0) continue;
                    var channel = _levers.IntelligenceChannel(o, from);
                    shared += v.ForeignSeizedKg[o, d, kind] * channel;
                    actionable += v.ActionableSeizedKg[o, d, kind] * channel;
                }
                _signals.SharedSeizedKg[o, kind] = shared;
                _signals.ActionableSharedKg[o, kind] = actionable;
            }
    }

    /// <summary>
    /// Takes the tick's folded reports and returns its metrics in catalogue order; a spin-up tick only feeds the next tick's
    /// signals (it has no metrics, and launderers neither innovate nor emerge before the start).
    /// </summary>
    public double[] EndTick(int tick, ShardReport folded)
    {
        if (tick != _nextTick) throw new InvalidOperationException($"tick {tick} ended, expected {_nextTick}");
        _last = folded;
        _nextTick++;
        if (tick < 0) return [];
        var metrics = Metrics.Compute(tick, folded, _signals);
        Innovate(folded);
        OpenLatentMethods(folded);
        return metrics;
    }

    /// <summary>
    /// Launderers' innovation after losses (<see cref="Laundering.Innovate"/>): each group that handled money this month moves its
    /// risk multiplier on the blackboard by the seizure share it suffered, for next month's launderers and the labs choosing them.
    /// The share depends only on the group and the blackboard, so the group moves as one however its networks are split into shards.
    /// </summary>
    private void Innovate(ShardReport folded)
    {
        for (var g = 0; g < Spec.Launderers.Length; g++)
        {
            var group = Spec.Launderers[g];
            if (group.InnovationRate <= 0) continue;
            var share = folded.LaunderedByGroup[g] > 0 ? Laundering.SeizureShare(_signals, Spec.Parameters, group, g) : 0;
            _signals.SetLaunderingRisk(g, Laundering.Innovate(_signals.LaunderingRisk(g), group.InnovationRate, share, group.InnovationFloor));
        }
    }

    /// <summary>
    /// New laundering methods after losses (<see cref="Laundering.Emerges"/>): adds this month's seized USD to the run's total and
    /// opens every latent group whose threshold it reaches, for labs choosing a launderer from next month on.
    /// </summary>
    private void OpenLatentMethods(ShardReport folded)
    {
        for (var m = 0; m < EnumNames.MethodCount; m++) _seizedUsdToDate += folded.SeizedUsd[m];
        for (var g = 0; g < Spec.Launderers.Length; g++)
            if (!_signals.LaunderingOpen(g) && Laundering.Emerges(Spec.Launderers[g].EmergesAfterSeizedUsd, _seizedUsdToDate))
                _signals.SetLaunderingOpen(g, true);
    }

    private void Apply(Intervention item)
    {
        switch (item)
        {
            case Scheduling s:
                foreach (var j in s.Jurisdictions)
                    foreach (var substance in s.Substances) _signals.SetScheduled(j, substance, s.Scheduled);
                break;
            case EnforcementBudget b:
                if (b.BudgetUsdPerMonth is { } budget) _signals.Budget[b.Agency] = budget;
                if (b.Allocation is { } allocation) _signals.SetMandate(b.Agency, allocation);
                break;
            case EarlyWarning w:
                foreach (var j in w.Jurisdictions)
                {
                    _signalShare[j] = w.SignalShare;
                    _listingLag[j] = w.ListingLagMonths;
                }
                break;
            default:
                _levers.Apply(item);
                break;
        }
    }

    /// <summary>
    /// Reactive listing (report L829, L853, L2474): where early warning is on, a precursor whose
    /// share of last month's lab input reaches the jurisdiction's signal share starts a clock, and the jurisdiction
    /// schedules it when the clock reaches the listing lag. A signal that fades before then stops the clock. Only
    /// chemicals the labs actually use are ever listed, so the listing chases the substitution it causes.
    /// </summary>
    private void ListReactively(int tick)
    {
        if (_last is not { } v) return;
        var delivered = v.PrecursorDeliveredKg;
        for (var j = 0; j < Reports.J; j++)
        {
            if (_listingLag[j] < 0) continue;
            foreach (var s in _watched)
            {
                var k = j * Reports.S + s;
                if (_signals.Scheduled(j, s)) { _signalSince[k] = -1; continue; }
                var signal = delivered > 0 && v.PrecursorBySubstance[s] / delivered >= _signalShare[j];
                if (!signal) { _signalSince[k] = -1; continue; }
                if (_signalSince[k] < 0) _signalSince[k] = tick;
                if (tick - _signalSince[k] < _listingLag[j]) continue;
                _signals.SetScheduled(j, s, true);
                _signalSince[k] = -1;
            }
        }
    }
}
