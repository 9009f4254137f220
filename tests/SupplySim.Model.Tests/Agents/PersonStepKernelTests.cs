using SupplySim.Model.Agents;
using SupplySim.Model.Randomness;
using SupplySim.Model.Reference;
using SupplySim.Model.Rules;
using SupplySim.Model.World;
using Xunit;

namespace SupplySim.Model.Tests.Agents;

/// <summary>
/// The structure-of-arrays kernel and the object-per-agent reference apply the same rules to the same
/// draws (so the benchmark's speed-up compares like with like), and the kernel's chunked parallel path
/// gives the same people as its sequential path whatever the degree of parallelism.
/// </summary>
public class PersonStepKernelTests
{
    private static (byte[] State, byte[] Traits) Population(int people, ulong seed)
    {
        var state = new byte[people];
        var traits = new byte[people];
        for (var i = 0; i < people; i++)
        {
            var u = CounterRng.UniformAt(seed, i);
            state[i] = (byte)(u < 0.05 ? PersonState.Use : u < 0.15 ? PersonState.Oud : u < 0.18 ? PersonState.Moud : u < 0.22 ? PersonState.Remission : u < 0.23 ? PersonState.Dead : PersonState.NoUse);
            if (CounterRng.UniformAt(seed + 1, i) < 0.1) traits[i] = 1;
        }
        return (state, traits);
    }

    /// <summary>Rules harsh enough that every branch is taken often: high hazard, scarce or ample places, stimulant uptake.</summary>
    private static PersonRules RulesAt(int tick, long firstIndex, long freePlaces)
    {
        var p = new ModelParameters { StimulantUptakeRate = 0.05, TreatmentEntryRate = 0.2 };
        var hazard = new OverdoseHazard(p with { OverdoseHazardOud = 0.02 }, 2 * p.ReferencePotencyMg, 0.9, 0.1);
        return new PersonRules(CounterRng.TickKey(42, CounterRng.Stream.PersonTransition, 0, tick), firstIndex, hazard, 0.01, 0.05, freePlaces, p);
    }

    [Theory]
    [InlineData(5_000, 100)]        // one chunk, places run out
    [InlineData(5_000, 1_000_000)]  // one chunk, places never run out
    [InlineData(300_000, 2_000)]    // several chunks, places run out mid-population (chunks in order)
    [InlineData(300_000, 1_000_000)] // several chunks in parallel (places cannot run out)
    [InlineData(300_000, 0)]        // no places at all
    public void Should_Give_The_Same_People_As_The_Object_Per_Agent_Reference(int people, long freePlaces)
    {
        var (state, traits) = Population(people, 7);
        var reference = new ObjectPerAgentPopulation(state, traits, 1_000);
        var counts = new long[EnumNames.LivingStateCount + 1];
        for (var tick = 0; tick < 6; tick++)
        {
            var rules = RulesAt(tick, 1_000, freePlaces);
            var soa = PersonStepKernel.Step(state, traits, rules, counts);
            var obj = reference.Step(rules);
            Assert.Equal(obj, soa);
            Assert.Equal(reference.Counts.ToArray(), counts);
        }
        var people2 = reference.Agents.Cast<ObjectPerAgentPopulation.Person>().ToArray();
        Assert.Equal(people2.Select(p => (byte)p.State), state);
        Assert.Equal(people2.Select(p => (byte)(p.Stimulant ? 1 : 0)), traits);
    }

    [Theory]
    [InlineData(3_000)]
    [InlineData(10_000_000)]
    public void Should_Not_Depend_On_The_Degree_Of_Parallelism(long freePlaces)
    {
        var (s1, t1) = Population(400_000, 9);
        var (s2, t2) = Population(400_000, 9);
        var c1 = new long[EnumNames.LivingStateCount + 1];
        var c2 = new long[EnumNames.LivingStateCount + 1];
        var saved = PersonStepKernel.MaxDegreeOfParallelism;
        try
        {
            for (var tick = 0; tick < 4; tick++)
            {
                var rules = RulesAt(tick, 0, freePlaces);
                PersonStepKernel.MaxDegreeOfParallelism = 1;
                var a = PersonStepKernel.Step(s1, t1, rules, c1);
                PersonStepKernel.MaxDegreeOfParallelism = 4;
                var b = PersonStepKernel.Step(s2, t2, rules, c2);
                Assert.Equal(a, b);
                Assert.Equal(c1, c2);
            }
            Assert.Equal(s1, s2);
            Assert.Equal(t1, t2);
        }
        finally
        {
            PersonStepKernel.MaxDegreeOfParallelism = saved;
        }
    }

    [Theory]
    [InlineData(70_001, 500)]     // places run out inside a block (person by person there)
    [InlineData(70_001, 100_000)] // places never run out; 70,001 is no multiple of 4 or 8, so the scalar tail runs too
    [InlineData(70_001, 0)]       // no places at all: treatment closed from the first person
    public void Should_Give_The_Same_People_On_Every_Vector_Path_As_The_Scalar_Path(int people, long freePlaces)
    {
        var saved = PersonStepKernel.Path;
        try
        {
            foreach (var path in KernelPaths.Available.Where(p => p != KernelPath.Scalar))
            {
                var (s1, t1) = Population(people, 11);
                var (s2, t2) = Population(people, 11);
                var c1 = new long[EnumNames.LivingStateCount + 1];
                var c2 = new long[EnumNames.LivingStateCount + 1];
                for (var tick = 0; tick < 4; tick++)
                {
                    var rules = RulesAt(tick, 3, freePlaces);
                    PersonStepKernel.Path = KernelPath.Scalar;
                    var a = PersonStepKernel.Step(s1, t1, rules, c1);
                    PersonStepKernel.Path = path;
                    var b = PersonStepKernel.Step(s2, t2, rules, c2);
                    Assert.Equal(a, b);
                    Assert.Equal(c1, c2);
                }
                Assert.Equal(s1, s2);
                Assert.Equal(t1, t2);
            }
        }
        finally
        {
            PersonStepKernel.Path = saved;
        }
    }
}
