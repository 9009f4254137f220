using SupplySim.Experiments.Validation;
using SupplySim.Grains;
using SupplySim.Model.Metrics;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Validation;

/// <summary>The observed-data folder: the shipped files load and map to catalog metrics; every mistake is one line naming file and line.</summary>
public class ObservedDataTests
{
    private const string Header = "series,region,period,value,unit,definition,source,status";
    private const string Good = "overdose_deaths,US,2019,36359,people per year,deaths,CDC,final";

    [Fact]
    public void Given_The_Shipped_Folder_When_Loaded_Then_Every_File_Loads_Maps_To_A_Catalog_Metric_And_Is_Listed_In_Its_Readme()
    {
        var dir = Repo.Path("data", "observed");
        var data = ObservedData.Load(dir);
        var readme = File.ReadAllText(Path.Combine(dir, "README.md"));
        foreach (var file in Directory.GetFiles(dir, "*.csv"))
        {
            var dataset = Path.GetFileNameWithoutExtension(file);
            Assert.Contains($"`{Path.GetFileName(file)}`", readme);
            if (Path.GetFileName(file) != SeriesMapping.File) Assert.Contains(data.Series, s => s.Dataset == dataset);
        }
        foreach (var s in data.Series)
        {
            Assert.Same(MetricCatalog.Find(s.Mapping.Value.Metric.Name), s.Mapping.Value.Metric);
            Assert.All(s.Points, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        }
        Assert.Contains(data.Series, s => s.Series == "overdose_deaths" && s.Region == "US" && s.Points.Count == 12);
    }

    [Theory]
    [InlineData("series,region,period,value,unit,definition,source", Good, "obs.csv:1: missing column 'status'")]
    [InlineData(Header, "overdose_deaths,US,2019-13,36359,people,deaths,CDC,final", "obs.csv:2: period '2019-13' must be YYYY, YYYY-MM or YYYY-Qn")]
    [InlineData(Header, "overdose_deaths,US,2019,36 359,people,deaths,CDC,final", "obs.csv:2: value '36 359' is not a number")]
    [InlineData(Header, "overdose_deaths,EU,2019,36359,people,deaths,CDC,final", "obs.csv:2: region 'EU' is not one the model reports")]
    [InlineData(Header, "overdose_death,US,2019,36359,people,deaths,CDC,final", "obs.csv:2: series 'overdose_death' has no row in mapping.csv")]
    [InlineData(Header, Good + "\n" + Good, "obs.csv:3: duplicate row: overdose_deaths, US, 2019 is already at line 2")]
    [InlineData(Header, "overdose_deaths,US,2019,36359,people,deaths,CDC,estimated", "obs.csv:2: status 'estimated'; allowed: final, provisional")]
    public void Given_A_Malformed_Observed_File_When_Loaded_Then_One_Line_Names_The_File_Line_And_Fix(string header, string rows, string expected)
    {
        var dir = Folder(header + "\n" + rows + "\n");
        try
        {
            var e = Assert.Throws<UserInputException>(() => ObservedData.Load(dir));
            Assert.StartsWith(expected, e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("overdose_deaths,overdose_death,,sum,sum,,1,level", "mapping.csv:2: metric 'overdose_death' is not a metric of the catalog")]
    [InlineData("overdose_deaths,overdose_deaths,state=oud,sum,sum,,1,level", "mapping.csv:2: metric overdose_deaths has no series with the dimension keys state;region")]
    [InlineData("overdose_deaths,overdose_deaths,,total,sum,,1,level", "mapping.csv:2: months 'total'; allowed: sum, mean, last")]
    public void Given_A_Malformed_Mapping_When_Loaded_Then_One_Line_Names_The_Line(string row, string expected)
    {
        var dir = Folder(Header + "\n" + Good + "\n", SeriesMapping.Columns.Aggregate((a, b) => a + "," + b) + "\n" + row + "\n");
        try { Assert.StartsWith(expected, Assert.Throws<UserInputException>(() => ObservedData.Load(dir)).Message); }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Given_A_Malformed_Observed_File_When_Hindcasting_Then_The_Command_Prints_One_Line_Exits_2_And_Writes_Nothing()
    {
        var dir = Folder(Header + "\n" + "overdose_deaths,US,2019-Q5,1,people,deaths,CDC,final\n");
        var output = Path.Combine(dir, "out");
        try
        {
            var r = await CliProcess.Run("hindcast", Path.Combine("tests", "Scenarios", "tiny.yaml"), "--observed", dir, "--out", output);
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("error: obs.csv:2: period '2019-Q5' must be YYYY, YYYY-MM or YYYY-Qn", r.StdErr.Trim());
            Assert.False(Directory.Exists(output));
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>A folder with obs.csv and a mapping that knows overdose_deaths.</summary>
    private static string Folder(string data, string? mapping = null)
    {
        var dir = Repo.TempDir("observed-bad");
        File.WriteAllText(Path.Combine(dir, "obs.csv"), data);
        File.WriteAllText(Path.Combine(dir, SeriesMapping.File), mapping ?? HindcastFixture.Mapping);
        return dir;
    }
}
