using Orleans.Serialization.Serializers;

namespace SupplySim.Grains;

/// <summary>
/// A grain call failed with an exception Orleans cannot serialize (a type from a library without an Orleans codec,
/// e.g. StackExchange.Redis, or a Model exception); <see cref="SerializableExceptionFilter"/> replaces it with this,
/// keeping its type and first line, so that the caller gets a clear failure instead of a CodecNotFoundException.
/// </summary>
[GenerateSerializer, Alias("SupplySim.GrainFailureException")]
public sealed class GrainFailureException : Exception
{
    public GrainFailureException() { }

    public GrainFailureException(string message) : base(message) { }

    public GrainFailureException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>Describes exceptions in one line, for messages that cross to the client.</summary>
public static class SerializableExceptions
{
    /// <summary>"Type: first line of the message", with the innermost cause when it says more.</summary>
    public static string Describe(Exception e)
    {
        var root = e;
        while (root.InnerException is { } inner && root is not AggregateException) root = inner;
        var text = $"{e.GetType().Name}: {FirstLine(e.Message)}";
        return ReferenceEquals(root, e) ? text : $"{text} ({root.GetType().Name}: {FirstLine(root.Message)})";
    }

    /// <summary>The first line of a message, at most 300 characters.</summary>
    public static string FirstLine(string message)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}

/// <summary>
/// Every SupplySim silo runs this filter on incoming grain calls: an exception that Orleans could not send back
/// (no codec for its type or for one of its inner exceptions) is replaced by a <see cref="GrainFailureException"/>,
/// so a failure inside a grain never turns into a serialization error at the caller.
/// </summary>
public sealed class SerializableExceptionFilter(IFieldCodecProvider codecs) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (!CanSerialize(e))
        {
            throw new GrainFailureException($"{context.ImplementationMethod?.DeclaringType?.Name}.{context.ImplementationMethod?.Name} failed: {SerializableExceptions.Describe(e)}");
        }
    }

    /// <summary>Whether Orleans has a codec for the exception's type and for every exception inside it.</summary>
    public bool CanSerialize(Exception e)
    {
        if (codecs.TryGetCodec(e.GetType()) is null) return false;
        if (e is AggregateException a) return a.InnerExceptions.All(CanSerialize);
        return e.InnerException is null || CanSerialize(e.InnerException);
    }
}
