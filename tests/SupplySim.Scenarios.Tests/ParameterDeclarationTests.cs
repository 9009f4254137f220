using SupplySim.Model.World;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>
/// Every behaviour parameter is declared once (World/Parameters): the declarations must be complete and consistent,
/// and the docs tables must be the ones written from them. On a mismatch the test prints the text to paste.
/// </summary>
public class ParameterDeclarationTests
{
    [Fact]
    public void Should_Declare_Every_Parameter_With_A_Range_Holding_Its_Default_And_Its_Prior()
    {
        Assert.Equal(75, ParameterCatalog.All.Count); // 75th: distribution-cover-months (docs/model.md#distribution-stock)
        foreach (var d in ParameterCatalog.All)
        {
            var (min, max) = d.Domain.Bounds();
            Assert.True(d.Default >= min && d.Default <= max || d.Default == 0 && d.Domain == ParameterDomain.NonNegative, $"{d.Name}: default {d.Default} outside {min}..{max}");
            Assert.True(d.Prior.Low >= min && d.Prior.High <= max, $"{d.Name}: prior {d.Prior} leaves {min}..{max}");
            Assert.True(d.Default >= d.Prior.Low && d.Default <= d.Prior.High, $"{d.Name}: default {d.Default} outside its prior {d.Prior}");
            Assert.False(string.IsNullOrWhiteSpace(d.Unit), d.Name);
            Assert.False(string.IsNullOrWhiteSpace(d.Description), d.Name);
            Assert.False(string.IsNullOrWhiteSpace(d.Source), d.Name);
        }
    }

    [Fact]
    public void Should_Give_Every_Parameter_Its_Own_Description()
        => Assert.Equal(ParameterCatalog.All.Count, ParameterCatalog.All.Select(d => d.Description).Distinct().Count());

    [Theory]
    [InlineData("model.md")]
    [InlineData("scenarios.md")]
    public void Should_Match_The_Parameter_Tables_In_The_Docs(string doc)
    {
        var expected = (doc == "model.md" ? ParameterDocs.ModelTables() : ParameterDocs.KindTable()).Trim('\n') + "\n";
        var actual = ParameterDocs.BlockIn(File.ReadAllText(Repo.Path("docs", doc)));
        Assert.True(actual == expected, $"docs/{doc}: paste between the markers\n{ParameterDocs.Begin}\n{expected}{ParameterDocs.End}");
    }

    [Fact]
    public void Should_Read_And_Write_Values_Through_The_Declarations()
    {
        var p = new ModelParameters();
        foreach (var d in ParameterCatalog.All)
            Assert.Equal(d.Default, d.Get(p));
        var changed = ScenarioLoader.WithParameter(p, "relist-months", 3.4);
        Assert.Equal(3, changed.RelistMonths);
        Assert.Equal(7.5, ScenarioLoader.GetParameter(ScenarioLoader.WithParameter(p, "penalty-multiple", 7.5), "penalty-multiple"));
    }
}
