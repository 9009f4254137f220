using System.Text.RegularExpressions;
using Spectre.Console.Testing;
using SupplySim.Cli.Commands;
using SupplySim.Experiments.Analysis;
using Xunit;

namespace SupplySim.Cli.Tests.Reports;

/// <summary>`supplysim report DIR` rebuilds tables, charts and report.html from a folder alone; its console output is golden.</summary>
public class ReportCommandTests
{
    private static async Task<(int Code, string Output)> Report(string dir)
    {
        var console = new TestConsole().Width(120);
        var code = await SupplySimCommand.InvokeAsync(["report", dir], console);
        return (code, console.Output.Replace(dir, "<dir>"));
    }

    [Fact]
    public async Task Should_Print_The_Comparison_Table_With_Paired_Differences_And_Deaths_Averted_Per_Spend()
    {
        var dir = ResultsFixture.Compare();
        try
        {
            var (code, output) = await Report(dir);
            Assert.Equal(0, code);
            Golden.Assert(output, "Report", "Compare");
            Assert.True(File.Exists(Path.Combine(dir, "compare.csv")) && File.Exists(Path.Combine(dir, "compare.json")));
            Assert.Contains("deaths_averted_per_million_usd,policy,3,5,", File.ReadAllText(Path.Combine(dir, "compare.csv")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Should_Find_Diminishing_Returns_Where_A_Concave_Effect_Drops_Below_Half_Of_Its_First_Step()
    {
        var dir = ResultsFixture.Sweep();
        try
        {
            var (code, output) = await Report(dir);
            Assert.Equal(0, code);
            Golden.Assert(output, "Report", "Sweep");
            Assert.Contains("Returns diminish at step 4 (0.75 to 1)", output);
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "sweep.json")));
            var deaths = json.RootElement.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("outcome").GetString() == "overdose_deaths_total");
            Assert.Equal(4, deaths.GetProperty("diminishing_returns").GetProperty("step").GetInt32());
            Assert.Equal("0.75", deaths.GetProperty("diminishing_returns").GetProperty("from").GetString());
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_Write_A_Self_Contained_Report_With_Every_Headline_Outcome(bool compare)
    {
        var dir = compare ? ResultsFixture.Compare() : ResultsFixture.Sweep();
        try
        {
            Assert.Equal(0, (await Report(dir)).Code);
            var html = File.ReadAllText(Path.Combine(dir, "report.html"));
            foreach (var o in Outcomes.Headline) Assert.Contains(o.Label, html);
            Assert.Contains("What does the policy change?", html);
            // Every src is embedded; every href is a local file of the folder that exists.
            foreach (Match m in Regex.Matches(html, "src=\"([^\"]*)\"")) Assert.StartsWith("data:image/svg+xml;base64,", m.Groups[1].Value);
            foreach (Match m in Regex.Matches(html, "href=\"([^\"]*)\""))
            {
                var target = m.Groups[1].Value;
                Assert.DoesNotContain(":", target);
                if (target.StartsWith("charts/", StringComparison.Ordinal)) Assert.True(File.Exists(Path.Combine(dir, target)), target);
            }
            Assert.DoesNotMatch("<(script|link|iframe)", html);
            Assert.DoesNotContain("url(", html);
            var charts = Directory.GetFiles(Path.Combine(dir, "charts"));
            Assert.Equal(charts.Count(c => c.EndsWith(".png", StringComparison.Ordinal)), charts.Count(c => c.EndsWith(".svg", StringComparison.Ordinal)));
            Assert.True(charts.Length >= 2 * 12);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Should_Reject_A_Folder_Without_A_Manifest_With_One_Line()
    {
        var dir = Testing.Repo.TempDir("empty");
        try
        {
            var r = await CliProcess.Run("report", dir);
            Assert.Equal(2, r.ExitCode);
            Assert.Equal($"error: {dir} has no manifest.json; give a results folder written by run, compare or sweep\n", r.StdErr);
        }
        finally { Directory.Delete(dir, true); }
    }
}
