using System.Runtime.InteropServices;

namespace SupplySim.Model.Engine;

public enum MessageKind
{
    /// <summary>Broker asks a supplier for chemicals. Aux: broker disguise skill in thousandths.</summary>
    SupplierOrder = 1,
    /// <summary>Chemicals travel (supplier to broker, broker to lab). Aux: 1 if scheduled where shipped.</summary>
    Shipment = 2,
    /// <summary>Payment for a shipment received.</summary>
    Payment = 3,
    /// <summary>Lab asks a broker for precursor.</summary>
    LabOrder = 4,
    /// <summary>Finished drug from a lab to a user-population shard. Aux: the launderer that collects the proceeds.</summary>
    Drug = 5,
    /// <summary>Drug proceeds (retail to launderer, launderer to lab). Aux: the owning lab.</summary>
    Proceeds = 6,
    /// <summary>Finished drug pressed into counterfeit pills (L417, L2184); otherwise as <see cref="Drug"/>.</summary>
    Pills = 7,
    /// <summary>A lab moves part of its synthesis capacity (Kg, kg a month) to a lab site in another jurisdiction.</summary>
    Relocation = 8,
}

/// <summary>
/// One bilateral exchange between two agents (docs/architecture.md#reproducibility-rules, rule 5: trades are the only agent-to-agent
/// messages). Unmanaged so a batch travels as one byte array.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct Message(MessageKind Kind, int From, int To, int Substance, int Aux, double Kg, double Usd)
{
    public static byte[] Pack(ReadOnlySpan<Message> items) => MemoryMarshal.AsBytes(items).ToArray();

    public static ReadOnlySpan<Message> Unpack(byte[] payload) => MemoryMarshal.Cast<byte, Message>(payload);
}
