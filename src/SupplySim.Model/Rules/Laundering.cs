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

    /// <summary>Share of proceeds seized by a launderer of this group in this jurisdiction this month.</summary>
    public static double SeizureShare(Signals signals, ModelParameters p, LaundererGroupSpec group, int jurisdiction)
    {
        var aml = signals.LeverValue(Lever.AmlCooperation, jurisdiction);
        var boost = 1 + p.AmlDetectionBoost * aml * Exposure(group.Method);
        return Math.Min(1, group.DetectionRisk * signals.Pressure(jurisdiction, Stage.Money) * boost);
    }
}
