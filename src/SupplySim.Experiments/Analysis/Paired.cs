namespace SupplySim.Experiments.Analysis;

/// <summary>
/// Replicate-by-replicate comparisons between two arms run on the same seeds (common random numbers): the
/// noise both share cancels, so the interval of a paired difference is narrower than that of two means.
/// </summary>
public static class Paired
{
    /// <summary>x[i] − reference[i] for each replicate.</summary>
    public static double[] Differences(IReadOnlyList<double> x, IReadOnlyList<double> reference)
        => x.Select((v, i) => v - reference[i]).ToArray();

    /// <summary>
    /// Deaths averted per USD 1M of extra spend, per replicate: (reference deaths − deaths) / ((spend − reference spend) / 1e6);
    /// NaN where the arm spends no more than the reference (the ratio means nothing there).
    /// </summary>
    public static double[] DeathsAvertedPerMillionUsd(IReadOnlyList<double> deaths, IReadOnlyList<double> spend, IReadOnlyList<double> referenceDeaths, IReadOnlyList<double> referenceSpend)
        => deaths.Select((d, i) =>
        {
            var extra = (spend[i] - referenceSpend[i]) / 1e6;
            return extra > 1e-9 ? (referenceDeaths[i] - d) / extra : double.NaN;
        }).ToArray();
}
