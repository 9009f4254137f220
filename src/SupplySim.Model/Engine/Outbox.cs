using SupplySim.Model.World;

namespace SupplySim.Model.Engine;

/// <summary>Collects a shard's outgoing messages of one tick, grouped by destination shard, in emission order.</summary>
public sealed class Outbox
{
    private readonly Layout _layout;
    private readonly List<Message>?[] _byShard;
    private readonly List<int> _touched = new();

    public Outbox(Layout layout)
    {
        _layout = layout;
        _byShard = new List<Message>?[layout.Shards.Length];
    }

    public void Emit(in Message message)
    {
        var dest = _layout.ShardOf(message.To).Index;
        var list = _byShard[dest];
        if (list is null) _byShard[dest] = list = new List<Message>();
        if (list.Count == 0) _touched.Add(dest);
        list.Add(message);
    }

    /// <summary>Non-empty batches in ascending destination order; clears the outbox.</summary>
    public List<(int Destination, byte[] Payload)> Drain()
    {
        _touched.Sort();
        var result = new List<(int, byte[])>(_touched.Count);
        foreach (var d in _touched)
        {
            var list = _byShard[d]!;
            result.Add((d, Message.Pack(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list))));
            list.Clear();
        }
        _touched.Clear();
        return result;
    }
}
