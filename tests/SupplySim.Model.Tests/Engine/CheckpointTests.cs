using System.Reflection;
using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Metrics;
using SupplySim.Model.World;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Model.Tests.Engine;

/// <summary>
/// Checkpoints (issue 5): a run restored from a checkpoint into fresh objects must go on exactly as the
/// run that was never interrupted, and every field of the run's state must be covered by the checkpoint: a shard's
/// through its parts (<see cref="IShardPart"/>, every field saved or marked <see cref="FixedByLayoutAttribute"/>), the run
/// coordinator's likewise (every field plain state, one of its state objects, or marked fixed).
/// </summary>
public class CheckpointTests
{
    /// <summary>The run coordinator's classes whose state a checkpoint holds; the field-coverage test walks all of them.</summary>
    private static IEnumerable<Type> CheckpointedTypes()
        => [typeof(RunCoordinator), typeof(LeverBoard), typeof(TickSignals), typeof(ShardReport), typeof(MetricsComputer)];

    /// <summary>Shards, and the parts they are made of.</summary>
    private static IEnumerable<Type> ShardTypes()
        => typeof(Shard).Assembly.GetTypes().Where(t => !t.IsGenericTypeDefinition && (t.IsSubclassOf(typeof(Shard)) || t == typeof(Shard) || (typeof(IShardPart).IsAssignableFrom(t) && t.IsClass)));

