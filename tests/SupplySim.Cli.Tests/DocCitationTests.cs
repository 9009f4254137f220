using System.Text.RegularExpressions;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// Code cites only documents inside the repository: no section numbers of the design folder that was never in it,
/// and every <c>docs/PAGE.md#anchor</c> a source file names is a heading of that page.
/// </summary>
public partial class DocCitationTests
{
    private static IEnumerable<(string File, string Text)> SourceFiles()
        => new[] { "src", "tests", "benchmarks" }
            .SelectMany(d => Directory.EnumerateFiles(Repo.Path(d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => !f.EndsWith(nameof(DocCitationTests) + ".cs", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Repo.Root, f), File.ReadAllText(f)));

    [Fact]
    public void Should_Cite_No_Section_Of_A_Design_Document_Outside_The_Repository()
    {
        var outside = SourceFiles().Where(f => OutsideCitation().IsMatch(f.Text)).Select(f => $"{f.File}: {OutsideCitation().Match(f.Text).Value}").ToArray();
        Assert.True(outside.Length == 0, "cite docs/ of this repository instead:\n" + string.Join("\n", outside));
    }

    [Fact]
    public void Should_Cite_Only_Anchors_That_Exist_In_The_Docs()
    {
        var missing = SourceFiles()
            .SelectMany(f => DocsAnchor().Matches(f.Text).Select(m => (f.File, Page: m.Groups[1].Value, Anchor: m.Groups[2].Value)))
            .Where(c => !Anchors(c.Page).Contains(c.Anchor))
            .Select(c => $"{c.File}: docs/{c.Page}#{c.Anchor}")
            .Distinct().ToArray();
        Assert.True(missing.Length == 0, "no such heading:\n" + string.Join("\n", missing));
    }

    /// <summary>GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string page)
    {
        var file = Repo.Path("docs", page);
        if (!File.Exists(file)) return [];
        return [.. File.ReadLines(file).Where(l => l.StartsWith('#'))
            .Select(l => Regex.Replace(l.TrimStart('#').Trim().ToLowerInvariant(), @"[^a-z0-9 _-]", "").Replace(' ', '-'))];
    }

    [GeneratedRegex(@"(model|architecture)\.md §|seed-mechanisms|shared/design")]
    private static partial Regex OutsideCitation();

    [GeneratedRegex(@"docs/([a-z-]+\.md)#([a-z0-9_-]+)")]
    private static partial Regex DocsAnchor();
}
