using SupplySim.Experiments.Results;
using SupplySim.Model.Metrics;

namespace SupplySim.Experiments;

/// <summary>
/// Folds each tick's metrics (in catalogue order) into one row of the headline series of
/// <see cref="MetricCatalog.Series"/>, in that order. Price and potency are weighted by each region's supply that
/// tick, as in summary.json. Used by series.csv and by workshop mode's live charts, so both show the same numbers.
/// </summary>
public sealed class HeadlineSeries
{
    private readonly SeriesFolder[] _folders;

    public HeadlineSeries(string[] metrics, string[] dimensions)
        => _folders = MetricCatalog.Series.Select(s => new SeriesFolder(s, metrics, dimensions)).ToArray();

    public double[] Next(double[] v)
    {
        var row = new double[_folders.Length];
        for (var k = 0; k < row.Length; k++) row[k] = _folders[k].Next(v);
        return row;
    }

    private sealed class SeriesFolder
    {
        private readonly HeadlineSeriesSpec _spec;
        private readonly SeriesSelection _selection;
        private double _cumulative;

        public SeriesFolder(HeadlineSeriesSpec spec, string[] metrics, string[] dimensions)
        {
            _spec = spec;
            _selection = new SeriesSelection(spec.Metric, metrics, dimensions, spec.Fold == SeriesFold.Value ? spec.Dimension : null);
        }

        public double Next(double[] v)
        {
            double sum = 0, value = double.NaN;
            var series = _selection.Series;
            for (var n = 0; n < series.Length; n++)
            {
                var x = v[series[n]];
                if (double.IsNaN(x)) continue;
                value = x;
                sum += _spec.Fold == SeriesFold.WeightedMean ? x * _selection.Weight(v, n) : x;
            }
            switch (_spec.Fold)
            {
                case SeriesFold.Cumulative: return _cumulative += sum;
                case SeriesFold.Value: return value;
                case SeriesFold.WeightedMean:
                    var weight = _selection.AddWeights(v, 0);
                    return weight > 0 ? sum / weight : double.NaN;
                default: return sum;
            }
        }
    }
}
