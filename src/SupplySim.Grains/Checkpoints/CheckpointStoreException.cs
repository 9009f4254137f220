namespace SupplySim.Grains.Checkpoints;

/// <summary>
/// The checkpoint store failed (Redis unreachable or timing out after its retries). Every failure of a store
/// leaves a grain as this exception (<see cref="GuardedCheckpointStore"/>), which Orleans can carry to the client:
/// the client rolls the run back to its last checkpoint once, and reports one line if the store still fails.
/// </summary>
[GenerateSerializer, Alias("SupplySim.CheckpointStoreException")]
public sealed class CheckpointStoreException : Exception
{
    public CheckpointStoreException() { }

    public CheckpointStoreException(string message) : base(message) { }

    public CheckpointStoreException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// Wraps a checkpoint store so that whatever it throws (a StackExchange.Redis exception, which Orleans has no codec
/// for) reaches the grain's caller as a <see cref="CheckpointStoreException"/> naming the operation and the cause.
/// The cause is kept only as text: an inner exception of a foreign type could not be serialized either.
/// </summary>
public sealed class GuardedCheckpointStore(ICheckpointStore inner) : ICheckpointStore
{
    public Task SaveAsync(string runId, string part, byte[] data) => Guard(() => inner.SaveAsync(runId, part, data), $"save checkpoint part {part}");

    public async Task<byte[]?> LoadAsync(string runId, string part)
    {
        byte[]? data = null;
        await Guard(async () => data = await inner.LoadAsync(runId, part), $"load checkpoint part {part}");
        return data;
    }

    public Task DeleteAsync(string runId, IReadOnlyCollection<string> parts) => Guard(() => inner.DeleteAsync(runId, parts), "delete old checkpoint parts");

    public Task DeleteRunAsync(string runId) => Guard(() => inner.DeleteRunAsync(runId), "delete the run's checkpoints");

    private static async Task Guard(Func<Task> operation, string what)
    {
        try
        {
            await operation();
        }
        catch (CheckpointStoreException)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new CheckpointStoreException($"the checkpoint store could not {what}: {SerializableExceptions.Describe(e)}");
        }
    }
}
