using SupplySim.Model.Metrics;
using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Randomness;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// Cartel labs (L255, L1042): hold a precursor stockpile (L488), order from one broker and drop it when it
/// stops delivering (displacement of sourcing), synthesize on the best route they dare to run, ship to
/// markets in proportion to last month's demand and price, choose a launderer by risk-adjusted fee, and
/// grow or shrink capacity with retail prices (the growth of Mexican synthesis after 2019, L255-L259).
/// Labs buy pill presses while exporters let them (L417) and press part of their output into counterfeit
/// pills (L2184); presses wear out and are lost in raids. A lab whose raid risk exceeds that of the safest
/// jurisdiction within its group's reach (<c>relocate-to</c>) by a margin moves part of its capacity to a lab
/// site there (relocation, L1092-L1098): production is displaced, not scripted.
/// A group with <c>products: [methamphetamine]</c> (a stimulant, L2176-L2180) runs only the routes to those outputs, orders
/// from the brokers that offer their precursors, presses no pills, ships to the markets' stimulant stock and answers the
/// stimulant market's price and demand; its output never counts as opioid (<see cref="Stimulants"/>).
/// </summary>
public sealed class CartelLabShard : Shard
{
    private struct Lab
    {
        public double Capacity;
        public double Cash;
        public int Launderer;
        public double RiskAppetite;
        public double LastYield;
        public double Presses; // kg a month the lab can press into pills; it presses that share of its capacity
        // Know-how: bit k set when the lab can run route k of the catalogue (routes with a skill, L367, L456).
        public ulong Known;
    }

    private readonly Lab[] _agents;
    private readonly double[] _stock; // [agent * S + substance]
    private readonly LabSources _primary; // the broker each lab orders from first
    private readonly LabSources _second; // each lab's second broker (second-source-share > 0; sourcing mix, L488), else unused
    [FixedByLayout] private readonly LabGroupSpec _group;
    [FixedByLayout] private readonly RouteSpec[] _routesByValue;
    [FixedByLayout] private readonly double _bestYield;
    [FixedByLayout] private readonly double[] _launderCost;
    [FixedByLayout] private readonly double _priceRef;
    [FixedByLayout] private readonly (int Jurisdiction, double Weight)[] _exporters; // chemical exporters by capacity share (where presses come from)
    [FixedByLayout] private readonly (int Jurisdiction, int[] Labs)[] _sites; // every other jurisdiction with lab agents, and their ids
    [FixedByLayout] private readonly bool _corruptible; // an agency acting here takes bribes
    [FixedByLayout] private readonly bool _stimulant; // the group makes a stimulant: it reads and serves the stimulant market
    [FixedByLayout] private readonly int[] _brokers; // brokers that offer an input of the group's routes, ascending
    [FixedByLayout] private readonly bool _skilled; // some route needs skill: labs run only the routes they know
    [FixedByLayout] private readonly ulong[] _teaches; // per substance: the group's routes that take it (what a recipe for it teaches)
    [FixedByLayout] private readonly int[] _routeBit; // per route of _routesByValue: its index in the catalogue's routes (its know-how bit)

