using SupplySim.Model.Metrics;
using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// Laundering networks of one method in one jurisdiction (L421-L444). They take proceeds from retail
/// markets, lose a share to anti-money-laundering detection (method risk times the jurisdiction's money
/// pressure), keep a fee, and pay the rest to the lab that owns the proceeds one month later.
/// </summary>
public sealed class MoneyLaundererShard : Shard
{
    private readonly double[] _cash;
    [FixedByLayout] private readonly LaundererGroupSpec _group;

    public MoneyLaundererShard(Layout layout, ShardInfo info) : base(layout, info)
    {
        _group = Spec.Launderers[info.Group];
        _cash = new double[info.Count];
    }

    /// <summary>Each network's fees kept.</summary>
    protected internal override IShardPart[] Parts => [ShardPart.Array(_cash)];

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, ShardReport report)
    {
        var seizeShare = Laundering.SeizureShare(ctx.Signals, P, _group, Info.Group);
        var method = (int)_group.Method;
        foreach (ref readonly var msg in inbox)
        {
            if (msg.Kind != MessageKind.Proceeds) continue;
            var i = msg.To - Info.FirstAgent;
            var seized = msg.Usd * seizeShare;
            var fee = (msg.Usd - seized) * _group.Fee;
            var forward = msg.Usd - seized - fee;
            report.LaunderedUsd[method] += msg.Usd;
            report.LaunderedByGroup[Info.Group] += msg.Usd;
            report.SeizedUsd[method] += seized;
            report.SeizedValue[Info.Jurisdiction, Stage.Money] += seized;
            _cash[i] += fee;
            if (forward > 0)
            {
                outbox.Emit(new Message(MessageKind.Proceeds, msg.To, msg.Aux, -1, msg.To, 0, forward));
                report.InFlightUsd += forward;
            }
        }
        foreach (var c in _cash) report.CashUsd += c;
    }
}
