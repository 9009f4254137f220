using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// Retail clearing. Street prices per dose are sticky and dealers adjust the cut: potency per dose is
/// the pure supply available per dose demanded, within cutting bounds, so scarce supply means weaker and
/// dearer-per-mg doses and abundant supply stronger ones (potency response, L1093; potency and its
/// variance drive risk, L1782, L1895). The report gives no US price or purity, so the
/// dose price and bounds are assumptions [A] to calibrate.
/// </summary>
public static class RetailMarket
{
    public readonly record struct Result(double SoldMg, double PotencyMg, double DosesServed, double ServedShare, double RevenueUsd);

    public static Result Clear(double availableMg, double demandDoses, ModelParameters p)
        => Clear(availableMg, demandDoses, p.MinPotencyMg, p.MaxPotencyMg, p.PricePerDoseUsd);

    /// <summary>
    /// The stimulant market of a region (methamphetamine, L2176-L2180), cleared by the same rule apart from the opioid
    /// stock: <c>stimulant-price-per-dose-usd</c> a dose, pure mg per dose between <c>stimulant-potency-mg</c> times the opioid
    /// cutting bounds relative to <c>reference-potency-mg</c>.
    /// </summary>
    public static Result ClearStimulant(double availableMg, double demandDoses, ModelParameters p)
    {
        var scale = p.StimulantPotencyMg / p.ReferencePotencyMg;
        return Clear(availableMg, demandDoses, p.MinPotencyMg * scale, p.MaxPotencyMg * scale, p.StimulantPricePerDoseUsd);
    }

    private static Result Clear(double availableMg, double demandDoses, double minMg, double maxMg, double pricePerDose)
    {
        if (demandDoses <= 0 || availableMg <= 0) return new Result(0, 0, 0, 0, 0);
        var potency = Math.Clamp(availableMg / demandDoses, minMg, maxMg);
        var sold = Math.Min(availableMg, demandDoses * potency);
        var doses = sold / potency;
        return new Result(sold, potency, doses, doses / demandDoses, doses * pricePerDose);
    }
}
