using System.Globalization;
using ParquetSharp;
using SupplySim.Experiments.Results;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Tables;

/// <summary>
/// --format parquet, read back with ParquetSharp (Apache Arrow's C++ Parquet library, an implementation independent of the
/// Parquet.Net that writes): the same rows and values as the CSV of the same experiment, typed and split (docs/experiments.md#output-formats).
/// </summary>
[Collection(OutputFormatFixture.Collection)]
public class ParquetOutputTests(OutputFormatFixture fixture)
{
    private string MetricsParquet => Path.Combine(fixture.Parquet, "metrics.parquet");

    [Fact]
    public void Should_Hold_Every_Row_And_Value_Of_Metrics_Csv_When_Read_By_Another_Implementation()
    {
        var csv = File.ReadLines(Path.Combine(fixture.Csv, "metrics.csv")).Skip(1).Select(CsvLine.Split).ToArray();
        var table = ParquetTable.Read(MetricsParquet);

        Assert.Equal(csv.Length, table.Rows);
        for (var i = 0; i < csv.Length; i++)
        {
            var row = csv[i];
            Assert.Equal(row[0], table.Text("run")[i]);
            Assert.Equal(int.Parse(row[1], CultureInfo.InvariantCulture), table.Int("replicate")[i]);
            Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), table.Int("tick")[i]);
            Assert.Equal(row[3], table.Text("date")[i]);
            Assert.Equal(row[4], table.Text("metric")[i]);
            Assert.Equal(row[5], table.Text("dimension")[i]);
            Assert.Equal(CsvLine.Number(row[6]), table.Double("value")[i]); // bit for bit: CSV writes round-trip text
        }
    }

    [Fact]
    public void Should_Split_Every_Key_Of_The_Dimension_Into_Its_Own_Column()
    {
        var table = ParquetTable.Read(MetricsParquet);
        var dimensions = table.Text("dimension");
        var checkedKeys = new HashSet<string>();
        for (var i = 0; i < table.Rows; i++)
        {
            foreach (var part in dimensions[i]!.Split(';').Where(p => p.Contains('=')))
            {
                var (key, value) = (part[..part.IndexOf('=')], part[(part.IndexOf('=') + 1)..]);
                Assert.Equal(value, table.Text(key)[i]);
                checkedKeys.Add(key);
            }
        }
        Assert.Contains("region", checkedKeys);
        Assert.Contains("stage", checkedKeys);
        var region = table.Text("region");
        Assert.Contains(Enumerable.Range(0, table.Rows), i => region[i] is null); // a metric without a region has none
    }

    [Fact]
    public void Should_Give_The_Varied_Setting_Its_Own_Number_Column_In_Every_Long_Table()
    {
        foreach (var file in new[] { "metrics.parquet", "replicates.parquet", "timeseries.parquet", "sweep.parquet" })
        {
            var table = ParquetTable.Read(Path.Combine(fixture.Parquet, file));
            var runs = table.Text("run");
            var values = table.Double(OutputFormatFixture.VariedPath);
            for (var i = 0; i < table.Rows; i++)
                Assert.EndsWith($"{OutputFormatFixture.VariedPath}={values[i].ToString(CultureInfo.InvariantCulture)}", runs[i]);
        }
    }

    [Fact]
    public void Should_Write_An_Empty_Table_Field_As_Null_And_Every_Number_As_In_The_Csv()
    {
        var csv = File.ReadLines(Path.Combine(fixture.Parquet, "marginal.csv")).ToArray();
        var header = CsvLine.Split(csv[0]);
        var table = ParquetTable.Read(Path.Combine(fixture.Parquet, "marginal.parquet"));
        var column = Array.IndexOf(header, "marginal_mean");
        var values = table.OptionalDouble("marginal_mean");

        Assert.Equal(csv.Length - 1, table.Rows);
        for (var i = 1; i < csv.Length; i++)
        {
            var field = CsvLine.Split(csv[i])[column];
            Assert.Equal(field.Length == 0 ? null : CsvLine.Number(field), values[i - 1]);
        }
    }

    [Fact]
    public void Should_Write_One_Row_Group_Per_Run_So_Memory_Holds_One_Run()
    {
        using var file = new ParquetFileReader(MetricsParquet);
        Assert.Equal(4, file.FileMetaData.NumRowGroups);
        for (var g = 0; g < 4; g++)
        {
            using var group = file.RowGroup(g);
            var replicates = group.Column(Column(file, "replicate")).LogicalReader<int>().ReadAll(checked((int)group.MetaData.NumRows));
            Assert.Single(replicates.Distinct());
        }
    }

    [Fact]
    public void Should_Compress_Every_Column_With_Zstd()
    {
        using var file = new ParquetFileReader(MetricsParquet);
        using var group = file.RowGroup(0);
        for (var c = 0; c < file.FileMetaData.NumColumns; c++)
            Assert.Equal(Compression.Zstd, group.MetaData.GetColumnChunkMetaData(c).Compression);
    }

    [Fact]
    public void Should_Keep_The_Csv_Tables_And_Leave_No_Metrics_Csv_When_Writing_Parquet()
    {
        Assert.False(File.Exists(Path.Combine(fixture.Parquet, "metrics.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.Csv, "summary.json")), File.ReadAllBytes(Path.Combine(fixture.Parquet, "summary.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.Csv, "sweep.csv")), File.ReadAllBytes(Path.Combine(fixture.Parquet, "sweep.csv")));
    }

    [Fact]
    public async Task Should_Leave_No_Stale_Parquet_When_A_Folder_Is_Rerun_As_Csv()
    {
        var dir = Path.Combine(fixture.Root, "rerun");
        var tiny = Repo.Path("tests", "Scenarios", "tiny.yaml");
        Assert.Equal(0, (await CliProcess.Run("run", tiny, "--out", dir, "--format", "parquet")).ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "metrics.parquet")));

        Assert.Equal(0, (await CliProcess.Run("run", tiny, "--out", dir)).ExitCode);

        Assert.Empty(Directory.GetFiles(dir, "*.parquet"));
        Assert.True(File.Exists(Path.Combine(dir, "metrics.csv")));
    }

    private static int Column(ParquetFileReader file, string name)
        => Enumerable.Range(0, file.FileMetaData.NumColumns).First(c => file.FileMetaData.Schema.Column(c).Name == name);
}
