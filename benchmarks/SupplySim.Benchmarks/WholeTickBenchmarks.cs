using BenchmarkDotNet.Attributes;
using Orleans.TestingHost;
using SupplySim.Hosting;
using SupplySim.Grains;
using SupplySim.Model.Engine;
using SupplySim.Model.World;

namespace SupplySim.Benchmarks;

/// <summary>
/// One whole tick of the quickstart world (all six kinds, 670,634 agents), side by side: the engine's
/// in-process loop without Orleans (the Ratio baseline), and the same tick through Orleans: RunGrain.Tick
/// on a one-silo in-process cluster hosted in [GlobalSetup] (barrier, grain calls, message batches
/// between shard grains, report folding). The Ratio column is the runtime's overhead. Both tick on past the
/// scenario's end (the world keeps running with the last levers), so any number of invocations works.
/// </summary>
[MemoryDiagnoser]
public class WholeTickBenchmarks
{
    private LocalEngine _engine = null!;
    private InProcessTestCluster? _cluster;
    private IRunGrain _run = null!;
    private int _tick;

    [GlobalSetup(Target = nameof(InProcessLoop))]
    public void SetupLocal()
    {
        var scenario = BenchmarkWorld.QuickstartScenario();
        _engine = new LocalEngine(scenario.Spec, scenario.FirmsPerShard, scenario.PeoplePerShard);
    }

    [GlobalSetup(Target = nameof(Orleans))]
    public void SetupOrleans()
    {
        var scenario = BenchmarkWorld.QuickstartScenario();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        // The same registrations as every SupplySim silo (placement director, checkpoint store, exception filter).
        builder.ConfigureSilo((_, silo) => silo.AddSupplySimGrains());
        _cluster = builder.Build();
        _cluster.DeployAsync().GetAwaiter().GetResult();
        _run = _cluster.Client.GetGrain<IRunGrain>("benchmark");
        _run.Start(new RunRequest(SpecJson.Serialize(scenario.Spec), scenario.FirmsPerShard, scenario.PeoplePerShard)).GetAwaiter().GetResult();
        _tick = 0;
    }

    [GlobalCleanup(Target = nameof(Orleans))]
    public void CleanupOrleans()
    {
        if (_cluster is null) return;
        _run.Stop().GetAwaiter().GetResult();
        _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _cluster = null;
    }

    [Benchmark(Baseline = true, Description = "in-process loop (LocalEngine)")]
    public double[] InProcessLoop() => _engine.Step();

    [Benchmark(Description = "Orleans, 1 in-process silo (RunGrain.Tick)")]
    public double[] Orleans() => _run.Tick(_tick++).GetAwaiter().GetResult().Values;
}
