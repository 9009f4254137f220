using SupplySim.Experiments.Results;

namespace SupplySim.Experiments.Validation;

/// <summary>Whether a period is fitted (calibration, before the holdout year), held out, or not compared and why.</summary>
public static class Sample
{
    public const string Calibration = "calibration", Holdout = "holdout", OutsideWindow = "outside-window", NotModelled = "not-modelled";

    public static string Of(ObservedPeriod period, int holdoutFrom) => period.Year < holdoutFrom ? Calibration : Holdout;

    public static bool Compared(string sample) => sample is Calibration or Holdout;
}

/// <summary>One line of hindcast.csv: an observation against the model's value for the same series, region and period.</summary>
public sealed record HindcastRow(string Series, string Region, string Period, double Observed, ModelInterval Model, string Sample, string Status, string Dataset)
{
    public const string File = "hindcast.csv";
    public const string Header = "series,region,period,observed,model_mean,model_lo95,model_hi95,error,error_pct,sample,status,dataset";

    public double Error => Model.Mean - Observed;

    /// <summary>Signed error in percent of the observed value's size (a relative change of −10% gives |−0.10| as the base).</summary>
    public double ErrorPct => Observed == 0 ? double.NaN : 100 * Error / Math.Abs(Observed);

    public string ToCsv() => CsvLine.Join([Series, Region, Period, CsvLine.Text(Observed), CsvLine.Text(Model.Mean), CsvLine.Text(Model.Low),
        CsvLine.Text(Model.High), CsvLine.Text(Error), CsvLine.Text(ErrorPct), Sample, Status, Dataset]);

    public static IReadOnlyList<HindcastRow> Read(string path)
        => Lines(path).Select(f => new HindcastRow(f[0], f[1], f[2], CsvLine.Number(f[3]),
            new ModelInterval(0, CsvLine.Number(f[4]), CsvLine.Number(f[5]), CsvLine.Number(f[6])), f[9], f[10], f[11])).ToArray();

    internal static IEnumerable<string[]> Lines(string path) => System.IO.File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(CsvLine.Split);
}

/// <summary>One line of hindcast-model.csv: the model's value of a mapped series for every period of the run, the band of the charts.</summary>
public sealed record ModelPoint(string Series, string Region, ObservedPeriod Period, ModelInterval Model, string Sample)
{
    public const string File = "hindcast-model.csv";
    public const string Header = "series,region,period,n,model_mean,model_lo95,model_hi95,sample";

    public string ToCsv() => CsvLine.Join([Series, Region, Period.Text, Model.N.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CsvLine.Text(Model.Mean), CsvLine.Text(Model.Low), CsvLine.Text(Model.High), Sample]);

    public static IReadOnlyList<ModelPoint> Read(string path)
        => HindcastRow.Lines(path).Select(f => ObservedPeriod.TryParse(f[2], out var p)
            ? new ModelPoint(f[0], f[1], p, new ModelInterval(int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), CsvLine.Number(f[4]), CsvLine.Number(f[5]), CsvLine.Number(f[6])), f[7])
            : throw new InvalidDataException($"{path}: period '{f[2]}'")).ToArray();
}
