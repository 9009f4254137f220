using SupplySim.Model.Engine;
using SupplySim.Model.Randomness;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// Chemical firms of one cohort in one jurisdiction. Licit buyers take their share of capacity first
/// (dual use, L363-L365); a broker's order is filled when it passes KYC screening (L1182-L1190) and, for a
/// scheduled chemical, when margin times risk appetite beats the expected penalty.
/// </summary>
public sealed class PrecursorSupplierShard : Shard
{
    private struct Supplier
    {
        public double RiskAppetite;
        public bool KycAdopted;
        public double Available;
        public double Cash;
    }

    private readonly Supplier[] _agents;
    private readonly SupplierGroupSpec _group;
    private readonly bool[] _sells;

    public PrecursorSupplierShard(Layout layout, ShardInfo info) : base(layout, info)
    {
        _group = Spec.Suppliers[info.Group];
        _sells = new bool[Spec.Substances.Length];
        foreach (var s in _group.Products) _sells[s] = true;
        _agents = new Supplier[info.Count];
        for (var i = 0; i < _agents.Length; i++)
        {
            var id = info.FirstAgent + i;
            _agents[i] = new Supplier
            {
                RiskAppetite = RiskDecision.Appetite(CounterRng.Normal(Seed, CounterRng.Stream.SupplierTraits, id, 0), P.RiskAppetiteSigma),
                KycAdopted = CounterRng.Uniform(Seed, CounterRng.Stream.SupplierTraits, id, 0, 7) < _group.KycShare,
            };
        }
    }

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, double[] report)
    {
        var j = Info.Jurisdiction;
        var signals = ctx.Signals;
        var capacity = _group.CapacityKgPerMonth * (1 - _group.LicitShare);
        for (var i = 0; i < _agents.Length; i++) _agents[i].Available = capacity;
        var pressure = signals.Pressure(j, Stage.Supplier);

        for (var m = 0; m < inbox.Length; m++)
        {
            ref readonly var msg = ref inbox[m];
            ref var a = ref _agents[msg.To - Info.FirstAgent];
            if (msg.Kind == MessageKind.Payment) { a.Cash += msg.Usd; continue; }
            if (msg.Kind != MessageKind.SupplierOrder || !_sells[msg.Substance]) continue;

            var scheduled = signals.Scheduled(j, msg.Substance);
            if (!RiskDecision.Accepts(P.SupplierMargin, a.RiskAppetite, scheduled, pressure, P.PenaltyMultiple)) continue;
            var key = CounterRng.AgentKey(Seed, CounterRng.Stream.SupplierFill, msg.To);
            if (a.KycAdopted)
            {
                var screen = _group.KycQuality * P.KycMaxScreening * (1 - msg.Aux / 1000.0);
                if (CounterRng.Uniform(key, ctx.Tick, 2 * m) < screen) continue;
            }
            var kg = Math.Min(msg.Kg, a.Available);
            if (kg <= 0) continue;
            a.Available -= kg;
            if (scheduled && CounterRng.Uniform(key, ctx.Tick, 2 * m + 1) < pressure)
            {
                report[Raw.SeizedKg + (int)Stage.Supplier] += kg;
                continue;
            }
            var usd = kg * Spec.Substances[msg.Substance].PriceUsdPerKg;
            outbox.Emit(new Message(MessageKind.Shipment, msg.To, msg.From, msg.Substance, scheduled ? 1 : 0, kg, usd));
        }

        var cash = 0.0;
        for (var i = 0; i < _agents.Length; i++) cash += _agents[i].Cash;
        report[Raw.CashUsd] += cash;
    }
}
