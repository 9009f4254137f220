using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>The ways <see cref="PersonStepKernel"/> can step people; all give identical people.</summary>
internal enum KernelPath
{
    Scalar,
    /// <summary>Eight people at a time in 256-bit vectors (AVX2: most x86-64 CPUs since 2013, AMD's included).</summary>
    Avx2,
    /// <summary>Eight people at a time (AVX-512 with DQ, where the runtime accelerates 512-bit vectors).</summary>
    Avx512,
}

internal static class KernelPaths
{
    public static KernelPath Best { get; } =
        Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported ? KernelPath.Avx512
        : Avx2.IsSupported ? KernelPath.Avx2
        : KernelPath.Scalar;

    /// <summary>Every path this CPU can run, narrowest first.</summary>
    public static IReadOnlyList<KernelPath> Available { get; } =
        Enum.GetValues<KernelPath>().Where(p => p <= Best && (p != KernelPath.Avx2 || Avx2.IsSupported)).ToArray();
}

public static partial class PersonStepKernel
{
    /// <summary>
    /// Eight people at a time with AVX2: the rule of <see cref="StepOne"/>, as the AVX-512 path computes it, with what AVX2
    /// lacks built from what it has. The mixer's 64-bit products come from 32-bit ones (vpmuludq). The compares use the top
    /// 32 bits of the 53-bit draw against thresholds cut to 32 bits, so that a look-up by combo is a vpermd over 8-lane
    /// tables: exact, because where the top bits differ they decide, and a block where they tie (about 1 in 10^8 people)
    /// is done person by person with <see cref="StepOne"/>, as is a block in which OUD people would take more places than
    /// are left. Returns the first person not done.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RunAvx2(ref byte s0, ref byte t0, Span<long> k, ReadOnlySpan<byte> next, ReadOnlySpan<byte> newDeath, int i, int end, ref ulong key, long uptakeK, ref long free, ref long died)
    {
        Span<int> v = stackalloc int[64];
        Avx2Tables(k, next, v);
        ref var v0 = ref MemoryMarshal.GetReference(v);
        // K0, K1, K2 (top 32 bits, biased for signed compares) and the packed outcomes, combos 0-7 and 8-11 (Avx2Tables).
        Vector256<int> k0a = Vector256.LoadUnsafe(ref v0, 0), k0b = Vector256.LoadUnsafe(ref v0, 8);
        Vector256<int> k1a = Vector256.LoadUnsafe(ref v0, 16), k1b = Vector256.LoadUnsafe(ref v0, 24);
        Vector256<int> k2a = Vector256.LoadUnsafe(ref v0, 32), k2b = Vector256.LoadUnsafe(ref v0, 40);
        Vector256<int> oa = Vector256.LoadUnsafe(ref v0, 48), ob = Vector256.LoadUnsafe(ref v0, 56);
        var one = Vector256<int>.One;
        var seven = Vector256.Create(7);
        var ff = Vector256.Create(0xFF);
        var upK = Vector256.Create(Top32(uptakeK));
        var oud = Vector256.Create((int)PersonState.Oud);
        var moud = Vector256.Create((int)PersonState.Moud);
        var dead = Vector256.Create((int)PersonState.Dead);
        var use = Vector256.Create((int)PersonState.Use);
        var (keysA, keysB) = Keys(key);
        var step = Vector256.Create(unchecked(8 * Golden));
        // Byte 0 of each 32-bit lane to bytes 0..3 of its 128-bit half (vpshufb works within halves).
        var lowBytes = Vector256.Create((byte)0, 4, 8, 12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
            0, 4, 8, 12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80);
        long deaths = 0, deathsStim = 0, places = free;
        var at = key; // locals, not the references: kept in registers

        for (; i + 8 <= end; i += 8, at += unchecked(8 * Golden))
        {
            var r = DrawTops(keysA, keysB);
            keysA += step;
            keysB += step;

            var s = Avx2.ConvertToVector256Int32(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref s0, i))).AsByte());
            var tr = Avx2.ConvertToVector256Int32(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref t0, i))).AsByte());
            var stim = tr & one;
            var c = (s << 1) | stim;
            var upper = Avx2.CompareGreaterThan(c, seven);
            var e0 = Look(k0a, k0b, c, upper);
            var e1 = Look(k1a, k1b, c, upper);
            var e2 = Look(k2a, k2b, c, upper);
            var tie = Avx2.CompareEqual(e0, r) | Avx2.CompareEqual(e1, r) | Avx2.CompareEqual(e2, r) | Avx2.CompareEqual(upK, r);
            var lt = -(Avx2.CompareGreaterThan(e0, r) + Avx2.CompareGreaterThan(e1, r) + Avx2.CompareGreaterThan(e2, r));
            var nx = Avx2.ShiftRightLogicalVariable(Look(oa, ob, c, upper).AsUInt32(), (lt << 3).AsUInt32()).AsInt32() & ff;

            var seekers = (uint)Avx.MoveMask((Avx2.CompareEqual(s, oud) & Avx2.CompareEqual(nx, moud)).AsSingle());
            var wanted = BitOperations.PopCount(seekers);
            if (!Avx.TestZ(tie, tie) || wanted > places)
            {
                // A tie in the top bits, or places running out inside this block: person by person, in order.
                var blockDied = StepEight(ref s0, ref t0, k, next, newDeath, uptakeK, i, at, ref places);
                deaths += blockDied & 0xFFFF_FFFF;
                deathsStim += blockDied >> 32;
                Avx2Tables(k, next, v);
                k1a = Vector256.LoadUnsafe(ref v0, 16); k2a = Vector256.LoadUnsafe(ref v0, 32);
                continue;
            }
            if (wanted > 0 && (places -= wanted) == 0)
            {
                CloseTreatment(k);
                Avx2Tables(k, next, v);
                k1a = Vector256.LoadUnsafe(ref v0, 16); k2a = Vector256.LoadUnsafe(ref v0, 32);
            }
            var died8 = (uint)Avx.MoveMask(Vector256.AndNot(Avx2.CompareEqual(nx, dead), Avx2.CompareEqual(s, dead)).AsSingle());
            deaths += BitOperations.PopCount(died8);
            deathsStim += BitOperations.PopCount(died8 & (uint)Avx.MoveMask(Avx2.CompareEqual(stim, one).AsSingle()));
            // Stimulant uptake: not yet a co-user, now using or OUD, and r >= uptakeK.
            var uptake = Vector256.AndNot(Avx2.CompareEqual(stim, Vector256<int>.Zero), Avx2.CompareGreaterThan(upK, r))
                & (Avx2.CompareEqual(nx, use) | Avx2.CompareEqual(nx, oud));
            tr |= uptake & one;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref s0, i), LowBytes(nx, lowBytes));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref t0, i), LowBytes(tr, lowBytes));
        }
        died += deaths | (deathsStim << 32);
        free = places;
        key = at;
        return i;
    }

    /// <summary>People i to i + 7 by the scalar rule; their deaths packed as in RunChunk. Not inlined: it keeps the vector loop's registers free.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long StepEight(ref byte s0, ref byte t0, Span<long> k, ReadOnlySpan<byte> next, ReadOnlySpan<byte> newDeath, long uptakeK, int i, ulong key, ref long places)
    {
        long died = 0;
        for (var j = 0; j < 8; j++)
            StepOne(ref s0, ref t0, ref MemoryMarshal.GetReference(k), ref MemoryMarshal.GetReference(next), ref MemoryMarshal.GetReference(newDeath),
                uptakeK, i + j, key + (ulong)j * Golden, ref places, ref died);
        return died;
    }

    /// <summary>
    /// The 32-bit tables of <see cref="RunAvx2"/> by combo (state * 2 + stimulant, 12 of 16 lanes): K0, K1, K2 as their top
    /// 32 bits (of 53; 2^53 itself cut to 2^32 - 1, where a tie sends the block to the exact rule), biased by 2^31 for
    /// signed compares, then the outcomes for lt = 0..3 packed in bytes 0..3.
    /// </summary>
    private static void Avx2Tables(Span<long> k, ReadOnlySpan<byte> next, Span<int> v)
    {
        Span<long> wide = stackalloc long[64];
        VectorTables(k, next, wide);
        for (var j = 0; j < 48; j++) v[j] = Top32(wide[j]);
        for (var j = 48; j < 64; j++) v[j] = (int)wide[j];
    }

    /// <summary>A threshold in [0, 2^53] as the top 32 of its 53 bits, biased by 2^31 (compared with a draw's top bits, biased alike).</summary>
    internal static int Top32(long threshold) => (int)((uint)Math.Min(threshold >> 21, uint.MaxValue) ^ 0x8000_0000u);

    /// <summary>The keys of people i to i + 3 (A) and i + 4 to i + 7 (B), from person i's.</summary>
    private static (Vector256<ulong> A, Vector256<ulong> B) Keys(ulong key)
    {
        var a = Vector256.Create(key) + Vector256.Create(0UL, Golden, unchecked(2 * Golden), unchecked(3 * Golden));
        return (a, a + Vector256.Create(unchecked(4 * Golden)));
    }

    /// <summary>The top 32 bits of the draws Mix(key) &gt;&gt; 11 of eight keys (four in each of A, B), biased, in key order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> DrawTops(Vector256<ulong> keysA, Vector256<ulong> keysB)
    {
        var hA = MixTop(keysA);
        var hB = MixTop(keysB);
        // Low halves of A's and B's lanes, in key order: the shuffle gives (A0 A1 B0 B1 | A2 A3 B2 B3), the permute fixes it.
        var h = Avx2.Permute4x64(Avx.Shuffle(hA.AsSingle(), hB.AsSingle(), 0b10_00_10_00).AsDouble(), 0b11_01_10_00).AsInt32();
        return (h ^ (h >>> 31)) ^ Vector256.Create(int.MinValue); // Mix's last step z ^ (z >> 31), top half: the top half of z >> 31 is z's top bit
    }

    /// <summary>Test hook: the biased top bits <see cref="RunAvx2"/> computes for the draws of keys key, key + Golden, ... (eight).</summary>
    internal static int[] Avx2DrawTops(ulong key)
    {
        var (keysA, keysB) = Keys(key);
        var r = DrawTops(keysA, keysB);
        var top = new int[8];
        r.CopyTo(top);
        return top;
    }

    /// <summary>A 53-bit draw's top 32 bits, biased as <see cref="Top32"/>: where they differ from a threshold's, they decide r &lt; K.</summary>
    internal static int Top32Draw(long r) => (int)((uint)(r >> 21) ^ 0x8000_0000u);

    /// <summary>
    /// For four keys, the top 32 bits of (z ^ (z &gt;&gt; 30)) * C1 then (z ^ (z &gt;&gt; 27)) * C2: Mix before its last step, in each
    /// lane's low 32 bits. 64-bit products from 32-bit ones: low * low + ((high * low + low * high) &lt;&lt; 32).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> MixTop(Vector256<ulong> z)
    {
        // The multipliers split into 32-bit halves, each in a lane's low 32 bits (constants: the JIT keeps them in registers or memory operands).
        var c1Lo = Vector256.Create(Randomness.CounterRng.MixMultiplier1 & 0xFFFF_FFFF);
        var c1Hi = Vector256.Create(Randomness.CounterRng.MixMultiplier1 >> 32);
        var c2Lo = Vector256.Create(Randomness.CounterRng.MixMultiplier2 & 0xFFFF_FFFF);
        var c2Hi = Vector256.Create(Randomness.CounterRng.MixMultiplier2 >> 32);
        z ^= z >> 30;
        z = Avx2.Multiply(z.AsUInt32(), c1Lo.AsUInt32())
            + ((Avx2.Multiply((z >> 32).AsUInt32(), c1Lo.AsUInt32()) + Avx2.Multiply(z.AsUInt32(), c1Hi.AsUInt32())) << 32);
        z ^= z >> 27;
        // Only the top half of this product is needed: the top half of low * low plus the low halves of the cross terms.
        return (Avx2.Multiply(z.AsUInt32(), c2Lo.AsUInt32()) >> 32)
            + Avx2.Multiply((z >> 32).AsUInt32(), c2Lo.AsUInt32()) + Avx2.Multiply(z.AsUInt32(), c2Hi.AsUInt32());
    }

    /// <summary>Each lane's entry of a 12-entry table held as two registers (combos 0-7 and 8-15).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Look(Vector256<int> a, Vector256<int> b, Vector256<int> c, Vector256<int> upper)
        => Avx2.BlendVariable(Avx2.PermuteVar8x32(a, c).AsByte(), Avx2.PermuteVar8x32(b, c).AsByte(), upper.AsByte()).AsInt32();

    /// <summary>The low byte of each of the eight lanes, as eight consecutive bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LowBytes(Vector256<int> x, Vector256<byte> lowBytes)
    {
        var g = Avx2.Shuffle(x.AsByte(), lowBytes).AsUInt32();
        return Sse2.UnpackLow(g.GetLower(), g.GetUpper()).AsUInt64().ToScalar();
    }
}
