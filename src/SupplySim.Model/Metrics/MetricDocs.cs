using System.Text;

namespace SupplySim.Model.Metrics;

/// <summary>
/// The metrics table of docs/model.md#metrics, written from <see cref="MetricCatalog"/>. A test holds the docs block
/// (between <see cref="Begin"/> and <see cref="End"/>) equal to <see cref="Table"/> and prints the text to paste.
/// </summary>
public static class MetricDocs
{
    public const string Begin = "<!-- generated from the metric catalog (Metrics/MetricCatalog.cs); MetricCatalogTests prints it -->";
    public const string End = "<!-- end of generated metrics table -->";

    /// <summary>One row per <see cref="MetricRow"/>, metrics in catalogue order.</summary>
    public static string Table()
    {
        var s = new StringBuilder("| metric | dimension format | unit | definition |\n|---|---|---|---|\n");
        foreach (var d in MetricCatalog.All)
            foreach (var r in d.Rows)
            {
                var dimensions = r.Dimensions is [""] ? "(empty)" : string.Join(", ", r.Dimensions.Select(x => $"`{x}`"));
                s.Append($"| `{d.Name}` | {dimensions} | {r.Unit} | {r.Description} |\n");
            }
        return s.ToString();
    }

    /// <summary>The generated block in <paramref name="doc"/>, or null when it has no markers.</summary>
    public static string? BlockIn(string doc)
    {
        var a = doc.IndexOf(Begin, StringComparison.Ordinal);
        var b = doc.IndexOf(End, StringComparison.Ordinal);
        return a < 0 || b < a ? null : doc[(a + Begin.Length)..b].Trim('\n') + "\n";
    }
}
