using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// The user-population hot loop: one monthly transition per person over a structure of arrays (one state
/// byte, one trait byte). It computes exactly the rules of the plain if/else chain of the original loop
/// (kept as the object-per-agent reference, <see cref="Reference.ObjectPerAgentPopulation"/>) with:
/// <list type="bullet">
/// <item>thresholds precomputed once per tick per (state, stimulant) pair, in the integer domain: a draw is
/// u = r * 2^-53 with r = Mix(key) &gt;&gt; 11, and u &lt; t exactly when r &lt; ceil(t * 2^53) (both sides exact), so a
/// transition is three integer compares and a table look-up, with no branch on the state and no
/// int-to-double conversion;</item>
/// <item>the person's key advanced by addition (key + index * golden, incrementally) instead of re-derived;</item>
/// <item>state counts taken per chunk with vectorised counting instead of a dependent histogram update;</item>
/// <item>large shards split into chunks of a fixed <see cref="ChunkSize"/> people (set by the data, never by
/// the core count) run in parallel when MOUD places cannot run out in the tick. The only sequential coupling,
/// places given to OUD people in person order, then does not bind; when it may bind, chunks run in order.
/// Every other per-chunk result is an integer count, whose sum does not depend on order. Results are
/// therefore identical for any core count and any degree of parallelism.</item>
/// </list>
/// </summary>
public static partial class PersonStepKernel
{
    /// <summary>People per chunk: a fixed constant, so chunk boundaries never depend on the machine.</summary>
    public const int ChunkSize = 1 << 16;

    /// <summary>Upper bound on the threads one shard's step may use (-1: the thread pool decides). Does not change results.</summary>
    public static int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>The widest path this CPU has; tests set a narrower one to compare paths. Does not change results.</summary>
    internal static KernelPath Path { get; set; } = KernelPaths.Best;

    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const long One = 1L << 53;
    private const int Combos = 12; // (state 0..5) x (stimulant 0/1)
    private const int OudLo = ((int)PersonState.Oud << 3);
    private const int OudHi = OudLo | 4;

    /// <summary>Per-tick tables: thresholds K[c*4 + k] and outcomes by number of thresholds above the draw.</summary>
    private struct Tables
    {
        public long[] K;        // 12 combos x 4 (k = 0..2 used), running max so the count of (r >= K) is the branch index
        public byte[] Next;     // 12 combos x 4, indexed by (number of k with r < K_k)
        public byte[] NewDeath; // 1 where Next is Dead and the state was not already Dead
        public long UptakeK;    // stimulant uptake when r >= UptakeK (u > 1 - uptake)
        public long TreatHi;    // Oud: K1 while places are free (per stimulant bit: index 0/1)
        public long TreatHiStim;
    }

    /// <summary>The smallest integer K with (r &lt; K) == (r * 2^-53 &lt; t) for every r in [0, 2^53).</summary>
    private static long Below(double t)
    {
        if (!(t > 0)) return 0;                      // also NaN: u < NaN is never true
        if (t >= 1) return One;
        return (long)Math.Ceiling(t * One);          // t * 2^53 is exact (scaling by a power of two)
    }

    /// <summary>The smallest integer K with (r &gt;= K) == (r * 2^-53 &gt; t).</summary>
    private static long Above(double t)
    {
        if (double.IsNaN(t) || t >= 1) return One;  // never (r < 2^53)
        if (t < 0) return 0;
        return (long)Math.Floor(t * One) + 1;
    }

