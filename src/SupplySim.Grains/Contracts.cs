namespace SupplySim.Grains;

/// <summary>
/// What a client sends to start a run: the compiled scenario (JSON of the Model's WorldSpec) and sharding;
/// <see cref="Replicate"/> (the metrics.csv column) only labels the run's telemetry.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplySim.RunRequest")]
public sealed record RunRequest(
    [property: Id(0)] string SpecJson,
    [property: Id(1)] int FirmsPerShard,
    [property: Id(2)] int PeoplePerShard,
    [property: Id(3)] int Replicate = 0,
    [property: Id(4)] int CheckpointEvery = 0,
    [property: Id(5)] bool CaptureMarket = false);

/// <summary>
/// The shape of a started run: shard count and the metric catalogue (names and dimensions, in value order),
/// and <see cref="Silo"/>, the identity (address, port and generation) of the silo that hosts the run's coordinator.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplySim.RunInfo")]
public sealed record RunInfo(
    [property: Id(0)] int Shards,
    [property: Id(1)] int Ticks,
    [property: Id(2)] string[] Metrics,
    [property: Id(3)] string[] Dimensions,
    [property: Id(4)] long Agents,
    [property: Id(5)] string Silo = "");

/// <summary>
/// One tick's metrics in catalogue order, plus the interventions applied at its start. When the run took a
/// checkpoint after this tick, <see cref="CheckpointBytes"/> is its size (every shard and the coordinator)
/// and <see cref="CheckpointSeconds"/> the time it took; otherwise both are 0.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplySim.TickResult")]
public sealed record TickResult(
    [property: Id(0)] int Tick,
    [property: Id(1)] double[] Values,
    [property: Id(2)] string[] Applied,
    [property: Id(3)] long CheckpointBytes = 0,
    [property: Id(4)] double CheckpointSeconds = 0,
    [property: Id(5)] double[]? MarketSeen = null)
{
    public bool Checkpointed => CheckpointBytes > 0;
}

/// <summary>
/// Initialises a shard grain with the run's spec and its place in the layout; with <see cref="RestoreTick"/>
/// of 0 or more, from the checkpoint taken after that tick. <see cref="Epoch"/> counts the run's rollbacks:
/// batches sent before the latest one are dropped.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplySim.ShardInit")]
public sealed record ShardInit(
    [property: Id(0)] string RunId,
    [property: Id(1)] string SpecJson,
    [property: Id(2)] int ShardIndex,
    [property: Id(3)] int FirmsPerShard,
    [property: Id(4)] int PeoplePerShard,
    [property: Id(5)] int Epoch = 0,
    [property: Id(6)] int RestoreTick = -1);

/// <summary>All messages one shard sent another in one tick, packed (docs/architecture.md#granularity-and-speed).</summary>
[GenerateSerializer, Immutable, Alias("SupplySim.MessageBatch")]
public sealed record MessageBatch(
    [property: Id(0)] int Tick,
    [property: Id(1)] int Source,
    [property: Id(2)] byte[] Payload,
    [property: Id(3)] int Epoch = 0);
