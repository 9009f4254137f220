using BenchmarkDotNet.Attributes;
using SupplySim.Model.Engine;
using SupplySim.Model.Metrics;
using SupplySim.Model.World;

namespace SupplySim.Benchmarks;

/// <summary>
/// One step of every shard of one actor kind in the quickstart world, with the inboxes and signals of a
/// warmed-up world (24 ticks run first, so orders, shipments and payments are flowing): PrecursorSupplier
/// and Broker are the two halves of supplier-broker matching (brokers choose suppliers and split orders;
/// suppliers screen and fill them), CartelLab the lab step (buying, synthesis, shipping to markets),
/// UserPopulation the retail market and people. The same inbox is replayed every invocation.
/// </summary>
[MemoryDiagnoser]
public class ShardStepBenchmarks
{
    private const int WarmTicks = 24;
    private Shard[] _shards = [];
    private Message[][] _inboxes = [];
    private Outbox[] _outboxes = [];
    private ShardReport _report = null!;
    private TickSignals _signals = null!;
    private int _tick;

    [Params(ActorKind.PrecursorSupplier, ActorKind.Broker, ActorKind.CartelLab, ActorKind.MoneyLaunderer, ActorKind.UserPopulation)]
    public ActorKind Kind { get; set; }

    /// <summary>Agents stepped per invocation.</summary>
    public long Agents => _shards.Sum(s => s.AgentCount);

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BenchmarkWorld.QuickstartScenario();
        var layout = new Layout(scenario.Spec, scenario.FirmsPerShard, scenario.PeoplePerShard);
        var coordinator = new RunCoordinator(layout);
        var shards = layout.Shards.Select(s => Shard.Create(layout, s)).ToArray();
        var outboxes = shards.Select(_ => new Outbox(layout)).ToArray();
        var current = shards.Select(_ => new List<(int, byte[])>()).ToArray();
        var next = shards.Select(_ => new List<(int, byte[])>()).ToArray();
        for (var tick = coordinator.FirstTick; tick < WarmTicks; tick++) // from the spin-up, as a run does
        {
            var ctx = new StepContext(tick, coordinator.BeginTick(tick));
            var folded = coordinator.Reports.New();
            for (var k = 0; k < shards.Length; k++)
            {
                var report = coordinator.Reports.New();
                shards[k].Step(ctx, Inbox.Assemble(current[k]), outboxes[k], report);
                foreach (var (dest, payload) in outboxes[k].Drain()) next[dest].Add((k, payload));
                folded.Add(report);
            }
            foreach (var list in current) list.Clear();
            (current, next) = (next, current);
            coordinator.EndTick(tick, folded);
        }
        _signals = coordinator.BeginTick(WarmTicks);
        var mine = Enumerable.Range(0, shards.Length).Where(k => shards[k].Info.Kind == Kind).ToArray();
        _shards = mine.Select(k => shards[k]).ToArray();
        _inboxes = mine.Select(k => Inbox.Assemble(current[k])).ToArray();
        _outboxes = mine.Select(k => outboxes[k]).ToArray();
        _report = layout.Reports.New();
        _tick = WarmTicks;
    }

    [Benchmark]
    public void StepAllShardsOfKind()
    {
        var ctx = new StepContext(_tick++, _signals);
        for (var k = 0; k < _shards.Length; k++)
        {
            _shards[k].Step(ctx, _inboxes[k], _outboxes[k], _report);
            _outboxes[k].Drain();
        }
    }
}
