using SupplySim.Model.Metrics;
using SupplySim.Model.World;
using SupplySim.Scenarios;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Model.Tests.Metrics;

public sealed class MetricCatalogTests
{
    [Fact]
    public void Should_Name_Every_Metric_Once()
    {
        Assert.Equal(MetricCatalog.All.Count, MetricCatalog.All.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(MetricCatalog.Outcomes.Count, MetricCatalog.Outcomes.Select(o => o.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(MetricCatalog.Series.Count, MetricCatalog.Series.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count());
        foreach (var d in MetricCatalog.All)
        {
            Assert.NotEmpty(d.Rows);
            Assert.All(d.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Unit) || string.IsNullOrWhiteSpace(r.Description), d.Name));
            Assert.Same(d, MetricCatalog.Find(d.Name));
        }
    }

    [Fact]
    public void Should_Weigh_Only_By_A_Metric_Of_The_Same_Dimensions()
    {
        foreach (var d in MetricCatalog.All.Where(d => d.WeightedBy is not null))
            Assert.All(d.Rows.SelectMany(r => r.Dimensions), x => Assert.True(d.WeightedBy!.Describes(x), d.Name));
    }

    public static TheoryData<string> Scenarios() => new(Directory.GetFiles(Repo.Path("scenarios"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Should_Describe_Every_Series_A_Scenario_Emits(string file)
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(file));
        var computer = new MetricsComputer(new Layout(scenario.Spec, scenario.FirmsPerShard, scenario.PeoplePerShard));
        foreach (var key in computer.Catalog)
        {
            var d = MetricCatalog.Find(key.Metric);
            Assert.True(d is not null, $"{file}: {key.Metric} is not in the catalog");
            Assert.True(d.Describes(key.Dimension), $"{file}: {key.Metric} has no row for dimension '{key.Dimension}'");
        }
    }

    [Fact]
    public void Should_Order_The_Catalog_As_The_Series_First_Appear()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("stimulant-market.yaml"));
        var computer = new MetricsComputer(new Layout(scenario.Spec, scenario.FirmsPerShard, scenario.PeoplePerShard));
        var emitted = computer.Catalog.Select(k => MetricCatalog.Find(k.Metric)!).Distinct().ToList();
        Assert.Equal(emitted, MetricCatalog.All.Where(emitted.Contains));
    }

    [Fact]
    public void Should_Match_The_Metrics_Table_Of_The_Docs()
    {
        var expected = MetricDocs.Table();
        var actual = MetricDocs.BlockIn(File.ReadAllText(Repo.Path("docs", "model.md")));
        Assert.True(actual == expected, $"docs/model.md: paste between the markers\n{MetricDocs.Begin}\n{expected}{MetricDocs.End}");
    }
}
