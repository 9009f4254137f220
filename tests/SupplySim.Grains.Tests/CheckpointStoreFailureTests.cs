using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using StackExchange.Redis;
using SupplySim.Cli.Rendering;
using SupplySim.Experiments.Running;
using SupplySim.Grains.Checkpoints;
using SupplySim.Hosting;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Grains.Tests;

/// <summary>
/// A failing checkpoint store (Redis dropping its connection under load) must never reach the client as an exception
/// Orleans cannot serialize (it did: CodecNotFoundException for RedisConnectionException, an unhandled crash). A failure
/// that passes rolls the run back to its last checkpoint with the same results; a store that stays down ends the run
/// with one line (ClusterLostException: exit code 2). Any other exception without a codec arrives as GrainFailureException.
/// </summary>
public class CheckpointStoreFailureTests
{
    /// <summary>An in-memory store that throws RedisConnectionException, as StackExchange.Redis does, from the first operation on a part of tick 11.</summary>
    private sealed class FailingStore(bool staysDown) : ICheckpointStore
    {
        private readonly InMemoryCheckpointStore _inner = new();
        private int _failures;

        public int Failures => _failures;

        private void MaybeFail(string part)
        {
            var due = part.StartsWith("11/", StringComparison.Ordinal);
            if (staysDown ? !due && Volatile.Read(ref _failures) == 0 : !due || Interlocked.CompareExchange(ref _failures, 1, 0) != 0) return;
            if (staysDown) Interlocked.Increment(ref _failures);
            throw new RedisConnectionException(ConnectionFailureType.SocketFailure, "No connection is active/available to service this operation: HSET supplysim/test");
        }

        public Task SaveAsync(string runId, string part, byte[] data)
        {
            MaybeFail(part);
            return _inner.SaveAsync(runId, part, data);
        }

        public Task<byte[]?> LoadAsync(string runId, string part)
        {
            MaybeFail(part);
            return _inner.LoadAsync(runId, part);
        }

        public Task DeleteAsync(string runId, IReadOnlyCollection<string> parts)
        {
            foreach (var p in parts) MaybeFail(p);
            return _inner.DeleteAsync(runId, parts);
        }

        public Task DeleteRunAsync(string runId)
        {
            MaybeFail("");
            return _inner.DeleteRunAsync(runId);
        }
    }

    private sealed class Quiet : IRunProgress
    {
        public List<RunRecovery> Recoveries { get; } = [];
        public void Started(int ticks, int shards, long agents) { }
        public void Ticked(int tick, string date, IReadOnlyList<string> applied) { }
        public void Recovered(RunRecovery recovery) => Recoveries.Add(recovery);
    }

    private static async Task<InProcessTestCluster> Cluster(ICheckpointStore store)
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(store);
            silo.AddSupplySimGrains();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    [Fact]
    public async Task Should_Roll_Back_And_Give_The_Same_Metrics_When_The_Checkpoint_Store_Fails_Once()
    {
        var store = new FailingStore(staysDown: false);
        await using var cluster = await Cluster(store);
        var scenario = ScenarioLoader.Load(Repo.Scenario("quickstart.yaml"));
        var (clean, flaky) = (Repo.TempDir("store-clean"), Repo.TempDir("store-flaky"));
        try
        {
            var progress = new Quiet();
            var expected = await RunExecutor.RunAsync(cluster.Client, scenario, 7, clean, new Quiet(), CancellationToken.None, checkpointEvery: 0); // no checkpoint: the store is not touched
            Assert.True(expected.Completed);
            var outcome = await RunExecutor.RunAsync(cluster.Client, scenario, 7, flaky, progress, CancellationToken.None, checkpointEvery: 6);

            Assert.True(outcome.Completed);
            Assert.Equal(1, store.Failures);
            var recovery = Assert.Single(progress.Recoveries);
            Assert.False(recovery.SiloLost);
            Assert.Equal(11, recovery.FailedAtTick); // the checkpoint after tick 11 failed...
            Assert.Equal(5, recovery.RestoredTick); // ...so the run went back to the one after tick 5
            Assert.StartsWith("CheckpointStoreException: the checkpoint store could not save checkpoint part 11/", recovery.Cause);
            Assert.Contains("RedisConnectionException", recovery.Cause);
            Assert.StartsWith("recovered: the checkpoint store failed at tick 12", ConsoleProgress.RecoveryLine(recovery));
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(clean, "metrics.csv")), await File.ReadAllBytesAsync(Path.Combine(flaky, "metrics.csv")));
        }
        finally
        {
            foreach (var d in new[] { clean, flaky }) Directory.Delete(d, recursive: true);
        }
    }

    [Fact]
    public async Task Should_End_With_One_Line_When_The_Checkpoint_Store_Stays_Down()
    {
        await using var cluster = await Cluster(new FailingStore(staysDown: true));
        var scenario = ScenarioLoader.Load(Repo.Scenario("quickstart.yaml"));
        var dir = Repo.TempDir("store-down");
        try
        {
            var lost = await Assert.ThrowsAsync<ClusterLostException>(() =>
                RunExecutor.RunAsync(cluster.Client, scenario, 7, dir, new Quiet(), CancellationToken.None, checkpointEvery: 6));
            Assert.StartsWith("the run's checkpoints could not be read back to roll it back to tick 6: CheckpointStoreException: the checkpoint store could not load", lost.Message);
            Assert.DoesNotContain('\n', lost.Message);
            Assert.Contains("\"completed\": false", await File.ReadAllTextAsync(Path.Combine(dir, "manifest.json")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Should_Carry_An_Exception_Orleans_Has_No_Codec_For_As_A_GrainFailureException()
    {
        await using var cluster = await Cluster(new InMemoryCheckpointStore());
        var scenario = ScenarioLoader.Load(Repo.Scenario("quickstart.yaml"));
        var request = new RunRequest(SupplySim.Model.World.SpecJson.Serialize(scenario.Spec), scenario.FirmsPerShard, scenario.PeoplePerShard, CheckpointEvery: 6);
        // No checkpoint after tick 40: the Model's CheckpointException, which has no Orleans codec.
        var failure = await Assert.ThrowsAsync<GrainFailureException>(() => cluster.Client.GetGrain<IRunGrain>("no-codec").Restore(request, 40, 1));
        Assert.Contains("CheckpointException: run no-codec has no checkpoint after tick 40", failure.Message);
    }
}