    private static Tables Build(in PersonRules r)
    {
        var p = r.P;
        var k = new long[Combos * 4];
        var next = new byte[Combos * 4];
        var death = new byte[Combos * 4];
        void Set(PersonState s, int stim, double t0, double t1, double t2, PersonState o0, PersonState o1, PersonState o2, PersonState o3)
        {
            var c = ((int)s << 3) | (stim << 2);
            long k0 = Below(t0), k1 = Math.Max(k0, Below(t1)), k2 = Math.Max(k1, Below(t2));
            k[c] = k0; k[c + 1] = k1; k[c + 2] = k2; k[c + 3] = One;
            // lt = number of k with r < K_k: 3 -> first branch, 0 -> the fall-through.
            next[c + 3] = (byte)o0; next[c + 2] = (byte)o1; next[c + 1] = (byte)o2; next[c] = (byte)o3;
            for (var i = 0; i < 4; i++) death[c + i] = (byte)(next[c + i] == (byte)PersonState.Dead && s != PersonState.Dead ? 1 : 0);
        }
        var h = r.Hazard;
        for (var stim = 0; stim < 2; stim++)
        {
            var st = stim == 1;
            Set(PersonState.NoUse, stim, r.Initiation, 0, 0, PersonState.Use, PersonState.NoUse, PersonState.NoUse, PersonState.NoUse);
            var d = h.Use(st);
            Set(PersonState.Use, stim, d, d + p.CessationRate, d + p.CessationRate + p.ProgressionRate,
                PersonState.Dead, PersonState.NoUse, PersonState.Oud, PersonState.Use);
            d = h.Oud(st);
            Set(PersonState.Oud, stim, d, d + p.TreatmentEntryRate, 0, PersonState.Dead, PersonState.Moud, PersonState.Oud, PersonState.Oud);
            d = h.Moud(st);
            Set(PersonState.Moud, stim, d, d + p.MoudDropoutRate, d + p.MoudDropoutRate + p.MoudToRemissionRate,
                PersonState.Dead, PersonState.Oud, PersonState.Remission, PersonState.Moud);
            Set(PersonState.Remission, stim, p.RelapseRate, 0, 0, PersonState.Oud, PersonState.Remission, PersonState.Remission, PersonState.Remission);
            Set(PersonState.Dead, stim, 0, 0, 0, PersonState.Dead, PersonState.Dead, PersonState.Dead, PersonState.Dead);
        }
        return new Tables
        {
            K = k, Next = next, NewDeath = death, UptakeK = Above(1 - r.StimulantUptake),
            TreatHi = k[OudLo + 1], TreatHiStim = k[OudHi + 1],
        };
    }

    /// <summary>
    /// Steps every person once. <paramref name="counts"/> receives the state counts after the step
    /// (indexed by <see cref="PersonState"/>); returns the deaths of this tick and those among stimulant co-users.
    /// </summary>
    public static (long Deaths, long DeathsWithStimulant) Step(byte[] state, byte[] traits, in PersonRules rules, Span<long> counts)
    {
        var t = Build(rules);
        var n = state.Length;
        var chunks = (n + ChunkSize - 1) / ChunkSize;
        var slots = EnumNames.LivingStateCount + 1;
        var width = slots + 2;
        var perChunk = new long[chunks * width]; // per chunk: state counts, deaths, deaths among stimulant co-users

        // Chunks run in parallel only when MOUD places cannot run out this tick (every OUD person could take
        // one), so each chunk may give places freely. When they may run out, places go in person order, and
        // the chunks run one after another, the places left by one passed to the next (a parallel first pass
        // counting each chunk's seekers cost more than it saved on 2 cores).
        var parallel = chunks > 1 && MaxDegreeOfParallelism != 1 && CountOud(state) <= rules.FreePlaces;
        if (!parallel)
        {
            var free = rules.FreePlaces;
            for (var c = 0; c < chunks; c++) RunChunk(state, traits, c, rules, t, ref free, perChunk.AsSpan(c * width, width));
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism };
            var r1 = rules;
            Parallel.For(0, chunks, options, c =>
            {
                var free = r1.FreePlaces;
                RunChunk(state, traits, c, r1, t, ref free, perChunk.AsSpan(c * width, width));
            });
        }

