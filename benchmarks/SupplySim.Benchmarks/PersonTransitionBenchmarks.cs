using BenchmarkDotNet.Attributes;
using SupplySim.Model.Agents;
using SupplySim.Model.Engine;
using SupplySim.Model.Randomness;
using SupplySim.Model.Reference;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Benchmarks;

/// <summary>
/// The person transitions alone, side by side: the object-per-agent reference (a class per person with a
/// virtual Step in a List, the way Mesa or NetLogo models are written; the Ratio baseline) against the
/// structure-of-arrays kernel on one core and on all cores. Both apply the same rules to the same
/// counter-based draws (PersonStepKernelTests checks they give the same people), starting from the
/// quickstart's initial population, with the rules of a served market.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PeoplePerSecondConfig))]
public class PersonTransitionBenchmarks
{
    private byte[] _state = null!;
    private byte[] _traits = null!;
    private ObjectPerAgentPopulation _reference = null!;
    private PersonRules _rules;
    private readonly long[] _counts = new long[EnumNames.LivingStateCount + 1];
    private int _tick;

    [Params(10_000, 100_000, 1_000_000)]
    public int People { get; set; }

    /// <summary>
    /// Scarce: the quickstart's MOUD places (they can run out, so chunks run in order); Ample: places for
    /// everyone (chunks of 65,536 people run in parallel).
    /// </summary>
    [Params("scarce", "ample")]
    public string Places { get; set; } = "scarce";

    [GlobalSetup]
    public void Setup()
    {
        var spec = BenchmarkWorld.WithOnePopulation(People);
        var layout = new Layout(spec, maxPeoplePerShard: int.MaxValue);
        var shard = (UserPopulationShard)Shard.Create(layout, layout.MarketShards[0]);
        _state = shard.States.ToArray();
        _traits = shard.Traits.ToArray();
        _reference = new ObjectPerAgentPopulation(_state, _traits, shard.Info.FirstInGroup);
        var p = spec.Parameters;
        // A market that serves 90% of demand at the reference potency.
        var market = new RetailMarket.Result(0, p.ReferencePotencyMg, 0, 0.9, 0);
        _rules = shard.Rules(new StepContext(0, InitialSignals.Build(layout)), market);
        if (Places == "ample") _rules = _rules with { FreePlaces = People };
    }

    private PersonRules Next() => _rules with { TickKey = CounterRng.Mix(_rules.TickKey + (ulong)_tick++) };

    [Benchmark(Baseline = true, Description = "object-per-agent reference")]
    public long ObjectPerAgent() => _reference.Step(Next()).Deaths;

    [Benchmark(Description = "SoA kernel, 1 thread")]
    public long StructureOfArraysOneThread()
    {
        var saved = PersonStepKernel.MaxDegreeOfParallelism;
        PersonStepKernel.MaxDegreeOfParallelism = 1;
        try { return PersonStepKernel.Step(_state, _traits, Next(), _counts).Deaths; }
        finally { PersonStepKernel.MaxDegreeOfParallelism = saved; }
    }

    [Benchmark(Description = "SoA kernel, all cores")]
    public long StructureOfArrays() => PersonStepKernel.Step(_state, _traits, Next(), _counts).Deaths;
}
