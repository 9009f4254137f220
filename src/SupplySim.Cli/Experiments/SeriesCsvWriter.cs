using SupplySim.Cli.Analysis;
using SupplySim.Cli.Results;
using SupplySim.Cli.Running;

namespace SupplySim.Cli.Experiments;

/// <summary>
/// Folds each tick's metrics into the headline series of <see cref="Outcomes.Series"/> and streams them to a
/// run's series.csv (one row per tick: tick, date, one column per series). Price and potency are weighted
/// by each region's supply that tick, as in summary.json.
/// </summary>
public sealed class SeriesCsvWriter : ITickSink
{
    private readonly AtomicWriter _file;
    private readonly string[] _metrics;
    private readonly string[] _dimensions;
    private double _cumulativeDeaths;

    public SeriesCsvWriter(string path, string[] metrics, string[] dimensions)
    {
        _metrics = metrics;
        _dimensions = dimensions;
        _file = new AtomicWriter(path);
        _file.Writer.WriteLine("tick,date," + string.Join(",", Outcomes.Series.Select(s => s.Key)));
    }

    public void Write(int tick, string date, double[] v)
    {
        double deaths = 0, supply = 0, price = 0, potency = 0, laundered = 0, seizedUsd = 0, seizedKg = 0, spend = 0;
        double substitution = double.NaN, origin = double.NaN, lab = double.NaN;
        var supplyByRegion = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < v.Length; i++)
            if (_metrics[i] == "supply_reaching_users_kg" && !double.IsNaN(v[i])) supplyByRegion[_dimensions[i]] = v[i];
        for (var i = 0; i < v.Length; i++)
        {
            var x = v[i];
            if (double.IsNaN(x)) continue;
            switch (_metrics[i], _dimensions[i])
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
        double[] row =
        [
            _cumulativeDeaths, deaths, supply, supply > 0 ? price / supply : double.NaN, supply > 0 ? potency / supply : double.NaN,
            substitution, origin, lab, laundered, seizedUsd, seizedKg, spend,
        ];
        var w = _file.Writer;
        w.Write(tick.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(date);
        foreach (var x in row)
        {
            w.Write(',');
            w.Write(MetricsCsvWriter.Format(x));
        }
        w.Write('\n');
    }

    public void Commit() => _file.Commit();

    public void Dispose() => _file.Dispose();
}
