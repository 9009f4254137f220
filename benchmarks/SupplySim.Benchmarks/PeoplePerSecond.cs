using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SupplySim.Benchmarks;

/// <summary>Adds the median and a "M person-steps/s" column (People / median time) to benchmarks with a People parameter.</summary>
public sealed class PeoplePerSecondConfig : ManualConfig
{
    public PeoplePerSecondConfig()
    {
        AddColumn(StatisticColumn.Median);
        AddColumn(new PeoplePerSecondColumn());
    }
}

public sealed class PeoplePerSecondColumn : IColumn
{
    public string Id => nameof(PeoplePerSecondColumn);
    public string ColumnName => "M person-steps/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Million person-steps per second: People / median time of one step";
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var people = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "People")?.Value;
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        if (people is not int n || median is not double ns || ns <= 0) return "-";
        return (n / (ns * 1e-9) / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }
}
