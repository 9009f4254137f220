using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Metrics;
using SupplySim.Model.Randomness;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// Brokers buy chemicals from suppliers in their own jurisdiction and ship them to labs (L361, L367).
/// Each month a broker reviews, with some probability, which precursor to offer (<see cref="Substitution"/>).
/// It keeps the suppliers that deliver and replaces those that refuse or fail, which concentrates buying on
/// non-adopters of KYC and informal sellers (the residual market, L1184, L1470). A takedown puts a listing
/// offline; the broker relists on a less visible channel (open web, social media, encrypted), so each round
/// of takedowns finds fewer targets (L269, L405, L1474).
/// </summary>
public sealed class BrokerShard : Shard
{
    private static readonly double[] Visibility = [1.0, 0.5, 0.15];
    private const int MissesBeforeSwitch = 3;

    private struct Broker
    {
        public int Product;
        public double Cash;
        public double ExpectedDemandKg;
        public int Channel;
        public int OfflineUntil;
    }

    private readonly Broker[] _agents;
    private readonly double[] _stock; // [agent * S + substance]
    private readonly int[] _favourites; // [agent * K + slot] supplier id, -1 if none
    private readonly int[] _misses; // orders since the favourite last delivered
    [FixedByLayout] private readonly int _k;
    [FixedByLayout] private readonly BrokerGroupSpec _group;
    [FixedByLayout] private readonly Substitution _substitution;
    [FixedByLayout] private readonly int[] _suppliers;
    [FixedByLayout] private readonly bool[] _offers; // precursors the group may offer (Stimulants.Offers)

    public BrokerShard(Layout layout, ShardInfo info) : base(layout, info)
    {
        _group = Spec.Brokers[info.Group];
        _substitution = new Substitution(Spec);
        _offers = Stimulants.Offers(Spec, _group);
        // A group with its own products (P2P) only asks firms that make one of them; the others ask any firm, as before.
        _suppliers = _group.Products is null ? layout.SuppliersByJurisdiction[info.Jurisdiction]
            : layout.SuppliersByJurisdiction[info.Jurisdiction].Where(id => Spec.Suppliers[layout.ShardOf(id).Group].Products.Any(p => _group.Products.Contains(p))).ToArray();
        _k = Math.Max(1, P.BrokerSuppliersPerOrder);
        var s = Spec.Substances.Length;
        _agents = new Broker[info.Count];
        _stock = new double[info.Count * s];
        _favourites = Enumerable.Repeat(-1, info.Count * _k).ToArray();
        _misses = new int[info.Count * _k];
        var initialSignals = InitialSignals.Build(layout);
        // The need of the labs this group serves, shared by every broker that serves any of them.
        bool Served(LabGroupSpec lab) => Stimulants.Serves(Spec, _group, lab);
        var peers = layout.Brokers.Count(b => Spec.Labs.Any(lab => Served(lab) && Stimulants.Serves(Spec, Spec.Brokers[layout.ShardOf(b).Group], lab)));
        var need = InitialSignals.LabPrecursorNeedKgPerMonth(Spec, Served) / Math.Max(1, peers);
        for (var i = 0; i < _agents.Length; i++)
        {
            var id = info.FirstAgent + i;
            var product = _substitution.Best(initialSignals, info.Jurisdiction, Seed, id, P.BrokerPreferenceSigma, _offers);
            _agents[i] = new Broker { Product = product, ExpectedDemandKg = need, OfflineUntil = int.MinValue }; // listed from the first tick, spin-up included
            if (product >= 0) _stock[i * s + product] = need * P.BrokerStockMonths;
        }
    }