    [Fact]
    public void Should_Hold_Every_Field_Of_Shards_And_Parts_In_A_Part_Or_Mark_It_Fixed()
    {
        // Fails when a shard or part gets a field that is neither a part, nor plain state (an unmanaged value or array, which
        // the round-trip test below scrambles and restores), nor marked [FixedByLayout].
        var problems = new List<string>();
        foreach (var type in ShardTypes())
            foreach (var f in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (!ShardState.Fixed(f) && !ShardState.IsPart(f.FieldType) && !ShardState.IsPlainState(f.FieldType))
                    problems.Add($"{type.Name}.{ShardState.Name(f)} ({f.FieldType.Name}) is neither a part nor plain state: hold it in a part, or mark it [FixedByLayout] if the constructor derives it from the scenario");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("baseline.yaml")]
    [InlineData("china-users.yaml")] // the register's months without use are empty elsewhere
    [InlineData("stimulant-market.yaml")]
    public void Should_Restore_Every_State_Field_Of_Every_Shard(string file)
    {
        // Each state field is scrambled, then the shard is checkpointed and restored into a fresh one: a field that no part
        // saves (or that a part forgets in Save or Load) keeps the fresh shard's value and fails, whatever the scenario does with it.
        var sc = ScenarioLoader.Load(Repo.Scenario(file));
        var run = new LocalEngine(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard);
        for (var t = 0; t < 3; t++) run.Step();
        var fresh = new LocalEngine(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard);
        for (var k = 0; k < run.Shards.Count; k++)
        {
            var fields = ShardState.Fields(run.Shards[k], $"shard {k} ({run.Shards[k].Info.Kind})").ToArray();
            for (var f = 0; f < fields.Length; f++) ShardState.Scramble(fields[f], f);
            ShardCheckpoint.Read(fresh.Shards[k], ShardCheckpoint.Write(run.Shards[k], 2, []));
            ShardState.AssertSame(run.Shards[k], fresh.Shards[k], $"shard {k} ({run.Shards[k].Info.Kind})");
        }
    }

    [Fact]
    public void Should_Hold_Every_Field_Of_The_Run_Coordinator_As_State_Or_Mark_It_Fixed()
    {
        // Fails when the run's state gets a field that is neither plain state (restored by the round trip below), nor one of
        // its state objects, nor marked [FixedByLayout].
        var problems = new List<string>();
        foreach (var type in CheckpointedTypes())
            foreach (var f in ShardState.InstanceFields(type))
                if (!ShardState.Fixed(f) && !ShardState.IsPart(f.FieldType) && !ShardState.IsPlainState(f.FieldType))
                    problems.Add($"{type.Name}.{ShardState.Name(f)} ({f.FieldType.Name}) is neither plain state nor a state object: save it in Save/Load, or mark it [FixedByLayout] if the constructor derives it from the scenario");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("baseline.yaml")]
    [InlineData("reinforce-cooperation.yaml")] // the reciprocity ledger
    public void Should_Restore_Every_State_Field_Of_The_Run_Coordinator(string file)
    {
        // As for shards: every state field is scrambled, checkpointed and restored into a fresh coordinator; a field that Save
        // or Load forgets keeps the fresh coordinator's value and fails.
        var sc = ScenarioLoader.Load(Repo.Scenario(file));
        var run = new LocalEngine(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard);
        for (var t = 0; t < 3; t++) run.Step();
        var fields = ShardState.Fields(run.Coordinator, "coordinator").ToArray();
        for (var f = 0; f < fields.Length; f++) ShardState.Scramble(fields[f], f);
        var fresh = new LocalEngine(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard);
        RunCheckpoint.Read(fresh.Coordinator, RunCheckpoint.Write(run.Coordinator));
        ShardState.AssertSame(run.Coordinator, fresh.Coordinator, "coordinator");
    }

    [Theory]
    [InlineData("baseline.yaml", 40)]
    [InlineData("china-users.yaml", 40)] // a closed market with a register: flags, months without use, NPS and references
    [InlineData("laundering-capacity.yaml", 40)] // launderer loads on the blackboard; the seized total that opens the latent group at about tick 145
    [InlineData("stimulant-market.yaml", 40)] // the markets' stimulant stock and co-user counts, the stimulant price and demand on the blackboard
    [InlineData("kyc-economics.yaml", 90)] // firms' KYC flags, six months into the incentive
    [InlineData("reinforce-cooperation.yaml", 90)] // the reciprocity ledger: an act of 2019-05, past its patience, wearing trust down
    public void Should_Continue_From_A_Checkpoint_Exactly_As_An_Uninterrupted_Run(string file, int at)
        => ContinuesExactly(ScenarioLoader.Load(Repo.Scenario(file)), at);

    [Fact]
    public void Should_Continue_A_Sourcing_Mix_From_A_Checkpoint_Exactly()
    {
        // Each lab's second source (its broker, fill memory and order book) is a part of its own.
        ContinuesExactly(ScenarioRun.Edited("baseline.yaml", edits: d => d.Set("actors.labs[*].second-source-share", 0.3)).Compile());
    }

    [Fact]
    public void Should_Continue_An_Adaptive_Allocation_From_A_Checkpoint_Exactly()
    {
        // The learnt allocation is agency state (by tick 40 CN-MPS's has moved far from the scripted one): it must survive the restore.
        var sc = ScenarioRun.Edited("baseline.yaml", edits: AdaptiveAllocationRunTests.Adaptive).Compile();
        Assert.Contains(sc.Spec.Agencies, a => a.AdaptiveAllocation > 0);
        ContinuesExactly(sc);
    }

    [Fact]
    public void Should_Continue_Launderers_Innovation_From_A_Checkpoint_Exactly()
    {
        // The risk multipliers live on the run's blackboard; by tick 40 the CN mirror networks' has fallen to about 0.83.
        var sc = ScenarioRun.Edited("baseline.yaml", edits: LaunderingInnovationTests.Innovating).Compile();
        Assert.Contains(sc.Spec.Launderers, l => l.InnovationRate > 0);
        ContinuesExactly(sc);
    }

    [Fact]
    public void Should_Continue_An_Intelligence_Queue_From_A_Checkpoint_Exactly()
    {
        // The trilateral channel from 2014, every Chinese sale actionable and a slow queue: by tick 40 CN-MPS holds waiting
        // leads (agency state), which the restore must bring back.
        var document = ScenarioRun.Edited("intelligence-queue.yaml", interventions: ["{ type: legal-basis-unscheduled, date: 2014-06, jurisdiction: CN, intensity: 1.0 }"], edits: d => d
            .Set("intelligence-queues[agency=CN-MPS].usd-per-lead", 100000000)
            .Set("add-interventions[type=trilateral-mechanism].date", "2014-06"));
        var waiting = ScenarioRun.Of(document).Value(40, "intelligence_queue_leads", "agency=CN-MPS");
        Assert.True(waiting > 1, $"{waiting} leads waiting at tick 40");
        ContinuesExactly(document.Compile());
    }

    private static void ContinuesExactly(Scenario sc, int at = 40)
    {
        var uninterrupted = new LocalEngine(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard);
        Assert.Equal(Enum.GetValues<ActorKind>().Length, uninterrupted.Shards.Select(s => s.Info.Kind).Distinct().Count());
        var expected = Enumerable.Range(0, sc.Spec.Ticks).Select(_ => uninterrupted.Step()).ToList();

        // Checkpoint after tick `at` (40: levers ramping, trust shocked, people in every state), restore into fresh objects, finish.
        var first = new LocalEngine(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard);
        var actual = Enumerable.Range(0, at + 1).Select(_ => first.Step()).ToList();
        var checkpoint = first.Save();
        var second = new LocalEngine(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard);
        second.Restore(checkpoint);
        Assert.Equal(at + 1, second.NextTick);
        ShardState.AssertSame(first.Coordinator, second.Coordinator, "coordinator");
        for (var k = 0; k < first.Shards.Count; k++) ShardState.AssertSame(first.Shards[k], second.Shards[k], $"shard {k}");
        while (second.NextTick < sc.Spec.Ticks) actual.Add(second.Step());

        Assert.Equal(expected.Count, actual.Count);
        for (var t = 0; t < expected.Count; t++)
            Assert.True(expected[t].Select(BitConverter.DoubleToInt64Bits).SequenceEqual(actual[t].Select(BitConverter.DoubleToInt64Bits)), $"tick {t} differs after restoring at {at}");
    }

    [Fact]
    public void Should_Reject_A_Checkpoint_Of_Another_Shard()
    {
        var sc = ScenarioLoader.Load(Repo.Scenario("quickstart.yaml"));
        var engine = new LocalEngine(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard);
        engine.Step();
        var (run, shards) = engine.Save();
        var swapped = shards.ToArray();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
        var fresh = new LocalEngine(sc.Spec, sc.FirmsPerShard, sc.PeoplePerShard);
        Assert.Throws<CheckpointException>(() => fresh.Restore((run, swapped)));
    }
}
