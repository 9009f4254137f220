using System.Text.Json;

namespace SupplySim.Experiments.Results;

/// <summary>
/// Folds a run's metrics, tick by tick, into its headline outcomes (summary.json): totals, per-year and
/// per-region deaths, supply-weighted price and potency, and the final index values. O(metrics) memory.
/// </summary>
public sealed class Headline
{
    private readonly string[] _metrics;
    private readonly string[] _dimensions;
    private readonly SortedDictionary<string, double> _deathsByRegion = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, double> _deathsByYear = new();
    private readonly SortedDictionary<string, double> _productionByLab = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, double> _seizedKgByStage = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, double> _launderedByMethod = new(StringComparer.Ordinal);
    private double _supply, _priceTimesSupply, _potencyTimesSupply, _seizedUsd, _spend;
    private readonly double[] _last;

    public Headline(string[] metrics, string[] dimensions)
    {
        _metrics = metrics;
        _dimensions = dimensions;
        _last = new double[metrics.Length];
    }

    public double DeathsTotal => _deathsByRegion.Values.Sum();

    public void Add(int year, double[] v)
    {
        // Price and potency are weighted by the supply of their own region and tick.
        var supplyByRegion = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < v.Length; i++)
            if (_metrics[i] == "supply_reaching_users_kg") supplyByRegion[_dimensions[i]] = v[i];

        for (var i = 0; i < v.Length; i++)
        {
            var x = v[i];
            _last[i] = x;
            if (double.IsNaN(x)) continue;
            var d = _dimensions[i];
            switch (_metrics[i])
            {
                case "overdose_deaths":
                    _deathsByRegion[Value(d)] = _deathsByRegion.GetValueOrDefault(Value(d)) + x;
                    _deathsByYear[year] = _deathsByYear.GetValueOrDefault(year) + x;
                    break;
                case "supply_reaching_users_kg": _supply += x; break;
                case "retail_price_per_mg": _priceTimesSupply += x * supplyByRegion.GetValueOrDefault(d); break;
                case "retail_potency": _potencyTimesSupply += x * supplyByRegion.GetValueOrDefault(d); break;
                case "production_kg": _productionByLab[Value(d)] = _productionByLab.GetValueOrDefault(Value(d)) + x; break;
                case "seized_kg": _seizedKgByStage[Value(d)] = _seizedKgByStage.GetValueOrDefault(Value(d)) + x; break;
                case "laundered_usd": _launderedByMethod[Value(d)] = _launderedByMethod.GetValueOrDefault(Value(d)) + x; break;
                case "seized_usd": _seizedUsd += x; break;
                case "enforcement_spend_usd": _spend += x; break;
            }
        }
    }

    private static string Value(string dimension) => dimension[(dimension.IndexOf('=') + 1)..];

    private double Final(string metric, string dimension)
    {
        for (var i = 0; i < _metrics.Length; i++)
            if (_metrics[i] == metric && _dimensions[i] == dimension) return _last[i];
        return double.NaN;
    }

    public void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject("headline");
        Number(w, "overdose_deaths_total", DeathsTotal);
        Map(w, "overdose_deaths_by_region", _deathsByRegion);
        w.WriteStartObject("overdose_deaths_by_year");
        foreach (var (y, n) in _deathsByYear) Number(w, y.ToString(System.Globalization.CultureInfo.InvariantCulture), n);
        w.WriteEndObject();
        Number(w, "supply_reaching_users_kg_total", _supply);
        Number(w, "retail_price_per_mg_mean", _supply > 0 ? _priceTimesSupply / _supply : double.NaN);
        Number(w, "retail_potency_mean", _supply > 0 ? _potencyTimesSupply / _supply : double.NaN);
        Map(w, "production_kg_by_lab", _productionByLab);
        Number(w, "substitution_index_final", Final("substitution_index", ""));
        Number(w, "displacement_index_origin_final", Final("displacement_index", "origin"));
        Number(w, "displacement_index_lab_final", Final("displacement_index", "lab"));
        Map(w, "laundered_usd_by_method", _launderedByMethod);
        Number(w, "laundered_usd_total", _launderedByMethod.Values.Sum());
        Number(w, "seized_usd_total", _seizedUsd);
        Map(w, "seized_kg_by_stage", _seizedKgByStage);
        Number(w, "enforcement_spend_usd_total", _spend);
        w.WriteEndObject();
    }

    private static void Map(Utf8JsonWriter w, string name, SortedDictionary<string, double> map)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in map) Number(w, k, v);
        w.WriteEndObject();
    }

    public static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
