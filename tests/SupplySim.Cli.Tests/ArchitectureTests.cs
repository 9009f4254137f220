using System.Xml.Linq;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// Which project under src/ may reference which (docs/architecture.md#projects), read from the csproj files:
/// the model stands alone, the CLI sits on top and nothing builds on it, and Experiments is a library without a console.
/// </summary>
public class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["SupplySim.Model"] = [],
        ["SupplySim.Scenarios"] = ["SupplySim.Model"],
        ["SupplySim.Grains"] = ["SupplySim.Model"],
        ["SupplySim.Experiments"] = ["SupplySim.Model", "SupplySim.Scenarios", "SupplySim.Grains"],
        ["SupplySim.Hosting"] = ["SupplySim.Model", "SupplySim.Grains"],
        ["SupplySim.Workshop"] = ["SupplySim.Model", "SupplySim.Scenarios", "SupplySim.Grains", "SupplySim.Experiments", "SupplySim.Hosting"],
        ["SupplySim.Cli"] = ["SupplySim.Model", "SupplySim.Scenarios", "SupplySim.Grains", "SupplySim.Experiments", "SupplySim.Hosting", "SupplySim.Workshop"],
    };

    /// <summary>Console and command-line packages: only the CLI (and tests) may use them.</summary>
    private static readonly string[] ConsolePackages = ["System.CommandLine", "Spectre.Console"];

    [Fact]
    public void Every_Source_Project_Is_Listed()
    {
        var projects = Directory.GetDirectories(Repo.Path("src")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), projects);
    }

    [Fact]
    public void Source_Projects_Reference_Only_What_They_May()
    {
        foreach (var (project, allowed) in Allowed)
        {
            var extra = References(project, "src").Except(allowed).ToArray();
            Assert.True(extra.Length == 0, $"{project} references {string.Join(", ", extra)}; it may reference only: {string.Join(", ", allowed)}");
        }
    }

    [Fact]
    public void No_Project_References_The_Cli_But_Its_Tests()
    {
        var csprojs = Directory.GetFiles(Repo.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        foreach (var csproj in csprojs)
        {
            var name = Path.GetFileNameWithoutExtension(csproj);
            if (name.EndsWith(".Tests", StringComparison.Ordinal)) continue;
            Assert.DoesNotContain("SupplySim.Cli", ProjectReferences(csproj));
        }
    }

    [Fact]
    public void Only_The_Cli_Uses_Console_Packages()
    {
        foreach (var project in Allowed.Keys.Where(p => p != "SupplySim.Cli"))
        {
            var packages = Items(Csproj(project, "src"), "PackageReference").ToArray();
            Assert.True(!packages.Intersect(ConsolePackages).Any(), $"{project} uses {string.Join(", ", packages.Intersect(ConsolePackages))}: console glue belongs in SupplySim.Cli");
        }
    }

    private static string Csproj(string project, string folder) => Repo.Path(folder, project, project + ".csproj");

    private static IEnumerable<string> References(string project, string folder) => ProjectReferences(Csproj(project, folder));

    private static IEnumerable<string> ProjectReferences(string csproj)
        => Items(csproj, "ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p.Replace('\\', '/')));

    private static IEnumerable<string> Items(string csproj, string item)
        => XDocument.Load(csproj).Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>();
}
