namespace SupplySim.Model.Engine;

/// <summary>Assembles a shard's inbox for one tick: batches sorted by source shard, each in emission order (docs/architecture.md#reproducibility-rules, rule 1).</summary>
public static class Inbox
{
    public static Message[] Assemble(IReadOnlyList<(int Source, byte[] Payload)> batches)
    {
        if (batches.Count == 0) return [];
        var ordered = batches.OrderBy(b => b.Source).ToArray();
        for (var i = 1; i < ordered.Length; i++)
            if (ordered[i].Source == ordered[i - 1].Source)
                throw new InvalidOperationException($"two batches from shard {ordered[i].Source} in one tick");
        var messages = new Message[ordered.Sum(b => Message.Unpack(b.Payload).Length)];
        var at = 0;
        foreach (var b in ordered)
        {
            var batch = Message.Unpack(b.Payload);
            batch.CopyTo(messages.AsSpan(at));
            at += batch.Length;
        }
        return messages;
    }
}
