using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Metrics;
using SupplySim.Model.Randomness;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// Chemical firms of one cohort in one jurisdiction. Licit buyers take their share of capacity first
/// (dual use, L363-L365). A broker's order is filled when it passes KYC screening (L1182-L1190) and,
/// where the sale can be prosecuted (scheduled chemical, or a legal basis for knowing sales, L480), when
/// margin times risk appetite beats the expected penalty. Formal firms adopt KYC when the jurisdiction's
/// adoption level exceeds their own adoption cost; informal sellers never do (L1184, L1470). Where the group states a KYC
/// cost, its formal firms instead decide each month by KYC's economics (<see cref="KycAdoption"/>: incentive, reputation and
/// an inspected mandate's fine against their own cost, R7).
/// </summary>
public sealed class PrecursorSupplierShard : Shard
{
    private struct Supplier
    {
        public double RiskAppetite;
        public double KycCost;
        public double IllicitCapacity;
        public double Available;
        public double Ordered;
        public double Cash;
        public bool Kyc; // runs KYC (firms that decide by its economics)
    }

    private readonly Supplier[] _agents;
    [FixedByLayout] private readonly SupplierGroupSpec _group;
    [FixedByLayout] private readonly bool[] _sells;
    [FixedByLayout] private readonly bool _informal;

    public PrecursorSupplierShard(Layout layout, ShardInfo info) : base(layout, info)
    {
        _group = Spec.Suppliers[info.Group];
        _informal = _group.Cohort == "informal";
        _sells = new bool[Spec.Substances.Length];
        foreach (var s in _group.Products) _sells[s] = true;
        _agents = new Supplier[info.Count];
        for (var i = 0; i < _agents.Length; i++)
        {
            var id = info.FirstAgent + i;
            _agents[i] = new Supplier
            {
                RiskAppetite = RiskDecision.Appetite(CounterRng.Normal(Seed, CounterRng.Stream.SupplierTraits, id, 0), P.RiskAppetiteSigma),
                // Firms adopt in order of this cost: an adoption level of x means the share x of formal firms with the lowest cost.
                KycCost = CounterRng.Uniform(Seed, CounterRng.Stream.SupplierTraits, id, 0, 7),
                IllicitCapacity = _group.CapacityKgPerMonth * (1 - _group.LicitShare),
            };
        }
    }

