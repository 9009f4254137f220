using System.Runtime.CompilerServices;

namespace SupplySim.Model.Randomness;

/// <summary>
/// Counter-based random numbers: a draw is a pure function of (run seed, stream, agent id, tick),
/// so results do not depend on which silo ran an agent or in which order shards ran (docs/architecture.md#the-tick
/// rule 2). They do depend on the scenario's sharding settings, which set market boundaries and inbox order. The mixer is SplitMix64's finalizer applied per key word.
/// </summary>
public static class CounterRng
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The mixer's multipliers (SplitMix64's), for the vector kernels that compute <see cref="Mix"/> lane by lane.</summary>
    internal const ulong MixMultiplier1 = 0xBF58476D1CE4E5B9UL, MixMultiplier2 = 0x94D049BB133111EBUL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * MixMultiplier1;
        z = (z ^ (z >> 27)) * MixMultiplier2;
        return z ^ (z >> 31);
    }

    /// <summary>The key of an agent's stream for the whole run; combine with the tick per draw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AgentKey(ulong seed, Stream stream, long agentId)
        => Mix(Mix(seed + Golden * ((ulong)stream + 1)) ^ ((ulong)agentId * Golden));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong agentKey, int tick, int draw = 0)
        => Mix(agentKey + (ulong)(uint)tick * 0xD1B54A32D192ED03UL + (ulong)(uint)draw * 0x8CB92BA72F3D8DD7UL);

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong agentKey, int tick, int draw = 0)
        => (Bits(agentKey, tick, draw) >> 11) * (1.0 / (1UL << 53));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong seed, Stream stream, long agentId, int tick, int draw = 0)
        => Uniform(AgentKey(seed, stream, agentId), tick, draw);

    /// <summary>
    /// The key of one tick of a large homogeneous stream (a population): draws are then
    /// <see cref="UniformAt"/>(tickKey, index), one mix per person (SplitMix64's own construction).
    /// </summary>
    public static ulong TickKey(ulong seed, Stream stream, long group, int tick) => Bits(AgentKey(seed, stream, group), tick);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double UniformAt(ulong tickKey, long index) => (Mix(tickKey + (ulong)index * Golden) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw (Box-Muller on two counter draws).</summary>
    public static double Normal(ulong seed, Stream stream, long agentId, int tick, int draw = 0)
    {
        var key = AgentKey(seed, stream, agentId);
        var u1 = 1.0 - Uniform(key, tick, 2 * draw);
        var u2 = Uniform(key, tick, 2 * draw + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A deterministic pick of one of <paramref name="count"/> items.</summary>
    public static int Index(ulong seed, Stream stream, long agentId, int tick, int count, int draw = 0)
        => (int)(Uniform(seed, stream, agentId, tick, draw) * count);

    /// <summary>Named streams: one per decision, so adding a draw in one rule never shifts another rule's numbers.</summary>
    public enum Stream : uint
    {
        Init = 1,
        PersonTransition = 2,
        PersonTraits = 3,
        PersonRegistry = 4,
        PersonRegistryInit = 5,
        SupplierFill = 10,
        SupplierTraits = 11,
        BrokerChoice = 20,
        BrokerTraits = 21,
        BrokerSupplier = 22,
        BrokerTakedown = 23,
        RouteSeizure = 30,
        LabBroker = 40,
        LabRaid = 41,
        LabTraits = 42,
        LabLaunderer = 43,
        LabRelocation = 44,
    }
}
