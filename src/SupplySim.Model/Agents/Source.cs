using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// One lab's source of precursor: the broker it orders from, how well that broker has delivered lately (its fill memory, 1 when
/// new) and the kg on order. A lab that stops being served drops its source (displacement of sourcing).
/// </summary>
internal struct Source
{
    public int Broker;
    public double Fill;
    public double OnOrderKg;

    public static Source Of(int broker) => new() { Broker = broker, Fill = 1 };

    /// <summary>
    /// One month: what the broker delivered comes off the order book (the rest is partly written off) and into the fill memory.
    /// True when the source has failed, its fill memory below the switch threshold.
    /// </summary>
    public bool Failed(double received, ModelParameters p)
    {
        OnOrderKg = Math.Max(0, OnOrderKg - received) * (1 - p.LabOrderWriteOff);
        Fill = (1 - p.LabFillMemory) * Fill + p.LabFillMemory * (received > 0 ? 1 : 0);
        return Fill < p.LabSwitchThreshold;
    }

    /// <summary>Nothing on order and nothing delivered: no month to judge the broker by.</summary>
    public readonly bool Idle(double received) => OnOrderKg <= 0 && received <= 0;
}

/// <summary>
/// A source for each lab of a shard, as a part: the labs' primary sources, or their second sources (the sourcing mix, L488).
/// </summary>
internal sealed class LabSources(Source[] labs) : IShardPart
{
    /// <summary>By lab index in the shard.</summary>
    public readonly Source[] Labs = labs;

    public ref Source this[int lab] => ref Labs[lab];

    public void Save(BinaryWriter w) => w.WriteArray(Labs);

    public void Load(BinaryReader r) => r.ReadArrayInto(Labs);
}
