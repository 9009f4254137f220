namespace SupplySim.Experiments.Statistics;

/// <summary>
/// Mean, standard deviation, minimum and maximum folded one value at a time (Welford), so per-tick statistics
/// across replicates need O(1) memory per series. NaN values are skipped.
/// </summary>
public struct RunningMoments
{
    private double _m2;

    public int N { get; private set; }
    public double Mean { get; private set; }
    public double Min { get; private set; }
    public double Max { get; private set; }

    public readonly double Sd => N > 1 ? Math.Sqrt(_m2 / (N - 1)) : double.NaN;

    public void Add(double x)
    {
        if (double.IsNaN(x)) return;
        N++;
        if (N == 1) { Min = Max = x; }
        else { Min = Math.Min(Min, x); Max = Math.Max(Max, x); }
        var delta = x - Mean;
        Mean += delta / N;
        _m2 += delta * (x - Mean);
    }

    public readonly (double Low, double High) Interval => SampleSummary.Interval(N, Mean, Sd);
}
