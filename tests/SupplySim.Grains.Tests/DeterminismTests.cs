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

    private static async Task<(string Csv, RunOutcome Outcome)> RunOnCluster(int silos, ulong seed)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddSupplySimGrains());
        await using var cluster = builder.Build();
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
    public async Task Should_Write_Byte_Identical_Metrics_On_One_Two_And_Three_Silos_And_On_Repeat()
    {
        var one = await RunOnCluster(1, 20190501);
        var two = await RunOnCluster(2, 20190501);
        var three = await RunOnCluster(3, 20190501);
        var again = await RunOnCluster(2, 20190501);
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
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddSupplySimGrains());
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var run = cluster.Client.GetGrain<IRunGrain>("equivalence");
        var info = await run.Start(new RunRequest(Model.World.SpecJson.Serialize(scenario.Spec), scenario.FirmsPerShard, scenario.PeoplePerShard));
        Assert.Equal(local.Coordinator.Metrics.Catalog.Select(k => k.Metric), info.Metrics);
        var stats = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var shardSilos = stats.Where(s => s.GrainId.ToString().Contains("equivalence/", StringComparison.Ordinal)).Select(s => s.SiloAddress).Distinct().Count();
        Assert.Equal(2, shardSilos);
        for (var t = 0; t < info.Ticks; t++)
        {
            var grain = await run.Tick(t);
            var engine = local.Step();
            Assert.Equal(engine.Select(BitConverter.DoubleToInt64Bits), grain.Values.Select(BitConverter.DoubleToInt64Bits));
        }
        await run.Stop();
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
