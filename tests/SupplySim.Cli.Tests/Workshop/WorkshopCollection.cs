using Xunit;

namespace SupplySim.Cli.Tests.Workshop;

/// <summary>
/// The workshop tests start silos, a web server, the CLI and a browser: they run on their own, after the parallel
/// tests, so they do not starve the cluster tests' time-limited joins on a 2-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkshopCollection
{
    public const string Name = "Workshop (not in parallel)";
}
