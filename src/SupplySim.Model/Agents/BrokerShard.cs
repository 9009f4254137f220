using SupplySim.Model.Engine;
using SupplySim.Model.Randomness;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// Brokers buy chemicals from suppliers in their own jurisdiction and ship them to labs (L361, L367).
/// Each month a broker reviews, with some probability, which precursor to offer: the cheapest per kg of
/// drug after risk among those it can source (<see cref="Substitution"/>), which is how scheduling moves
/// the trade to unscheduled substitutes after a lag (L361, L839, L1405).
/// </summary>
public sealed class BrokerShard : Shard
{
    private struct Broker
    {
        public int Product;
        public double Cash;
        public double ExpectedDemandKg;
    }

    private readonly Broker[] _agents;
    private readonly double[] _stock; // [agent * S + substance]
    private readonly BrokerGroupSpec _group;
    private readonly Substitution _substitution;
    private readonly int[] _suppliers;

    public BrokerShard(Layout layout, ShardInfo info) : base(layout, info)
    {
        _group = Spec.Brokers[info.Group];
        _substitution = new Substitution(Spec);
        _suppliers = layout.SuppliersByJurisdiction[info.Jurisdiction];
        var s = Spec.Substances.Length;
        _agents = new Broker[info.Count];
        _stock = new double[info.Count * s];
        var initialSignals = InitialSignals.Build(layout);
        var need = InitialSignals.LabPrecursorNeedKgPerMonth(Spec) / Math.Max(1, layout.Brokers.Length);
        for (var i = 0; i < _agents.Length; i++)
        {
            var id = info.FirstAgent + i;
            var product = _substitution.Best(initialSignals, info.Jurisdiction, Seed, id, P.BrokerPreferenceSigma);
            _agents[i] = new Broker { Product = product, ExpectedDemandKg = need };
            if (product >= 0) _stock[i * s + product] = need * P.BrokerStockMonths;
        }
    }

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, double[] report)
    {
        var j = Info.Jurisdiction;
        var signals = ctx.Signals;
        var s = Spec.Substances.Length;
        var demand = new double[_agents.Length];

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
                    report[Raw.InFlightUsd] += msg.Usd;
                    break;
                case MessageKind.Payment:
                    _agents[i].Cash += msg.Usd;
                    break;
            }
        }

        for (var m = 0; m < inbox.Length; m++)
        {
            ref readonly var msg = ref inbox[m];
            if (msg.Kind != MessageKind.LabOrder) continue;
            var i = msg.To - Info.FirstAgent;
            demand[i] += msg.Kg;
            Serve(ctx, i, msg, m, outbox, report);
        }

        for (var i = 0; i < _agents.Length; i++)
        {
            ref var a = ref _agents[i];
            var id = Info.FirstAgent + i;
            a.ExpectedDemandKg = 0.5 * a.ExpectedDemandKg + 0.5 * demand[i];
            if (CounterRng.Uniform(Seed, CounterRng.Stream.BrokerChoice, id, ctx.Tick) < P.BrokerReviewRate)
                a.Product = _substitution.Best(signals, j, Seed, id, P.BrokerPreferenceSigma);
            OrderFromSuppliers(ctx, i, id, outbox);
        }

        var cash = 0.0;
        for (var i = 0; i < _agents.Length; i++) cash += _agents[i].Cash;
        report[Raw.CashUsd] += cash;
    }

    private void Serve(in StepContext ctx, int i, in Message order, int draw, Outbox outbox, double[] report)
    {
        var s = Spec.Substances.Length;
        var remaining = order.Kg;
        var labJurisdiction = Layout.ShardOf(order.From).Jurisdiction;
        var signals = ctx.Signals;
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

            var scheduled = signals.Scheduled(Info.Jurisdiction, substance);
            var pBroker = scheduled ? signals.Pressure(Info.Jurisdiction, Stage.Broker) : 0;
            var pRoute = Detection.Either(signals.Pressure(Info.Jurisdiction, Stage.Route), signals.Pressure(labJurisdiction, Stage.Route));
            var u = CounterRng.Uniform(Seed, CounterRng.Stream.RouteSeizure, order.To, ctx.Tick, draw * 8 + k + 1);
            if (u < pBroker) { report[Raw.SeizedKg + (int)Stage.Broker] += kg; continue; }
            if (u < Detection.Either(pBroker, pRoute)) { report[Raw.SeizedKg + (int)Stage.Route] += kg; continue; }
            var usd = kg * Spec.Substances[substance].PriceUsdPerKg * (1 + _group.Markup);
            outbox.Emit(new Message(MessageKind.Shipment, order.To, order.From, substance, scheduled ? 1 : 0, kg, usd));
        }
    }

    private void OrderFromSuppliers(in StepContext ctx, int i, int id, Outbox outbox)
    {
        ref var a = ref _agents[i];
        if (a.Product < 0 || _suppliers.Length == 0) return;
        var want = a.ExpectedDemandKg * (1 + P.BrokerStockMonths) - _stock[i * Spec.Substances.Length + a.Product];
        if (want <= 1e-9) return;
        var k = Math.Min(P.BrokerSuppliersPerOrder, _suppliers.Length);
        var disguise = (int)Math.Round(_group.DisguiseSkill * 1000);
        for (var n = 0; n < k; n++)
        {
            var supplier = _suppliers[CounterRng.Index(Seed, CounterRng.Stream.BrokerSupplier, id, ctx.Tick, _suppliers.Length, n)];
            outbox.Emit(new Message(MessageKind.SupplierOrder, id, supplier, a.Product, disguise, want / k, 0));
        }
    }
}
