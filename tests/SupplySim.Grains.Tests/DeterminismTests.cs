using Orleans.Runtime;
using Orleans.TestingHost;
using SupplySim.Experiments.Running;
using SupplySim.Hosting;
using SupplySim.Model.Engine;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Grains.Tests;

/// <summary>
/// The reproducibility contract of docs/architecture.md#the-tick: the same binary, scenario and seed give a
/// byte-identical metrics.csv on 1, 2 and 3 silos and on repeats, and the grains compute exactly what
/// the in-process engine computes.
/// </summary>
public class DeterminismTests
{
    private sealed class NoProgress : IRunProgress
    {
        public int Ticks;
        public void Started(int ticks, int shards, long agents) { }
        public void Ticked(int tick, string date, IReadOnlyList<string> applied) => Ticks++;
    }

    /// <summary>Splits the quickstart (670,634 agents) into parts of 20,000 agents: one part per silo.</summary>
    private static readonly RunSplitting SplitSmall = new(20_000);

    private static InProcessTestCluster Cluster(int silos, RunSplitting? splitting = null)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddSupplySimGrains(splitting));
        return builder.Build();
    }

    private static async Task<(string Csv, RunOutcome Outcome)> RunOnCluster(int silos, ulong seed, RunSplitting? splitting = null)
    {
        await using var cluster = Cluster(silos, splitting);
        await cluster.DeployAsync();
        var scenario = ScenarioLoader.Load(Repo.Scenario("quickstart.yaml"));
        var dir = Repo.TempDir($"silos{silos}");
        try
        {
            var outcome = await RunExecutor.RunAsync(cluster.Client, scenario, seed, dir, new NoProgress(), CancellationToken.None);
            Assert.True(outcome.Completed);
            Assert.Equal(silos, outcome.Silos);
            return (await File.ReadAllTextAsync(Path.Combine(dir, "metrics.csv")), outcome);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Should_Write_Byte_Identical_Metrics_On_One_Two_And_Three_Silos_Whole_Or_Split_And_On_Repeat()
    {
        var one = await RunOnCluster(1, 20190501);
        var two = await RunOnCluster(2, 20190501);
        var three = await RunOnCluster(3, 20190501, SplitSmall);
        var again = await RunOnCluster(2, 20190501, SplitSmall);
        Assert.True(one.Csv.Length > 100_000);
        Assert.Equal(one.Csv, two.Csv);
        Assert.Equal(one.Csv, three.Csv);
        Assert.Equal(one.Csv, again.Csv);
        Assert.True(one.Outcome.DeathsTotal > 0);

        var otherSeed = await RunOnCluster(2, 7);
        Assert.NotEqual(one.Csv, otherSeed.Csv);
    }

    [Fact]
    public async Task Should_Compute_Exactly_What_The_In_Process_Engine_Computes()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("quickstart.yaml"));
        var local = new LocalEngine(scenario.Spec, scenario.FirmsPerShard, scenario.PeoplePerShard);
        await using var cluster = Cluster(2, SplitSmall);
        await cluster.DeployAsync();
        var run = cluster.Client.GetGrain<IRunGrain>("equivalence");
        var info = await run.Start(new RunRequest(Model.World.SpecJson.Serialize(scenario.Spec), scenario.FirmsPerShard, scenario.PeoplePerShard));
        Assert.Equal(local.Coordinator.Metrics.Catalog.Select(k => k.Metric), info.Metrics);
        Assert.Equal(2, (await ShardSilos(cluster, "equivalence")).Length);
        for (var t = 0; t < info.Ticks; t++)
        {
            var grain = await run.Tick(t);
            var engine = local.Step();
            Assert.Equal(engine.Select(BitConverter.DoubleToInt64Bits), grain.Values.Select(BitConverter.DoubleToInt64Bits));
        }
        await run.Stop();
    }

    private static async Task<SiloAddress[]> ShardSilos(InProcessTestCluster cluster, string runId)
    {
        var stats = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return stats.Where(s => s.GrainId.ToString().Contains(runId + "/", StringComparison.Ordinal)).Select(s => s.SiloAddress).Distinct().ToArray();
    }

    [Fact]
    public async Task Should_Place_Every_Shard_On_The_Silo_Of_Its_Run_When_The_Run_Fits_On_One()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("quickstart.yaml"));
        await using var cluster = Cluster(3);
        await cluster.DeployAsync();
        var json = Model.World.SpecJson.Serialize(scenario.Spec);
        foreach (var id in new[] { "whole-a", "whole-b", "whole-c" })
        {
            await cluster.Client.GetGrain<IRunGrain>(id).Start(new RunRequest(json, scenario.FirmsPerShard, scenario.PeoplePerShard));
            var shardSilos = await ShardSilos(cluster, id);
            Assert.Single(shardSilos);
            var stats = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
            Assert.Equal(shardSilos[0], stats.Single(s => s.GrainId.ToString().EndsWith("/" + id, StringComparison.Ordinal)).SiloAddress);
        }
    }

    [Fact]
    public void Should_Keep_Firms_With_The_Coordinator_And_Deal_Populations_Out_By_Size_When_Split()
    {
        var spec = ScenarioLoader.Load(Repo.Path("benchmarks", "scenarios", "national-10m.yaml"));
        var layout = new Model.World.Layout(spec.Spec, spec.FirmsPerShard, spec.PeoplePerShard);
        Assert.Equal(1, RunSplitting.Default.Parts(1_021_049, 2)); // the baseline stays whole
        Assert.Equal(2, RunSplitting.Default.Parts(layout.TotalAgents, 2));
        var parts = RunSplitting.Assign(layout, 2);
        Assert.All(layout.Shards.Where(s => s.Kind != Model.World.ActorKind.UserPopulation), s => Assert.Equal(0, parts[s.Index]));
        var people = new long[2];
        foreach (var s in layout.MarketShards) people[parts[s.Index]] += s.Count;
        Assert.InRange(Math.Abs(people[0] - people[1]), 0, layout.MarketShards.Max(s => s.Count));
    }

    [Fact]
    public async Task Should_Answer_A_Repeated_Step_With_The_Same_Report()
    {
        // A timed-out Step may be retried (CancelRequestOnTimeout is false in Orleans 10): Step must be idempotent per tick.
        var scenario = ScenarioLoader.Load(Repo.Scenario("quickstart.yaml"));
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddSupplySimGrains());
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var json = Model.World.SpecJson.Serialize(scenario.Spec);
        var shard = cluster.Client.GetGrain<IUserPopulationShardGrain>("idem/15");
        var layout = new Model.World.Layout(scenario.Spec, scenario.FirmsPerShard, scenario.PeoplePerShard);
        Assert.Equal(Model.World.ActorKind.UserPopulation, layout.Shards[15].Kind);
        await shard.Init(new ShardInit("idem", json, 15, scenario.FirmsPerShard, scenario.PeoplePerShard));
        var signals = TickSignalsPayload.Of(Model.Engine.InitialSignals.Build(layout));
        var firstTick = -scenario.Spec.SpinUpMonths; // a fresh shard starts with the spin-up (docs/model.md#spin-up)
        var first = await shard.Step(firstTick, signals);
        var repeat = await shard.Step(firstTick, signals);
        Assert.Equal(first.Values, repeat.Values);
        await Assert.ThrowsAnyAsync<Exception>(() => shard.Step(firstTick + 5, signals));
    }
}
