namespace SupplySim.Model.Rules;

/// <summary>
/// Enforcement turns spend into detection with diminishing returns: p = pmax (1 - e^(-k spend / targets)).
/// Each extra dollar buys less (report L904-L906: the marginal effect of enforcement intensity diminishes).
/// </summary>
public static class Detection
{
    public static double Probability(double spendUsd, double targets, double maxPressure, double efficiency)
    {
        if (spendUsd <= 0 || targets <= 0) return 0;
        return maxPressure * (1 - Math.Exp(-efficiency * spendUsd / targets));
    }

    /// <summary>Independent detectors combine as 1 - prod(1 - p); reports carry sum(ln(1 - p)) so they fold additively.</summary>
    public static double LogSurvival(double p) => Math.Log(1 - Math.Min(p, 0.999999));

    public static double FromLogSurvival(double sumLog) => 1 - Math.Exp(sumLog);

    /// <summary>Combined probability of two independent checkpoints.</summary>
    public static double Either(double p1, double p2) => 1 - (1 - p1) * (1 - p2);
}
