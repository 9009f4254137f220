using SupplySim.Experiments.Analysis;
using SupplySim.Experiments.Results;
using SupplySim.Experiments.Running;

namespace SupplySim.Experiments;

/// <summary>
/// Streams a run's headline series (<see cref="HeadlineSeries"/>) to its series.csv: one row per tick: tick,
/// date, one column per series of <see cref="Outcomes.Series"/>.
/// </summary>
public sealed class SeriesCsvWriter : ITickSink
{
    private readonly AtomicWriter _file;
    private readonly HeadlineSeries _series;

    public SeriesCsvWriter(string path, string[] metrics, string[] dimensions)
    {
        _series = new HeadlineSeries(metrics, dimensions);
        _file = new AtomicWriter(path);
        _file.Writer.WriteLine("tick,date," + string.Join(",", Outcomes.Series.Select(s => s.Key)));
    }

    public void Write(int tick, string date, double[] v)
    {
        var row = _series.Next(v);
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
