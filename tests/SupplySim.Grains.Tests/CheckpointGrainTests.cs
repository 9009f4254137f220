using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SupplySim.Grains.Checkpoints;
using SupplySim.Hosting;
using SupplySim.Model.Engine;
using SupplySim.Model.World;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Grains.Tests;

/// <summary>
/// Checkpoints through the grains (issue 5): a run rolled back to a checkpoint on a two-silo cluster replays
/// exactly what the in-process engine computes, stale batches of the abandoned ticks are dropped, and a
/// stopped run leaves no checkpoint behind.
/// </summary>
public class CheckpointGrainTests
{
    [Fact]
    public async Task Should_Replay_The_Same_Metrics_After_Rolling_Back_To_A_Checkpoint()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddSupplySimGrains());
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var scenario = ScenarioLoader.Load(Repo.Scenario("quickstart.yaml"));
        var engine = new LocalEngine(scenario.Spec, scenario.FirmsPerShard, scenario.PeoplePerShard);
        var expected = Enumerable.Range(0, scenario.Spec.Ticks).Select(_ => engine.Step()).ToArray();

        var request = new RunRequest(SpecJson.Serialize(scenario.Spec), scenario.FirmsPerShard, scenario.PeoplePerShard, CheckpointEvery: 5);
        var run = cluster.Client.GetGrain<IRunGrain>("checkpoint-test");
        var info = await run.Start(request);
        for (var t = 0; t < 23; t++)
        {
            var r = await run.Tick(t);
            Assert.Equal((t + 1) % 5 == 0, r.Checkpointed);
            AssertSame(expected[t], r.Values, t);
        }

        // Ticks 20-22 ran (and delivered batches for 23); roll back to the checkpoint after tick 19, then after 14
        // (the one before it is kept too), and replay.
        foreach (var back in new[] { 19, 14 })
        {
            await run.Restore(request, back, back == 19 ? 1 : 2);
            for (var t = back + 1; t < (back == 19 ? 22 : info.Ticks); t++) AssertSame(expected[t], (await run.Tick(t)).Values, t);
        }
        await run.Stop();

        Assert.Same(InMemoryCheckpointStore.Process, ((InProcessSiloHandle)cluster.Silos[1]).ServiceProvider.GetRequiredService<ICheckpointStore>());
        Assert.False(InMemoryCheckpointStore.Process.Holds("checkpoint-test"));
    }

    private static void AssertSame(double[] expected, double[] actual, int tick)
        => Assert.True(expected.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(actual.Select(BitConverter.DoubleToInt64Bits)), $"tick {tick} differs");
}
