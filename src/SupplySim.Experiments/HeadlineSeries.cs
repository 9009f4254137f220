using SupplySim.Experiments.Analysis;

namespace SupplySim.Experiments;

/// <summary>
/// Folds each tick's metrics (in catalogue order) into one row of the headline series of
/// <see cref="Outcomes.Series"/>, in that order. Price and potency are weighted by each region's supply that
/// tick, as in summary.json. Used by series.csv and by workshop mode's live charts, so both show the same numbers.
/// </summary>
public sealed class HeadlineSeries(string[] metrics, string[] dimensions)
{
    private double _cumulativeDeaths;

    public double[] Next(double[] v)
    {
        double deaths = 0, supply = 0, price = 0, potency = 0, laundered = 0, seizedUsd = 0, seizedKg = 0, spend = 0;
        double substitution = double.NaN, origin = double.NaN, lab = double.NaN;
        var supplyByRegion = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < v.Length; i++)
            if (metrics[i] == "supply_reaching_users_kg" && !double.IsNaN(v[i])) supplyByRegion[dimensions[i]] = v[i];
        for (var i = 0; i < v.Length; i++)
        {
            var x = v[i];
            if (double.IsNaN(x)) continue;
            switch (metrics[i], dimensions[i])
            {
                case ("overdose_deaths", _): deaths += x; break;
                case ("supply_reaching_users_kg", _): supply += x; break;
                case ("retail_price_per_mg", var d): price += x * supplyByRegion.GetValueOrDefault(d); break;
                case ("retail_potency", var d): potency += x * supplyByRegion.GetValueOrDefault(d); break;
                case ("substitution_index", _): substitution = x; break;
                case ("displacement_index", "origin"): origin = x; break;
                case ("displacement_index", "lab"): lab = x; break;
                case ("laundered_usd", _): laundered += x; break;
                case ("seized_usd", _): seizedUsd += x; break;
                case ("seized_kg", _): seizedKg += x; break;
                case ("enforcement_spend_usd", _): spend += x; break;
            }
        }
        _cumulativeDeaths += deaths;
        return
        [
            _cumulativeDeaths, deaths, supply, supply > 0 ? price / supply : double.NaN, supply > 0 ? potency / supply : double.NaN,
            substitution, origin, lab, laundered, seizedUsd, seizedKg, spend,
        ];
    }
}
