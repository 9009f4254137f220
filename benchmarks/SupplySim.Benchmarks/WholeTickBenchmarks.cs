using BenchmarkDotNet.Attributes;
using SupplySim.Model.Engine;

namespace SupplySim.Benchmarks;

/// <summary>
/// One whole tick of the quickstart world (all six kinds, 16 shards, 670,634 agents) in the engine's
/// in-process loop, without Orleans: the reference for the runtime's overhead.
/// </summary>
[MemoryDiagnoser]
public class WholeTickBenchmarks
{
    private LocalEngine _engine = null!;

    [GlobalSetup]
    public void Setup() => _engine = new LocalEngine(BenchmarkWorld.Quickstart());

    [Benchmark]
    public double[] Tick() => _engine.Step();
}
