using System.Collections.Concurrent;

namespace SupplySim.Grains.Checkpoints;

/// <summary>
/// Where a run's checkpoints live while it runs: one entry per part ("{tick}/run", "{tick}/shard/{index}")
/// under the run's id. Redis when clustered, so that a checkpoint outlives the silo that wrote it; memory
/// when embedded. A run deletes its entries when it stops.
/// </summary>
public interface ICheckpointStore
{
    Task SaveAsync(string runId, string part, byte[] data);

    /// <summary>The part's bytes, or null if it was never saved (or has expired).</summary>
    Task<byte[]?> LoadAsync(string runId, string part);

    Task DeleteAsync(string runId, IReadOnlyCollection<string> parts);

    /// <summary>Deletes every part of the run.</summary>
    Task DeleteRunAsync(string runId);
}

/// <summary>Names of the parts of one checkpoint.</summary>
public static class CheckpointParts
{
    public static string Run(int tick) => $"{tick}/run";

    public static string Shard(int tick, int index) => $"{tick}/shard/{index}";

    /// <summary>Every part of the checkpoint taken after <paramref name="tick"/> in a run of <paramref name="shards"/> shards.</summary>
    public static string[] All(int tick, int shards) => [Run(tick), .. Enumerable.Range(0, shards).Select(i => Shard(tick, i))];
}

/// <summary>
/// Checkpoints in this process's memory: for the embedded silo and in-process test clusters, where no silo dies
/// alone. Every silo of a process shares <see cref="Process"/>, so a grain that moves between silos of an
/// in-process cluster still finds its checkpoint.
/// </summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    /// <summary>The store every silo of this process uses.</summary>
    public static InMemoryCheckpointStore Process { get; } = new();

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> _runs = new(StringComparer.Ordinal);

    public Task SaveAsync(string runId, string part, byte[] data)
    {
        _runs.GetOrAdd(runId, _ => new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal))[part] = data;
        return Task.CompletedTask;
    }

    public Task<byte[]?> LoadAsync(string runId, string part)
        => Task.FromResult(_runs.TryGetValue(runId, out var parts) && parts.TryGetValue(part, out var data) ? data : null);

    public Task DeleteAsync(string runId, IReadOnlyCollection<string> parts)
    {
        if (_runs.TryGetValue(runId, out var stored))
            foreach (var p in parts) stored.TryRemove(p, out _);
        return Task.CompletedTask;
    }

    public Task DeleteRunAsync(string runId)
    {
        _runs.TryRemove(runId, out _);
        return Task.CompletedTask;
    }

    /// <summary>Whether any checkpoint of the run is held (for tests: a stopped run leaves none).</summary>
    public bool Holds(string runId) => _runs.ContainsKey(runId);
}
