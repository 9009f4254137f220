namespace SupplySim.Model.Rules;

/// <summary>
/// The supply side's go / no-go rule: an illicit deal is done when its margin, scaled by the agent's risk
/// appetite, exceeds the expected penalty; the penalty exists only where the good is scheduled
/// (docs/model.md#the-six-actor-kinds; report L361-L367 and L480 on unscheduled chemicals being a safe harbour).
/// </summary>
public static class RiskDecision
{
    public static bool Accepts(double margin, double riskAppetite, bool scheduled, double pressure, double penaltyMultiple)
        => !scheduled || margin * riskAppetite > pressure * penaltyMultiple;

    /// <summary>Per-agent log-normal risk appetite with median 1.</summary>
    public static double Appetite(double standardNormal, double sigma) => Math.Exp(sigma * standardNormal);
}
