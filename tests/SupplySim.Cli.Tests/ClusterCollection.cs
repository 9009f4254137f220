using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// The cluster tests start redis-server, silo processes and the CLI, and their joins and errors are held to time
/// limits (15 s): they run on their own, after the parallel tests, so that the rest of the suite cannot starve them
/// on a 2-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster (not in parallel)";
}