    protected internal override IShardPart[] Parts => [ShardPart.Array(_agents)];

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, ShardReport report)
    {
        var j = Info.Jurisdiction;
        var signals = ctx.Signals;
        for (var i = 0; i < _agents.Length; i++)
        {
            _agents[i].Available = _agents[i].IllicitCapacity;
            _agents[i].Ordered = 0;
        }
        var pressure = Detection.Either(signals.Pressure[j, Stage.Supplier],
            signals.Intelligence(j) * P.IntelligencePressure);
        // A KYC policy raises adoption to at least its share; groups already above it keep their own.
        var policy = signals.LeverValue(Lever.KycShare, j);
        var kycLevel = double.IsNaN(policy) ? _group.KycShare : Math.Max(_group.KycShare, policy);
        var quality = signals.LeverValue(Lever.KycQuality, j);
        if (double.IsNaN(quality)) quality = _group.KycQuality;
        if (_group.DecidesKyc) DecideKyc(signals, report);

        // First pass: what each supplier is asked for, so that short capacity is shared pro rata.
        foreach (ref readonly var msg in inbox)
        {
            ref var a = ref _agents[msg.To - Info.FirstAgent];
            if (msg.Kind == MessageKind.Payment) a.Cash += msg.Usd;
            else if (msg.Kind == MessageKind.SupplierOrder && _sells[msg.Substance]) a.Ordered += msg.Kg;
        }
        for (var m = 0; m < inbox.Length; m++)
        {
            ref readonly var msg = ref inbox[m];
            ref var a = ref _agents[msg.To - Info.FirstAgent];
            if (msg.Kind != MessageKind.SupplierOrder || !_sells[msg.Substance]) continue;

            var illegality = signals.Illegality(j, msg.Substance);
            if (!RiskDecision.Accepts(P.SupplierMargin, a.RiskAppetite, illegality > 0, pressure * illegality, P.PenaltyMultiple)) continue;
            var key = CounterRng.AgentKey(Seed, CounterRng.Stream.SupplierFill, msg.To);
            var adopted = Adopted(a, kycLevel);
            if (adopted)
            {
                var screen = quality * P.KycMaxScreening * (1 - msg.Aux / 1000.0);
                if (CounterRng.Uniform(key, ctx.Tick, 2 * m) < screen) continue;
            }
            var kg = Math.Min(msg.Kg * Math.Min(1, a.IllicitCapacity / a.Ordered), a.Available);
            if (kg <= 0) continue;
            a.Available -= kg;
            if (illegality > 0 && CounterRng.Uniform(key, ctx.Tick, 2 * m + 1) < pressure * illegality)
            {
                if (Layout.StimulantPrecursor[msg.Substance])
                {
                    report.StimulantPrecursorSeizedKg[Stage.Supplier] += kg;
                    continue;
                }
                report.SeizedKg[Stage.Supplier] += kg;
                report.SeizedValue[j, Stage.Supplier] += kg * Layout.FentanylEquivalentPerKg[msg.Substance];
                continue;
            }
            if (!Layout.StimulantPrecursor[msg.Substance]) report.DivertedBySeller[_informal ? 2 : adopted ? 0 : 1] += kg;
            var usd = kg * Spec.Substances[msg.Substance].PriceUsdPerKg;
            outbox.Emit(new Message(MessageKind.Shipment, msg.To, msg.From, msg.Substance, signals.Scheduled(j, msg.Substance) ? 1 : 0, kg, usd));
        }

        var cash = 0.0;
        var adopters = 0;
        for (var i = 0; i < _agents.Length; i++)
        {
            ref var a = ref _agents[i];
            if (a.Ordered > a.IllicitCapacity && !ctx.SpinUp) // capacity grows from the start on, not in the spin-up
                a.IllicitCapacity = Math.Min(_group.CapacityKgPerMonth, a.IllicitCapacity * (1 + P.SupplierCapacityAdjust));
            cash += _agents[i].Cash;
            if (Adopted(_agents[i], kycLevel)) adopters++;
        }
        report.CashUsd += cash;
        if (!_informal)
        {
            report.KycAdopters[j] += adopters;
            report.FormalSuppliers[j] += _agents.Length;
        }
    }

    private bool Adopted(in Supplier a, double level) => _group.DecidesKyc ? a.Kyc : !_informal && a.KycCost < level;

    /// <summary>
    /// Each formal firm's KYC decision for the month (<see cref="KycAdoption"/>): the jurisdiction's incentive, the group's
    /// reputation value and a mandate's fine times the supplier-stage inspection pressure, against the firm's own cost.
    /// Books what adopters spend on KYC and what incentives are paid.
    /// </summary>
    private void DecideKyc(TickSignals signals, ShardReport report)
    {
        var j = Info.Jurisdiction;
        var incentive = signals.LeverValue(Lever.KycIncentiveUsd, j);
        var benefit = KycAdoption.Benefit(incentive, _group.KycReputationUsdPerMonth,
            signals.LeverValue(Lever.KycMandateFineUsd, j), signals.Pressure[j, Stage.Supplier]);
        for (var i = 0; i < _agents.Length; i++)
        {
            ref var a = ref _agents[i];
            var cost = KycAdoption.Cost(_group.KycCostUsdPerMonth, a.KycCost);
            a.Kyc = KycAdoption.Decide(a.Kyc, benefit, cost, P.KycExitShare);
            if (!a.Kyc) continue;
            report.KycCostUsd[j] += cost;
            report.KycIncentiveUsd[j] += incentive;
        }
    }
}