    public CartelLabShard(Layout layout, ShardInfo info) : base(layout, info)
    {
        _group = Spec.Labs[info.Group];
        var s = Spec.Substances.Length;
        var makes = Stimulants.Makes(Spec, _group);
        _stimulant = Stimulants.MakesStimulant(Spec, _group);
        var routes = Spec.Routes.Where(r => makes[r.Output]).ToArray();
        _routesByValue = routes
            .OrderByDescending(r => r.Yield * Spec.Substances[r.Output].Potency)
            .ThenBy(r => r.Input).ThenBy(r => r.Output).ToArray();
        _bestYield = routes.Select(r => r.Yield).DefaultIfEmpty(1).Max();
        _skilled = routes.Any(r => r.Skill > 0);
        _routeBit = Array.ConvertAll(_routesByValue, r => Array.IndexOf(Spec.Routes, r));
        _teaches = new ulong[s];
        if (_skilled)
            foreach (var r in routes) _teaches[r.Input] |= 1UL << Array.IndexOf(Spec.Routes, r);
        _priceRef = _stimulant ? P.StimulantPricePerDoseUsd / P.StimulantPotencyMg : P.PricePerDoseUsd / P.ReferencePotencyMg;
        _brokers = layout.Brokers.Where(b => Stimulants.Serves(Spec, Spec.Brokers[layout.ShardOf(b).Group], _group)).ToArray();
        _launderCost = layout.Launderers.Select(id => { var g = Spec.Launderers[layout.ShardOf(id).Group]; return g.Fee; }).ToArray();
        _exporters = Exporters.ByCapacity(Spec);
        _corruptible = Spec.Agencies.Any(g => g.Corruptibility > 0 && g.Jurisdictions.Contains(info.Jurisdiction));
        var reach = _group.RelocateTo ?? [];
        _sites = layout.Shards.Where(x => x.Kind == ActorKind.CartelLab && x.Jurisdiction != info.Jurisdiction && reach.Contains(x.Jurisdiction)
                && Stimulants.MakesStimulant(Spec, Spec.Labs[x.Group]) == _stimulant)
            .GroupBy(x => x.Jurisdiction).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.SelectMany(x => Enumerable.Range(x.FirstAgent, x.Count)).ToArray())).ToArray();
        _agents = new Lab[info.Count];
        _stock = new double[info.Count * s];
        _primary = new LabSources(new Source[info.Count]);
        _second = new LabSources(new Source[info.Count]);

        var initial = InitialSignals.Build(layout);
        var substitution = new Substitution(Spec);
        for (var i = 0; i < _agents.Length; i++)
        {
            var id = info.FirstAgent + i;
            var broker = _brokers.Length == 0 ? -1
                : _brokers[CounterRng.Index(Seed, CounterRng.Stream.LabTraits, id, 0, _brokers.Length)];
            _agents[i] = new Lab
            {
                Capacity = _group.CapacityKgPerMonth,
                LastYield = _bestYield,
                Launderer = -1,
                RiskAppetite = RiskDecision.Appetite(CounterRng.Normal(Seed, CounterRng.Stream.LabTraits, id, 0, 1), P.RiskAppetiteSigma),
            };
            _primary[i] = Source.Of(broker);
            _second[i] = Source.Of(-1);
            // The initial stockpile is of the chemical the lab's broker would offer.
            var brokerShard = broker < 0 ? null : layout.ShardOf(broker);
            var product = brokerShard is null ? -1
                : substitution.Best(initial, brokerShard.Jurisdiction, Seed, broker, P.BrokerPreferenceSigma, Stimulants.Offers(Spec, Spec.Brokers[brokerShard.Group]));
            if (product >= 0)
                _stock[i * s + product] = _group.CapacityKgPerMonth / Math.Max(Substitution.BestYield(Spec, product), 1e-9) * _group.InitialStockMonths;
            if (_group.SecondSourceShare > 0) _second[i].Broker = SecondBroker(id, broker, 0);
            if (_skilled) _agents[i].Known = InitialKnowHow(id);
        }
    }

    protected internal override IShardPart[] Parts => [ShardPart.Array(_agents), ShardPart.Array(_stock), _primary, _second];

    /// <summary>What the inbox brought each lab this month: kg from each of its sources, and proceeds.</summary>
    private readonly record struct Receipts(double[] Received, double[] Received2, double[] Proceeds);

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, ShardReport report)
    {
        var receipts = Receive(inbox, outbox, report);
        StepLabs(ctx, outbox, report, receipts);
    }

    /// <summary>Takes deliveries into stock (paying for them), proceeds into cash and relocated capacity into the labs.</summary>
    private Receipts Receive(ReadOnlySpan<Message> inbox, Outbox outbox, ShardReport report)
    {
        var s = Spec.Substances.Length;
        var received = new double[_agents.Length];
        var received2 = _group.SecondSourceShare > 0 ? new double[_agents.Length] : received; // what the second broker delivered
        var proceeds = new double[_agents.Length];

        foreach (ref readonly var msg in inbox)
        {
            var i = msg.To - Info.FirstAgent;
            switch (msg.Kind)
            {
                case MessageKind.Shipment:
                    _stock[i * s + msg.Substance] += msg.Kg;
                    // A recipe comes with the chemical from brokers that send them; a chemical the lab cannot use is no delivery.
                    if (_skilled && Spec.Brokers[Layout.ShardOf(msg.From).Group].Recipes) _agents[i].Known |= _teaches[msg.Substance];
                    var usable = !_skilled || (_agents[i].Known & _teaches[msg.Substance]) != 0;
                    if (usable && _group.SecondSourceShare > 0 && msg.From == _second[i].Broker && msg.From != _primary[i].Broker) received2[i] += msg.Kg;
                    else if (usable) received[i] += msg.Kg;
                    if (Layout.StimulantPrecursor[msg.Substance]) report.StimulantPrecursorKg[msg.Substance] += msg.Kg;
                    else Delivered(report, msg);
                    _agents[i].Cash -= msg.Usd;
                    outbox.Emit(new Message(MessageKind.Payment, msg.To, msg.From, msg.Substance, 0, 0, msg.Usd));
                    report.InFlightUsd += msg.Usd;
                    break;
                case MessageKind.Proceeds:
                    _agents[i].Cash += msg.Usd;
                    proceeds[i] += msg.Usd;
                    break;
                case MessageKind.Relocation:
                    _agents[i].Capacity += msg.Kg;
                    report.RelocatedCapacityKg[Info.Jurisdiction] += msg.Kg;
                    break;
            }
        }
        return new Receipts(received, received2, proceeds);
    }

    /// <summary>Books an opioid precursor delivered to a lab (the precursor series).</summary>
    private void Delivered(ShardReport report, in Message msg)
    {
        report.PrecursorDeliveredKg += msg.Kg;
        report.PrecursorBySubstance[msg.Substance] += msg.Kg;
        var origin = Layout.ShardOf(msg.From).Jurisdiction;
        report.PrecursorByOrigin[origin] += msg.Kg;
        if (msg.Aux == 0)
        {
            report.PrecursorUnscheduledKg += msg.Kg;
            report.PrecursorUnscheduledBySubstance[msg.Substance] += msg.Kg;
            report.PrecursorUnscheduledByOrigin[origin] += msg.Kg;
        }
    }

    /// <summary>Each lab's month: raid, launderer, synthesis, shipping, presses, relocation, sources, reorder, capacity, bribes.</summary>
    private void StepLabs(in StepContext ctx, Outbox outbox, ShardReport report, in Receipts receipts)
    {
        var j = Info.Jurisdiction;
        var signals = ctx.Signals;
        var s = Spec.Substances.Length;
        var pLab = signals.Pressure[j, Stage.Lab];
        // Corruption ("corrupt or avoid"): where an agency takes bribes and raids are frequent, labs pay
        // part of what they earn; the agencies lose pressure next month in proportion (EnforcementAgencyShard).
        var bribeShare = _corruptible && pLab > P.LabBribePressure ? P.LabBribeShare : 0;
        var marketWeights = MarketWeights(signals);
        // Relocation is only ever possible when some reachable site is safer than here by the margin; checked once a tick.
        var mayRelocate = false;
        foreach (var (k, _) in _sites) mayRelocate |= pLab - signals.Pressure[k, Stage.Lab] > P.LabRelocationPressureGap;
        var pressControl = 0.0;
        foreach (var (k, w) in _exporters) pressControl += w * signals.LeverValue(Lever.PillPressControl, k);
        for (var i = 0; i < _agents.Length; i++)
        {
            ref var a = ref _agents[i];
            var id = Info.FirstAgent + i;
            var stock = _stock.AsSpan(i * s, s);

            if (CounterRng.Uniform(Seed, CounterRng.Stream.LabRaid, id, ctx.Tick) < pLab) Raided(ref a, stock, report);

            if (a.Launderer < 0 || CounterRng.Uniform(Seed, CounterRng.Stream.LabLaunderer, id, ctx.Tick) < P.LabLaundererReviewRate)
                a.Launderer = ChooseLaunderer(signals, id);
            var produced = Synthesize(signals, ref a, stock, report, out var product);
            if (produced > 0) Ship(ctx, id, product, produced, a.Capacity > 0 ? Math.Min(1, a.Presses / a.Capacity) : 0, a.Launderer, marketWeights, outbox, report);
            // Presses, relocation and capacity are slow adaptations: they wait for the start (StepContext.SpinUp).
            if (!_stimulant && !ctx.SpinUp) BuyPresses(ref a, pressControl, produced > 0); // methamphetamine is not pressed into counterfeit pills here
            if (mayRelocate && !ctx.SpinUp) Relocate(ctx, ref a, id, outbox);

            TrackPrimary(ctx, ref _primary[i], id, receipts.Received[i]);
            if (_group.SecondSourceShare > 0) TrackSecond(ctx, ref _second[i], _primary[i].Broker, id, receipts.Received2[i]);
            Reorder(ref a, ref _primary[i], ref _second[i], id, stock, outbox);
            if (!ctx.SpinUp) AdjustCapacity(signals, ref a, produced > 0);

            if (bribeShare > 0 && receipts.Proceeds[i] > 0)
            {
                var bribe = bribeShare * receipts.Proceeds[i];
                a.Cash -= bribe;
                report.BribesUsd[j] += bribe;
            }
            foreach (var kg in stock) report.LabStockKg += kg;
            report.CashUsd += a.Cash;
        }
    }

    /// <summary>A raid: the lab loses <c>raid-loss-share</c> of its stock and of its presses.</summary>
    private void Raided(ref Lab a, Span<double> stock, ShardReport report)
    {
        for (var k = 0; k < stock.Length; k++)
        {
            var lost = stock[k] * P.RaidLossShare;
            stock[k] -= lost;
            if (Layout.StimulantPrecursor[k])
            {
                report.StimulantPrecursorSeizedKg[Stage.Lab] += lost;
                continue;
            }
            report.LabPrecursorSeizedKg += lost;
            report.SeizedKg[Stage.Lab] += lost;
            report.SeizedValue[Info.Jurisdiction, Stage.Lab] += lost * Layout.FentanylEquivalentPerKg[k];
        }
        a.Presses *= 1 - P.RaidLossShare;
    }

    /// <summary>Runs the most valuable accepted routes up to capacity; returns kg made of the first accepted output.</summary>
    private double Synthesize(TickSignals signals, ref Lab a, Span<double> stock, ShardReport report, out int product)
    {
        product = -1;
        var left = a.Capacity;
        var made = 0.0;
        for (var k = 0; k < _routesByValue.Length; k++)
        {
            var r = _routesByValue[k];
            if (left <= 0) break;
            if (product >= 0 && r.Output != product) continue;
            if (_skilled && (a.Known & (1UL << _routeBit[k])) == 0) continue; // no know-how, no synthesis
            var scheduled = signals.Scheduled(Info.Jurisdiction, r.Output);
            if (!RiskDecision.Accepts(P.LabMargin, a.RiskAppetite, scheduled, signals.Pressure[Info.Jurisdiction, Stage.Lab], P.PenaltyMultiple)) continue;
            var output = Math.Min(left, stock[r.Input] * r.Yield);
            if (output <= 0) continue;
            var input = output / r.Yield;
            stock[r.Input] = Math.Max(0, stock[r.Input] - input);
            report.LabPrecursorUsedKg += input;
            left -= output;
            made += output;
            a.LastYield = r.Yield;
            product = r.Output;
        }
        if (made > 0 && _stimulant) report.StimulantProductionKg[Info.Jurisdiction] += made;
        else if (made > 0)
        {
            report.ProductionKg[Info.Jurisdiction] += made;
            report.ProductionByProduct[product] += made;
        }
        return made;
    }

    /// <summary>Last month's retail price per pure mg of what the group makes (the opioid or the stimulant market).</summary>
    private double Price(TickSignals signals, int jurisdiction) => _stimulant ? signals.StimulantPricePerMg[jurisdiction] : signals.PricePerMg[jurisdiction];

    private double Demand(TickSignals signals, int jurisdiction) => _stimulant ? signals.StimulantDemandMg[jurisdiction] : signals.DemandMg[jurisdiction];

    private double[] MarketWeights(TickSignals signals)
    {
        var markets = Layout.LabMarkets;
        var w = new double[markets.Length];
        var total = 0.0;
        for (var m = 0; m < markets.Length; m++)
        {
            var r = markets[m].Jurisdiction;
            var share = (double)markets[m].Count / Layout.PeopleByJurisdiction[r];
            // Expected spend: last month's demand at last month's price (the reference price where nothing sold).
            var price = Price(signals, r) > 0 ? Price(signals, r) : _priceRef;
            var demand = Demand(signals, r) > 0 ? Demand(signals, r) : Layout.PeopleByJurisdiction[r];
            w[m] = demand * price * share;
            total += w[m];
        }
        if (total > 0) for (var m = 0; m < w.Length; m++) w[m] /= total;
        return w;
    }

    /// <summary>
    /// Relocation (when seizure risk exceeds a threshold): a lab whose monthly raid
    /// probability exceeds that of the safest jurisdiction within its group's reach by
    /// <c>lab-relocation-pressure-gap</c>, and where it would run at least one route, moves
    /// <c>lab-relocation-share</c> of its capacity there with probability <c>lab-relocation-rate</c> a month.
    /// </summary>
    private void Relocate(in StepContext ctx, ref Lab a, int id, Outbox outbox)
    {
        if (a.Capacity <= 1e-9) return;
        var signals = ctx.Signals;
        var here = signals.Pressure[Info.Jurisdiction, Stage.Lab];
        var best = -1;
        var bestPressure = double.PositiveInfinity;
        for (var k = 0; k < _sites.Length; k++)
        {
            var j = _sites[k].Jurisdiction;
            var p = signals.Pressure[j, Stage.Lab];
            if (p >= bestPressure || !RunsAnyRoute(signals, j, a.RiskAppetite)) continue;
            best = k;
            bestPressure = p;
        }
        if (best < 0 || here - bestPressure <= P.LabRelocationPressureGap) return;
        if (CounterRng.Uniform(Seed, CounterRng.Stream.LabRelocation, id, ctx.Tick) >= P.LabRelocationRate) return;
        var sites = _sites[best].Labs;
        var to = sites[CounterRng.Index(Seed, CounterRng.Stream.LabRelocation, id, ctx.Tick, sites.Length, 1)];
        var moved = a.Capacity * P.LabRelocationShare;
        a.Capacity -= moved;
        outbox.Emit(new Message(MessageKind.Relocation, id, to, -1, 0, moved, 0));
    }

    private bool RunsAnyRoute(TickSignals signals, int jurisdiction, double appetite)
    {
        var pressure = signals.Pressure[jurisdiction, Stage.Lab];
        foreach (var r in _routesByValue)
            if (RiskDecision.Accepts(P.LabMargin, appetite, signals.Scheduled(jurisdiction, r.Output), pressure, P.PenaltyMultiple)) return true;
        return false;
    }

    /// <summary>Active labs add presses in proportion to their capacity, less what exporters' controls stop; presses wear out.</summary>
    private void BuyPresses(ref Lab a, double control, bool active)
    {
        if (active) a.Presses += P.PillPressAcquisition * a.Capacity * Math.Max(0, 1 - control);
        a.Presses *= 1 - P.PillPressDepreciation;
    }

    private void Ship(in StepContext ctx, int id, int product, double kg, double pillShare, int launderer, double[] weights, Outbox outbox, ShardReport report)
    {
        var markets = Layout.LabMarkets;
        var signals = ctx.Signals;
        var illegality = signals.Illegality(Info.Jurisdiction, product);
        for (var m = 0; m < markets.Length; m++)
        {
            var part = kg * weights[m];
            if (part <= 0) continue;
            var p = RoutePressure.Between(signals, Info.Jurisdiction, markets[m].Jurisdiction);
            // One draw per consignment: the powder is seized when it falls under p, the pills only under the smaller
            // p × pill-route-detection-share (pills are harder to detect, L1798), so pills seized means powder seized.
            var u = CounterRng.Uniform(Seed, CounterRng.Stream.RouteSeizure, id, ctx.Tick, m);
            var potency = Spec.Substances[product].Potency;
            var pills = part * pillShare;
            bool powderSeized = u < p, pillsSeized = u < p * P.PillRouteDetectionShare;
            var to = markets[m].Jurisdiction;
            if (powderSeized && (pillsSeized || pills <= 0))
            {
                RouteSeized(report, signals, to, part, potency, illegality);
                continue;
            }
            if (pills > 0) outbox.Emit(new Message(MessageKind.Pills, id, markets[m].FirstAgent, product, launderer, pills, 0));
            if (powderSeized) RouteSeized(report, signals, to, part - pills, potency, illegality);
            else if (part > pills) outbox.Emit(new Message(MessageKind.Drug, id, markets[m].FirstAgent, product, launderer, part - pills, 0));
        }
    }

    /// <summary>Books drug seized on its way to <paramref name="to"/>: fentanyl-equivalent kg for an opioid, pure kg apart for a stimulant.</summary>
    private void RouteSeized(ShardReport report, TickSignals signals, int to, double kg, double potency, double illegality)
    {
        if (_stimulant)
        {
            report.StimulantSeizedKg[Stage.Route] += kg;
            return;
        }
        report.SeizedDrugKg[Stage.Route] += kg * potency;
        SeizureValue.AddRoute(report, signals, Info.Jurisdiction, to, kg * potency, IntelligenceQueue.Drug, illegality);
    }

    /// <summary>The primary source's month; on failure the lab switches to another broker of its precursors, anywhere.</summary>
    private void TrackPrimary(in StepContext ctx, ref Source source, int id, double received)
    {
        if (source.Idle(received)) return;
        if (!source.Failed(received, P) || _brokers.Length < 2) return;
        // The lab does not know who can deliver, it only learns who cannot.
        var pick = CounterRng.Index(Seed, CounterRng.Stream.LabBroker, id, ctx.Tick, _brokers.Length - 1);
        var current = Array.BinarySearch(_brokers, source.Broker);
        source = Source.Of(_brokers[pick >= current ? pick + 1 : pick]);
    }

    /// <summary>The second source's month (<see cref="Source.Failed"/>), as <see cref="TrackPrimary"/> does for the first.</summary>
    private void TrackSecond(in StepContext ctx, ref Source source, int primary, int id, double received)
    {
        if (source.Broker < 0 || source.Broker == primary) source.Broker = SecondBroker(id, primary, ctx.Tick);
        if (source.Idle(received)) return;
        if (!source.Failed(received, P)) return;
        source = Source.Of(SecondBroker(id, primary, ctx.Tick));
    }

    private void Reorder(ref Lab a, ref Source first, ref Source second, int id, ReadOnlySpan<double> stock, Outbox outbox)
    {
        if (first.Broker < 0) return;
        var held = 0.0;
        for (var k = 0; k < stock.Length; k++)
            if (!_skilled || (a.Known & _teaches[k]) != 0) held += stock[k]; // a chemical it cannot use is not stock
        var target = a.Capacity / a.LastYield * _group.StockpileMonths;
        var need = target - held - first.OnOrderKg - second.OnOrderKg;
        if (need <= 1e-9) return;
        if (_group.SecondSourceShare > 0 && second.Broker >= 0)
        {
            // Sourcing mix: the second broker gets its share, weighted by how well each has delivered lately.
            var w2 = _group.SecondSourceShare * second.Fill;
            var w1 = (1 - _group.SecondSourceShare) * first.Fill;
            var kg = w1 + w2 > 0 ? need * w2 / (w1 + w2) : 0;
            if (kg > 1e-9)
            {
                outbox.Emit(new Message(MessageKind.LabOrder, id, second.Broker, -1, 0, kg, 0));
                second.OnOrderKg += kg;
                need -= kg;
            }
        }
        if (need <= 1e-9) return;
        outbox.Emit(new Message(MessageKind.LabOrder, id, first.Broker, -1, 0, need, 0));
        first.OnOrderKg += need;
    }

    /// <summary>
    /// A lab's know-how at the start (routes with a skill, L367, L456): it can run a route of skill σ unless its draw for that route
    /// falls below σ, so σ is the share of labs that need a recipe first; routes without a skill are always known.
    /// </summary>
    private ulong InitialKnowHow(int id)
    {
        ulong known = 0;
        for (var k = 0; k < Spec.Routes.Length && k < 64; k++)
            if (Spec.Routes[k].Skill <= 0 || CounterRng.Uniform(Seed, CounterRng.Stream.LabTraits, id, 0, 10 + k) >= Spec.Routes[k].Skill) known |= 1UL << k;
        return known;
    }

    /// <summary>
    /// A second broker for the sourcing mix (L488: labs that buy from several countries can move when one tightens): one in another
    /// jurisdiction than <paramref name="primary"/>'s if the lab's brokers include any, else any other broker; -1 if there is none.
    /// </summary>
    private int SecondBroker(int id, int primary, int tick)
    {
        if (_brokers.Length < 2) return -1;
        var home = primary < 0 ? -1 : Layout.ShardOf(primary).Jurisdiction;
        var abroad = _brokers.Where(b => Layout.ShardOf(b).Jurisdiction != home).ToArray();
        var pool = abroad.Length > 0 ? abroad : _brokers.Where(b => b != primary).ToArray();
        return pool[CounterRng.Index(Seed, CounterRng.Stream.LabBroker, id, tick, pool.Length, 1)];
    }

    private void AdjustCapacity(TickSignals signals, ref Lab a, bool active)
    {
        if (!active) return;
        double price = 0, weight = 0;
        foreach (var m in Layout.LabMarkets)
        {
            var p = Price(signals, m.Jurisdiction);
            if (p <= 0) continue;
            price += p * m.Count;
            weight += m.Count;
        }
        if (weight <= 0) return;
        var change = Math.Clamp(P.LabCapacityAdjust * (price / weight / _priceRef - 1), -P.LabCapacityAdjust, P.LabCapacityAdjust);
        a.Capacity *= 1 + change;
    }

    private int ChooseLaunderer(TickSignals signals, int id)
    {
        var ids = Layout.Launderers;
        var best = -1;
        var bestCost = double.PositiveInfinity;
        for (var k = 0; k < ids.Length; k++)
        {
            var g = Layout.ShardOf(ids[k]).Group;
            if (!signals.LaunderingOpen(g)) continue;
            var risk = Laundering.SeizureShare(signals, P, Spec.Launderers[g], g);
            var preference = Math.Exp(0.2 * CounterRng.Normal(Seed, CounterRng.Stream.LabLaunderer, id, 0, k + 1));
            var cost = (_launderCost[k] + risk) * preference;
            if (Spec.Launderers[g].HasCapacity) cost *= Laundering.Congestion(signals.LaunderingLoad[g]);
            if (cost < bestCost) { bestCost = cost; best = ids[k]; }
        }
        return best;
    }
}
