namespace SupplySim.Experiments;

/// <summary>
/// The seed of each replicate, a pure function of (scenario seed, replicate index) (docs/experiments.md):
/// replicate 0 runs on the scenario seed itself, so `run` and replicate 0 of any experiment agree; replicate
/// i &gt; 0 runs on SplitMix64's output function applied to seed + i · 0x9E3779B97F4A7C15 (mod 2^64).
/// Every arm of a compare or sweep uses the same seeds (common random numbers).
/// </summary>
public static class ReplicateSeeds
{
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    public static ulong Of(ulong seed, int replicate)
        => replicate == 0 ? seed : Mix(unchecked(seed + (ulong)replicate * Golden));

    /// <summary>SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijection that spreads nearby inputs apart.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    public static ulong[] For(ulong seed, int replicates) => Enumerable.Range(0, replicates).Select(i => Of(seed, i)).ToArray();
}
