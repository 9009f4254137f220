using System.Globalization;
using System.Text;

namespace SupplySim.Experiments.Results;

/// <summary>
/// Streams metrics in tidy long format: one row per (run, replicate, tick, metric,
/// dimension), written and flushed as each tick arrives; nothing is held for the whole run.
/// </summary>
public sealed class MetricsCsvWriter : IDisposable
{
    public const string Header = "run,replicate,tick,date,metric,dimension,value";

    private readonly AtomicWriter _file;
    private readonly string[] _metrics;
    private readonly string[] _dimensions;
    private readonly string _run;
    private readonly int _replicate;
    private readonly OutputOptions _output;
    private readonly int[] _kept;

    /// <summary>A writer of one run's rows; <paramref name="output"/> (save list and thinning) defaults to every metric at every tick.</summary>
    public MetricsCsvWriter(string path, string run, int replicate, string[] metrics, string[] dimensions, OutputOptions? output = null)
    {
        _output = output ?? OutputOptions.Default;
        _kept = Enumerable.Range(0, metrics.Length).Where(i => _output.KeepsMetric(metrics[i])).ToArray();
        _run = Field(run);
        _replicate = replicate;
        _metrics = metrics;
        _dimensions = dimensions.Select(Field).ToArray();
        _file = new AtomicWriter(path);
        _file.Writer.WriteLine(Header);
    }

    public void Write(int tick, string date, double[] values)
    {
        if (!_output.KeepsTick(tick)) return;
        var sb = new StringBuilder(64 * _kept.Length);
        foreach (var i in _kept)
        {
            sb.Append(_run).Append(',').Append(_replicate.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(tick.ToString(CultureInfo.InvariantCulture)).Append(',').Append(date).Append(',')
              .Append(_metrics[i]).Append(',').Append(_dimensions[i]).Append(',')
              .Append(Format(values[i])).Append('\n');
        }
        _file.Writer.Write(sb);
        _file.Writer.Flush();
    }

    /// <summary>Shortest text that reads back to the same double; NaN where a ratio has no denominator.</summary>
    public static string Format(double v) => double.IsNaN(v) ? "NaN" : v.ToString("R", CultureInfo.InvariantCulture);

    internal static string Field(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>Bytes written so far (everything is flushed after each tick).</summary>
    public long Length
    {
        get
        {
            _file.Writer.Flush();
            return _file.Writer.BaseStream.Length;
        }
    }

    /// <summary>Cuts the file back to <paramref name="length"/> bytes (a <see cref="Length"/> read earlier), for a run rolled back to a checkpoint.</summary>
    public void Truncate(long length)
    {
        _file.Writer.Flush();
        _file.Writer.BaseStream.SetLength(length);
        _file.Writer.BaseStream.Position = length;
    }

    public void Commit() => _file.Commit();

    public void Dispose() => _file.Dispose();
}
