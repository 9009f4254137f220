using BenchmarkDotNet.Attributes;
using SupplySim.Model.Engine;
using SupplySim.Model.Metrics;
using SupplySim.Model.World;

namespace SupplySim.Benchmarks;

/// <summary>
/// One monthly step of a user population (the hot loop: market clearing, then every person's transition
/// and overdose draw). Throughput in people per second = People / mean time. With <see cref="Register"/>, the
/// population is a closed market keeping China's register (china-users.yaml's settings), so the cost of the
/// registry pass shows against the plain step.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PeoplePerSecondConfig))]
public class UserPopulationStepBenchmarks
{
    private Shard _shard = null!;
    private Outbox _outbox = null!;
    private TickSignals _signals = null!;
    private ShardReport _report = null!;
    private Message[] _inbox = null!;
    private int _tick;

    [Params(10_000, 100_000, 1_000_000)]
    public int People { get; set; }

    [Params(false, true)]
    public bool Register { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var spec = BenchmarkWorld.WithOnePopulation(People);
        var kg = People * 0.2 * 60 * 1.5 / 1e6;
        if (Register)
            spec = spec with
            {
                Populations = [spec.Populations[0] with
                {
                    InitialUse = 0.45, InitialOud = 0, InitialMoud = 0, InitialRemission = 0,
                    SuppliedByLabs = false, OutsideSupplyKgPerMonth = kg, ProgressionRate = 0, OverdoseHazardScale = 0,
                    RegistrationRate = 0.1, InitialRegisteredShare = 0.07, RegisteredCessationRate = 0.024,
                    NpsShare = 0.06, NpsSubstitution = 0.005,
                }],
            };
        var layout = new Layout(spec, maxPeoplePerShard: int.MaxValue);
        var info = layout.MarketShards[0];
        _shard = Shard.Create(layout, info);
        _outbox = new Outbox(layout);
        _signals = InitialSignals.Build(layout);
        _report = layout.Reports.New();
        // A month's supply for this many people arrives each tick, from one lab.
        var lab = layout.Shards.First(s => s.Kind == ActorKind.CartelLab).FirstAgent;
        _inbox = Register ? [] : [new Message(MessageKind.Drug, lab, info.FirstAgent, 0, -1, kg, 0)];
    }

    [Benchmark]
    public void Step()
    {
        _shard.Step(new StepContext(_tick++, _signals), _inbox, _outbox, _report);
        _outbox.Drain();
    }
}
