using SupplySim.Model.Engine;
using SupplySim.Model.Metrics;
using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// What a seizure kept from the market, the one measure in which an agency can compare what its spend at different
/// stages returned (adaptive allocation). Shards book fentanyl-equivalent kg (chemicals by the drug their best route
/// makes of them) and, at the money stage, USD; the run prices the kg at last month's mean retail price.
/// </summary>
public static class SeizureValue
{
    /// <summary>
    /// Books a seizure in transit to the two checkpoints that could have made it, in proportion to their pressure
    /// (<see cref="RoutePressure"/>): the export checks where it left and the import checks where it was going. The import
    /// checks' part is also booked as a possible intelligence lead of <paramref name="leadKind"/> about the origin
    /// (<see cref="IntelligenceQueue.BookSeizure"/>), actionable there by <paramref name="illegality"/>.
    /// </summary>
    public static void AddRoute(ShardReport report, TickSignals signals, int from, int to, double amount, int leadKind, double illegality)
    {
        double a = RoutePressure.At(signals, from), b = RoutePressure.At(signals, to);
        if (a + b <= 0) return;
        report.SeizedValue[from, Stage.Route] += amount * a / (a + b);
        report.SeizedValue[to, Stage.Route] += amount * b / (a + b);
        IntelligenceQueue.BookSeizure(report, from, to, leadKind, amount * b / (a + b), illegality);
    }

    /// <summary>USD of one folded (jurisdiction, stage) cell: fentanyl-equivalent kg at <paramref name="usdPerMg"/>, money as it is.</summary>
    public static double Usd(Stage stage, double amount, double usdPerMg) => stage == Stage.Money ? amount : amount * 1e6 * usdPerMg;

    /// <summary>Last month's retail price over the labs' markets, USD per pure mg: revenue over what was sold (0 when nothing was).</summary>
    public static double MeanRetailPricePerMg(Layout layout, ShardReport folded)
    {
        double revenue = 0, sold = 0;
        foreach (var j in layout.LabMarkets.Select(m => m.Jurisdiction).Distinct())
        {
            revenue += folded.RevenueUsd[j];
            sold += folded.SuppliedMg[j];
        }
        return sold > 0 ? revenue / sold : 0;
    }
}
