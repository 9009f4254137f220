using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks/SupplySim.Benchmarks -- --filter '*'
// CI smoke run (one invocation each): add --job Dry --inProcess
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

public partial class Program;
