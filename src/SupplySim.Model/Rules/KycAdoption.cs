namespace SupplySim.Model.Rules;

/// <summary>
/// A formal chemical firm's decision to run a know-your-customer programme (docs/model.md#the-six-actor-kinds,
/// precursor supplier): it adopts when what KYC brings it exceeds what KYC costs it, and keeps the programme until the benefit falls below a
/// share of the cost (what was spent setting it up is sunk). What KYC brings is
/// <list type="bullet">
/// <item>an incentive paid per adopting firm, the CTPAT-style expedited licensing or customs clearance the CDD proposes
/// (L187);</item>
/// <item>reputation and market access, chiefly for firms selling to customers who ask for Responsible Care or KYC
/// (L1146-L1148, L1305-L1307): a per-group value;</item>
/// <item>under a mandate, the fine a non-adopter expects: the fine times the probability that inspections at the supplier
/// stage find it (the jurisdiction's supplier-stage pressure). A mandate without inspections moves no one; China declines
/// to mandate KYC because of its cost (L395, L486).</item>
/// </list>
/// The cost is the firm's own, so adoption follows firms' cost order, as in the level rule it replaces where a group states
/// a cost. All money values are assumptions [A]; the report gives none.
/// </summary>
public static class KycAdoption
{
    /// <summary>Monthly value of running KYC to a firm: incentive + reputation + mandate fine × inspection probability.</summary>
    public static double Benefit(double incentiveUsd, double reputationUsd, double mandateFineUsd, double inspection)
        => incentiveUsd + reputationUsd + mandateFineUsd * Math.Clamp(inspection, 0, 1);

    /// <summary>A firm's monthly cost of a KYC programme: the group's mean cost times twice its cost rank u in [0, 1).</summary>
    public static double Cost(double groupCostUsd, double costRank) => groupCostUsd * 2 * costRank;

    /// <summary>Whether the firm runs KYC this month, given whether it did last month.</summary>
    public static bool Decide(bool adopted, double benefit, double cost, double exitShare)
        => adopted ? benefit >= exitShare * cost : benefit > cost;
}