        // Integer sums: the fold order cannot change them, but fold in chunk order anyway.
        counts.Clear();
        long deaths = 0, deathsStim = 0;
        for (var c = 0; c < chunks; c++)
        {
            var row = perChunk.AsSpan(c * width, width);
            for (var s = 0; s < slots; s++) counts[s] += row[s];
            deaths += row[slots];
            deathsStim += row[slots + 1];
        }
        return (deaths, deathsStim);
    }

    private static long CountOud(byte[] state) => state.AsSpan().Count((byte)PersonState.Oud);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunChunk(byte[] state, byte[] traits, int chunk, in PersonRules rules, in Tables t, ref long freePlaces, Span<long> row)
    {
        var start = chunk * ChunkSize;
        var end = Math.Min(state.Length, start + ChunkSize);
        Span<long> k = stackalloc long[Combos * 4];
        t.K.CopyTo(k);
        if (freePlaces <= 0) CloseTreatment(k);
        ReadOnlySpan<byte> next = t.Next;
        ReadOnlySpan<byte> newDeath = t.NewDeath;
        var uptakeK = t.UptakeK;
        var free = freePlaces;
        long died = 0; // deaths in the low 32 bits, deaths among stimulant co-users in the high 32 (a chunk has < 2^32 people)
        ref var s0 = ref MemoryMarshal.GetArrayDataReference(state);
        ref var t0 = ref MemoryMarshal.GetArrayDataReference(traits);
        ref var k0 = ref MemoryMarshal.GetReference(k);
        ref var n0 = ref MemoryMarshal.GetReference(next);
        ref var d0 = ref MemoryMarshal.GetReference(newDeath);

        var key = rules.TickKey + (ulong)(rules.FirstIndex + start) * Golden;
        var i = start;
        if (Path == KernelPath.Avx512)
            i = RunVector(ref s0, ref t0, k, next, newDeath, i, end, ref key, uptakeK, ref free, ref died);
        else if (Path == KernelPath.Avx2)
            i = RunAvx2(ref s0, ref t0, k, next, newDeath, i, end, ref key, uptakeK, ref free, ref died);
        died += RunScalar(ref s0, ref t0, ref k0, ref n0, ref d0, uptakeK, i, end, key, ref free);
        var deaths = died & 0xFFFF_FFFF;
        var deathsStim = died >> 32;
        freePlaces = free;
        var span = state.AsSpan(start, end - start);
        for (var s = 0; s <= EnumNames.LivingStateCount; s++) row[s] = span.Count((byte)s);
        row[EnumNames.LivingStateCount + 1] = deaths;
        row[EnumNames.LivingStateCount + 2] = deathsStim;
    }

    /// <summary>
    /// People <paramref name="i"/> to <paramref name="end"/> one by one; returns their deaths packed as in RunChunk.
    /// Most people never used or are dead, and for them the full rule changes nothing unless a non-user starts: the
    /// dead are skipped and a non-user costs one draw and one compare (the same draw and threshold as
    /// <see cref="StepOne"/>, so results are identical). Its own method so the key, places and deaths stay in
    /// registers (RunChunk passes them by reference to RunVector, which kept them in memory there).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long RunScalar(ref byte s0, ref byte t0, ref long k0, ref byte n0, ref byte d0, long uptakeK, int i, int end, ulong key, ref long freePlaces)
    {
        long free = freePlaces, died = 0;
        for (; i < end; i++, key += Golden)
        {
            int s = Unsafe.Add(ref s0, i);
            if (s == (int)PersonState.Dead) continue;
            // A non-user's thresholds are all K0 of its combo (Build): r >= K0 keeps it a non-user, trait unchanged.
            if (s == (int)PersonState.NoUse
                && (long)(Randomness.CounterRng.Mix(key) >> 11) >= Unsafe.Add(ref k0, (Unsafe.Add(ref t0, i) & 1) << 2)) continue;
            StepOne(ref s0, ref t0, ref k0, ref n0, ref d0, uptakeK, i, key, ref free, ref died);
        }
        freePlaces = free;
        return died;
    }

    /// <summary>One person (the scalar rule; the vector path below computes the same, 8 people at a time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StepOne(ref byte s0, ref byte t0, ref long k0, ref byte n0, ref byte d0, long uptakeK, int i, ulong key, ref long free, ref long died)
    {
        var r = (long)(Randomness.CounterRng.Mix(key) >> 11);
        int s = Unsafe.Add(ref s0, i);
        int trait = Unsafe.Add(ref t0, i);
        var stim = trait & 1;
        var c = (s << 3) | (stim << 2);
        ref var kc = ref Unsafe.Add(ref k0, c);
        var at = c + (int)(((ulong)(r - kc) >> 63) + ((ulong)(r - Unsafe.Add(ref kc, 1)) >> 63) + ((ulong)(r - Unsafe.Add(ref kc, 2)) >> 63));
        int nx = Unsafe.Add(ref n0, at);
        if (nx == (int)PersonState.Moud && s == (int)PersonState.Oud && --free == 0)
        {
            // Places ran out: from now on OUD people stay OUD unless they die.
            Unsafe.Add(ref k0, OudLo + 1) = Unsafe.Add(ref k0, OudLo + 2) = Unsafe.Add(ref k0, OudLo);
            Unsafe.Add(ref k0, OudHi + 1) = Unsafe.Add(ref k0, OudHi + 2) = Unsafe.Add(ref k0, OudHi);
        }
        long d = Unsafe.Add(ref d0, at);
        died += d | ((d & stim) << 32);
        // Stimulant uptake: not yet a co-user, now using or OUD, and u > 1 - uptake.
        var uptake = (int)((ulong)(uptakeK - 1 - r) >> 63); // r >= uptakeK
        var usesNow = (uint)(nx - 1) <= 1u ? 1 : 0;
        Unsafe.Add(ref t0, i) = (byte)(trait | (~trait & usesNow & uptake));
        Unsafe.Add(ref s0, i) = (byte)nx;
    }

    /// <summary>Threshold and outcome tables by combo (state * 2 + stimulant, 12 of 16 lanes) for vpermt2q look-ups.</summary>
    private static void VectorTables(Span<long> k, ReadOnlySpan<byte> next, Span<long> v)
    {
        // v: K0[16], K1[16], K2[16], O[16] where O packs the outcomes for lt = 0..3 in bytes 0..3.
        v.Clear();
        for (var combo = 0; combo < Combos; combo++)
        {
            var c = combo << 2; // (s << 3) | (stim << 2) == (s * 2 + stim) * 4
            v[combo] = k[c];
            v[16 + combo] = k[c + 1];
            v[32 + combo] = k[c + 2];
            v[48 + combo] = (long)((uint)next[c] | ((uint)next[c + 1] << 8) | ((uint)next[c + 2] << 16) | ((uint)next[c + 3] << 24));
        }
    }

    /// <summary>
    /// Eight people at a time with AVX-512 (vpmullq for the mixer, vpermt2q for table look-ups). A block in
    /// which OUD people would take more places than are left is done person by person with <see cref="StepOne"/>,
    /// so places go in person order exactly as in the scalar rule. Returns the first person not done.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RunVector(ref byte s0, ref byte t0, Span<long> k, ReadOnlySpan<byte> next, ReadOnlySpan<byte> newDeath, int i, int end, ref ulong key, long uptakeK, ref long free, ref long died)
    {
        Span<long> v = stackalloc long[64];
        VectorTables(k, next, v);
        ref var v0 = ref MemoryMarshal.GetReference(v);
        Vector512<long> k0Lo = Vector512.LoadUnsafe(ref v0, 0), k0Hi = Vector512.LoadUnsafe(ref v0, 8);
        Vector512<long> k1Lo = Vector512.LoadUnsafe(ref v0, 16), k1Hi = Vector512.LoadUnsafe(ref v0, 24);
        Vector512<long> k2Lo = Vector512.LoadUnsafe(ref v0, 32), k2Hi = Vector512.LoadUnsafe(ref v0, 40);
        Vector512<long> oLo = Vector512.LoadUnsafe(ref v0, 48), oHi = Vector512.LoadUnsafe(ref v0, 56);
        var one = Vector512<long>.One;
        var ff = Vector512.Create(0xFFL);
        var upK = Vector512.Create(uptakeK);
        var oud = Vector512.Create((long)PersonState.Oud);
        var moud = Vector512.Create((long)PersonState.Moud);
        var dead = Vector512.Create((long)PersonState.Dead);
        var use = Vector512.Create((long)PersonState.Use);
        var keys = Vector512.Create(key) + Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7) * Vector512.Create(Golden);
        var step = Vector512.Create(unchecked(8 * Golden));
        var c1 = Vector512.Create(Randomness.CounterRng.MixMultiplier1);
        var c2 = Vector512.Create(Randomness.CounterRng.MixMultiplier2);
        ref var k0 = ref MemoryMarshal.GetReference(k);
        ref byte n0 = ref MemoryMarshal.GetReference(next);
        ref byte d0 = ref MemoryMarshal.GetReference(newDeath);
        long deaths = 0, deathsStim = 0;

        for (; i + 8 <= end; i += 8, key += unchecked(8 * Golden))
        {
            var z = keys;
            keys += step;
            z = (z ^ (z >> 30)) * c1;
            z = (z ^ (z >> 27)) * c2;
            z ^= z >> 31;
            var r = (z >> 11).AsInt64();
            var s = Avx512F.ConvertToVector512Int64(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref s0, i))).AsByte());
            var tr = Avx512F.ConvertToVector512Int64(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref t0, i))).AsByte());
            var stim = tr & one;
            var c = (s << 1) | stim;
            var m0 = Vector512.LessThan(r, Avx512F.PermuteVar8x64x2(k0Lo, c, k0Hi));
            var m1 = Vector512.LessThan(r, Avx512F.PermuteVar8x64x2(k1Lo, c, k1Hi));
            var m2 = Vector512.LessThan(r, Avx512F.PermuteVar8x64x2(k2Lo, c, k2Hi));
            var lt = -(m0 + m1 + m2);
            var packed = Avx512F.PermuteVar8x64x2(oLo, c, oHi);
            var nx = Avx512F.ShiftRightLogicalVariable(packed, (lt << 3).AsUInt64()) & ff;

            var seekers = (Vector512.Equals(s, oud) & Vector512.Equals(nx, moud)).ExtractMostSignificantBits();
            if (seekers != 0)
            {
                var wanted = BitOperations.PopCount(seekers);
                if (wanted > free)
                {
                    // Places run out inside this block: person by person, in order.
                    long blockDied = 0;
                    for (var j = 0; j < 8; j++) StepOne(ref s0, ref t0, ref k0, ref n0, ref d0, uptakeK, i + j, key + (ulong)j * Golden, ref free, ref blockDied);
                    deaths += blockDied & 0xFFFF_FFFF;
                    deathsStim += blockDied >> 32;
                    VectorTables(k, next, v);
                    k1Lo = Vector512.LoadUnsafe(ref v0, 16); k2Lo = Vector512.LoadUnsafe(ref v0, 32);
                    continue;
                }
                free -= wanted;
                if (free == 0)
                {
                    Unsafe.Add(ref k0, OudLo + 1) = Unsafe.Add(ref k0, OudLo + 2) = Unsafe.Add(ref k0, OudLo);
                    Unsafe.Add(ref k0, OudHi + 1) = Unsafe.Add(ref k0, OudHi + 2) = Unsafe.Add(ref k0, OudHi);
                    VectorTables(k, next, v);
                    k1Lo = Vector512.LoadUnsafe(ref v0, 16); k2Lo = Vector512.LoadUnsafe(ref v0, 32);
                }
            }
            var died8 = (Vector512.Equals(nx, dead) & ~Vector512.Equals(s, dead)).ExtractMostSignificantBits();
            deaths += BitOperations.PopCount(died8);
            deathsStim += BitOperations.PopCount(died8 & Vector512.Equals(stim, one).ExtractMostSignificantBits());
            var uptake = Vector512.GreaterThanOrEqual(r, upK) & Vector512.Equals(stim, Vector512<long>.Zero)
                & (Vector512.Equals(nx, use) | Vector512.Equals(nx, oud));
            tr |= uptake & one;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref s0, i), Avx512F.ConvertToVector128Byte(nx).AsUInt64().ToScalar());
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref t0, i), Avx512F.ConvertToVector128Byte(tr).AsUInt64().ToScalar());
        }
        died += deaths | (deathsStim << 32);
        return i;
    }

    private static void CloseTreatment(Span<long> k)
    {
        k[OudLo + 1] = k[OudLo + 2] = k[OudLo];
        k[OudHi + 1] = k[OudHi + 2] = k[OudHi];
    }
}
