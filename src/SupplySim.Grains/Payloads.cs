using SupplySim.Model.Engine;
using SupplySim.Model.Metrics;

namespace SupplySim.Grains;

/// <summary>
/// A shard's report on the wire: its flat array only. Both ends build the same <see cref="ReportLayout"/> from the
/// run's spec, so the layout never travels; the receiver reads it back through <see cref="In"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplySim.ShardReportPayload")]
public sealed record ShardReportPayload([property: Id(0)] double[] Values)
{
    public static ShardReportPayload Of(ShardReport report) => new(report.Values);

    public ShardReport In(ReportLayout layout) => new(layout, Values);
}

/// <summary>The tick's blackboard on the wire: its flat array only, read back through <see cref="In"/> with the run's <see cref="SignalLayout"/>.</summary>
[GenerateSerializer, Immutable, Alias("SupplySim.TickSignalsPayload")]
public sealed record TickSignalsPayload([property: Id(0)] double[] Values)
{
    public static TickSignalsPayload Of(TickSignals signals) => new(signals.Values);

    public TickSignals In(SignalLayout layout) => new(layout, Values);
}
