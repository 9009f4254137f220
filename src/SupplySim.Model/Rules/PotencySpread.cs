using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// How unevenly the fentanyl-equivalent of a market's doses is spread around its mean, and what that spread
/// adds to the overdose hazard (potency and its variance drive risk: L1782, L1895, L2184).
/// <para>
/// Dealers cut every lot to the same dose mass without knowing which opioid it holds or how strong it is
/// (fentanyl entering the heroin supply made potency uncertain, L1895), so a dose's fentanyl-equivalent is the
/// mean dose potency μ times the lot's strength relative to the stock's mass-weighted mean (its substance's
/// potency p over p̄), times a within-lot factor: lognormal with the coefficient of variation
/// <c>potency-cv-powder</c> for powder and <c>potency-cv-pill</c> for counterfeit pills (pressed tablets from one
/// seizure range over two orders of magnitude in fentanyl content: CFSRE, <i>Purity of tablets seized at the US
/// southwest border</i>, 2024; DEA Fentanyl Signature Profiling Program, 2019 and 2021).
/// </para>
/// <para>
/// People's tolerance follows the market's mean potency (that response is the fitted
/// <c>potency-hazard-exponent</c>), not a dose's deviation from it: a dose of X mg, when the market's mean is μ,
/// carries (X/μ)^κ times the mean dose's hazard, κ = <c>dose-surprise-exponent</c>. For a lognormal factor with CV
/// c, E[(X/μ)^κ] = (1 + c²)^(κ(κ−1)/2), so κ &gt; 1 makes spread raise the hazard. The hazard parameter
/// <c>overdose-hazard-oud</c> is stated for powder of a single opioid, so the factor is taken relative to that:
/// <code>
/// F = B_κ × [(1 − π) + π × ((1 + c_pill²) / (1 + c_powder²))^(κ(κ−1)/2)],   B_κ = E_m[(p/p̄)^κ]
/// </code>
/// with π the share of doses that are pills and E_m the mass-weighted mean over the stock's substances. A market
/// of one opioid as powder has F = 1 exactly. The dose-level coefficient of variation, for the
/// <c>retail_potency_cv</c> series, is √(B₂ × [(1 − π)(1 + c_powder²) + π(1 + c_pill²)] − 1).
/// </para>
/// </summary>
public static class PotencySpread
{
    /// <summary>
    /// Mass-weighted moments of a stock's lots: <paramref name="massKg"/> = Σm, <paramref name="equivalentKg"/> = Σm·p,
    /// <paramref name="massPotSq"/> = Σm·p², <paramref name="massPotK"/> = Σm·p^κ. Returns the hazard factor F and E[X²]/μ².
    /// </summary>
    public static (double Hazard, double SecondMoment) Of(ModelParameters p, double massKg, double equivalentKg, double massPotSq, double massPotK, double pillShare)
    {
        var k = p.DoseSurpriseExponent;
        var a = k * (k - 1) / 2;
        double b2 = 1, bk = 1;
        if (massKg > 0 && equivalentKg > 0)
        {
            var mean = equivalentKg / massKg;
            b2 = Math.Max(1, massPotSq / massKg / (mean * mean));
            bk = massPotK / massKg / Math.Pow(mean, k);
        }
        var powder = 1 + p.PotencyCvPowder * p.PotencyCvPowder;
        var pill = 1 + p.PotencyCvPill * p.PotencyCvPill;
        var within = pillShare > 0 ? (1 - pillShare) + pillShare * Math.Pow(pill / powder, a) : 1;
        return (bk * within, b2 * ((1 - pillShare) * powder + pillShare * pill));
    }

    /// <summary>Dose-level coefficient of variation from E[X²]/μ².</summary>
    public static double Cv(double secondMoment) => Math.Sqrt(Math.Max(0, secondMoment - 1));
}