    protected internal override IShardPart[] Parts => [ShardPart.Array(_agents), ShardPart.Array(_stock), ShardPart.Array(_favourites), ShardPart.Array(_misses)];

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, ShardReport report)
    {
        var j = Info.Jurisdiction;
        var signals = ctx.Signals;
        var s = Spec.Substances.Length;
        var demand = new double[_agents.Length];
        var takedown = signals.LeverValue(Lever.PlatformTakedown, j);

        for (var i = 0; i < _agents.Length; i++)
        {
            ref var a = ref _agents[i];
            if (takedown <= 0 || a.OfflineUntil >= ctx.Tick) continue;
            if (CounterRng.Uniform(Seed, CounterRng.Stream.BrokerTakedown, Info.FirstAgent + i, ctx.Tick) < takedown * Visibility[a.Channel])
            {
                a.OfflineUntil = ctx.Tick + P.RelistMonths - 1;
                a.Channel = Math.Min(a.Channel + 1, Visibility.Length - 1);
            }
        }

        // Receipts and payments first: stock that arrived this tick can serve this tick's orders.
        foreach (ref readonly var msg in inbox)
        {
            var i = msg.To - Info.FirstAgent;
            switch (msg.Kind)
            {
                case MessageKind.Shipment:
                    _stock[i * s + msg.Substance] += msg.Kg;
                    _agents[i].Cash -= msg.Usd;
                    outbox.Emit(new Message(MessageKind.Payment, msg.To, msg.From, msg.Substance, 0, 0, msg.Usd));
                    report.InFlightUsd += msg.Usd;
                    for (var n = 0; n < _k; n++)
                        if (_favourites[i * _k + n] == msg.From) _misses[i * _k + n] = 0;
                    break;
                case MessageKind.Payment:
                    _agents[i].Cash += msg.Usd;
                    break;
            }
        }

        // Orders are served pro rata when stock is short, so no lab is favoured by message order.
        foreach (ref readonly var msg in inbox)
            if (msg.Kind == MessageKind.LabOrder && _agents[msg.To - Info.FirstAgent].OfflineUntil < ctx.Tick)
                demand[msg.To - Info.FirstAgent] += msg.Kg;
        var fill = new double[_agents.Length];
        for (var i = 0; i < _agents.Length; i++)
        {
            var held = 0.0;
            for (var k = 0; k < s; k++) held += _stock[i * s + k];
            fill[i] = demand[i] > 0 ? Math.Min(1, held / demand[i]) : 0;
        }
        for (var m = 0; m < inbox.Length; m++)
        {
            ref readonly var msg = ref inbox[m];
            if (msg.Kind != MessageKind.LabOrder) continue;
            var i = msg.To - Info.FirstAgent;
            if (_agents[i].OfflineUntil >= ctx.Tick) continue; // the listing is down: the order is lost
            Serve(ctx, i, msg, msg.Kg * fill[i], m, outbox, report);
        }

        for (var i = 0; i < _agents.Length; i++)
        {
            ref var a = ref _agents[i];
            var id = Info.FirstAgent + i;
            a.ExpectedDemandKg = 0.5 * a.ExpectedDemandKg + 0.5 * demand[i];
            if (CounterRng.Uniform(Seed, CounterRng.Stream.BrokerChoice, id, ctx.Tick) < P.BrokerReviewRate)
                a.Product = _substitution.Best(signals, j, Seed, id, P.BrokerPreferenceSigma, _offers);
            if (a.OfflineUntil >= ctx.Tick) report.BrokersOffline += 1;
            else
            {
                report.BrokersByChannel[a.Channel] += 1;
                OrderFromSuppliers(ctx, i, id, outbox);
            }
            report.CashUsd += a.Cash;
        }
    }

    private void Serve(in StepContext ctx, int i, in Message order, double kgToShip, int draw, Outbox outbox, ShardReport report)
    {
        var s = Spec.Substances.Length;
        var remaining = kgToShip;
        var labJurisdiction = Layout.ShardOf(order.From).Jurisdiction;
        var signals = ctx.Signals;
        var j = Info.Jurisdiction;
        var brokerPressure = Detection.Either(signals.Pressure[j, Stage.Broker], signals.Intelligence(j) * P.IntelligencePressure);
        var pRoute = RoutePressure.Between(signals, j, labJurisdiction);
        // Offer the current product first, then sell off whatever else is in stock.
        for (var k = -1; k < s && remaining > 0; k++)
        {
            var substance = k < 0 ? _agents[i].Product : k;
            if (substance < 0 || (k >= 0 && substance == _agents[i].Product)) continue;
            ref var stock = ref _stock[i * s + substance];
            var kg = Math.Min(stock, remaining);
            if (kg <= 0) continue;
            stock -= kg;
            remaining -= kg;

            var illegality = signals.Illegality(j, substance);
            var pBroker = brokerPressure * illegality;
            var u = CounterRng.Uniform(Seed, CounterRng.Stream.RouteSeizure, order.To, ctx.Tick, LotDraw(draw, k, s));
            var value = kg * Layout.FentanylEquivalentPerKg[substance];
            if (u < Detection.Either(pBroker, pRoute) && Layout.StimulantPrecursor[substance])
            {
                report.StimulantPrecursorSeizedKg[u < pBroker ? Stage.Broker : Stage.Route] += kg;
                continue;
            }
            if (u < pBroker)
            {
                report.SeizedKg[Stage.Broker] += kg;
                report.SeizedValue[j, Stage.Broker] += value;
                continue;
            }
            if (u < Detection.Either(pBroker, pRoute))
            {
                report.SeizedKg[Stage.Route] += kg;
                SeizureValue.AddRoute(report, signals, j, labJurisdiction, value, IntelligenceQueue.Precursor, illegality);
                continue;
            }
            var usd = kg * Spec.Substances[substance].PriceUsdPerKg * (1 + _group.Markup);
            outbox.Emit(new Message(MessageKind.Shipment, order.To, order.From, substance, signals.Scheduled(j, substance) ? 1 : 0, kg, usd));
        }
    }

    /// <summary>
    /// Draw index of lot <paramref name="k"/> (-1: the current product, else that substance) of the order at inbox
    /// position <paramref name="m"/>. Lots of the first <see cref="StableLots"/> substances keep the index
    /// <c>m × (min(S, 8) + 1) + k + 1</c> that the scenarios were calibrated with; lots of substances appended past
    /// the eighth draw from a disjoint range. So appending a substance to a catalogue (nitazenes) does not move the
    /// draws of the existing ones, and a run that never trades it is unchanged.
    /// </summary>
    internal static int LotDraw(int m, int k, int substances)
        => k < StableLots ? m * (Math.Min(substances, StableLots) + 1) + k + 1 : AppendedLots + m * (substances + 1) + k + 1;

    private const int StableLots = 8;
    private const int AppendedLots = 1 << 30;

    private void OrderFromSuppliers(in StepContext ctx, int i, int id, Outbox outbox)
    {
        ref var a = ref _agents[i];
        if (a.Product < 0 || _suppliers.Length == 0) return;
        var want = a.ExpectedDemandKg * (1 + P.BrokerStockMonths) - _stock[i * Spec.Substances.Length + a.Product];
        if (want <= 1e-9) return;
        var disguise = (int)Math.Round(_group.DisguiseSkill * 1000);
        for (var n = 0; n < _k; n++)
        {
            var slot = i * _k + n;
            if (_favourites[slot] < 0 || _misses[slot] >= MissesBeforeSwitch)
            {
                _favourites[slot] = _suppliers[CounterRng.Index(Seed, CounterRng.Stream.BrokerSupplier, id, ctx.Tick, _suppliers.Length, n)];
                _misses[slot] = 0;
            }
            _misses[slot]++;
            outbox.Emit(new Message(MessageKind.SupplierOrder, id, _favourites[slot], a.Product, disguise, want / _k, 0));
        }
    }
}
