using SupplySim.Model.Engine;
using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// Which laundering methods touch formal banks, and how much anti-money-laundering cooperation exposes
/// them. Mirror transactions settle through domestic bank accounts (L427), trade-based laundering through
/// trade payments (L433) and casino schemes through casino cash desks (L429), so cooperation that opens
/// bank records raises their detection; crypto (L437), bulk cash (L444) and wildlife barter (L441-L443)
/// largely bypass banks. Exposure weights are assumptions [A].
/// </summary>
public static class Laundering
{
    private static readonly double[] BankExposure = [1.0, 0.7, 0.6, 0.2, 0.1, 0.0];

    public static double Exposure(LaunderingMethod method) => BankExposure[(int)method];

    public static bool TouchesBanks(LaunderingMethod method) => Exposure(method) >= 0.5;

    /// <summary>Share of proceeds seized this month by a launderer of group <paramref name="index"/> (spec <paramref name="group"/>):
    /// the group's starting risk times the multiplier its innovation has reached (<see cref="TickSignals.LaunderingRisk"/>), times its
    /// jurisdiction's money pressure and the AML boost.</summary>
    public static double SeizureShare(TickSignals signals, ModelParameters p, LaundererGroupSpec group, int index)
    {
        var j = group.Jurisdiction;
        var aml = signals.LeverValue(Lever.AmlCooperation, j);
        var boost = 1 + p.AmlDetectionBoost * aml * Exposure(group.Method);
        return Math.Min(1, group.DetectionRisk * signals.LaunderingRisk(index) * signals.Pressure[j, Stage.Money] * boost);
    }

    /// <summary>BPR volume-delay coefficients (US Bureau of Public Roads, Traffic Assignment Manual, 1964): at capacity the cost is
    /// 15% above free flow, at twice capacity 3.4 times it.</summary>
    public const double CongestionAlpha = 0.15, CongestionBeta = 4;

    /// <summary>
    /// Congestion of a laundering channel with a capacity (report L443: wildlife barter carries tens of millions a year and cannot
    /// displace the other methods; L444: bulk cash is a dated channel): the factor by which the risk-adjusted fee labs see rises with
    /// the group's <paramref name="utilisation"/> last month (USD handled ÷ capacity). The form is the BPR volume-delay function
    /// 1 + α u^β, used here because it is flat well below capacity and steep above it, so a channel fills towards its capacity and
    /// overflow goes to the next-best method; its use for laundering (cash waiting in stash houses, improvised couriers) is an
    /// assumption [A]. A group without a capacity has utilisation 0 and factor exactly 1.
    /// </summary>
    public static double Congestion(double utilisation)
        => utilisation <= 0 ? 1 : 1 + CongestionAlpha * Math.Pow(utilisation, CongestionBeta);

    /// <summary>
    /// Innovation of new methods after losses (report L425: the networks keep renewing their methods; L433-L441: trade goods,
    /// counterfeit-ID accounts, real estate, crypto, barter came in as others became exposed): a latent group opens once the USD
    /// seized from all launderers since the run's start, <paramref name="seizedUsdToDate"/>, reaches its
    /// <paramref name="threshold"/>. Seizures only accumulate, so an open group stays open. Threshold form [A].
    /// </summary>
    public static bool Emerges(double threshold, double seizedUsdToDate) => threshold <= 0 || seizedUsdToDate >= threshold;

    /// <summary>
    /// Innovation after losses (report L425: the networks keep renewing their techniques and largely avoid the formal banks; L433-L441:
    /// trade invoices, counterfeit-ID accounts, real estate, crypto, barter). A network that lost a share of what it handled last
    /// month to seizure finds new cover in proportion: its detection-risk multiplier <paramref name="risk"/> (1 at the start) falls by
    /// <paramref name="rate"/> × <paramref name="seizedShare"/> × itself, never below <paramref name="floor"/> (some exposure no new
    /// technique removes). A network that lost nothing keeps its risk. The proportional form and the floor are assumptions [A].
    /// </summary>
    public static double Innovate(double risk, double rate, double seizedShare, double floor)
        => rate * seizedShare <= 0 ? risk : Math.Max(Math.Min(floor, risk), risk - rate * seizedShare * risk);
}
