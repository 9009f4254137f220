using System.Globalization;
using System.Text;
using SupplySim.Model.World;

namespace SupplySim.Scenarios;

/// <summary>
/// The parameter tables of docs/model.md and docs/scenarios.md, written from the declarations. A test holds each docs
/// block (between its <see cref="Begin"/> and <see cref="End"/> markers) equal to these and prints the text to paste.
/// </summary>
public static class ParameterDocs
{
    public const string Begin = "<!-- generated from the parameter declarations (World/Parameters); ParameterDocsTests prints it -->";
    public const string End = "<!-- end of generated parameter tables -->";

    private static readonly (ParameterGroup Group, string Heading)[] Headings =
    [
        (ParameterGroup.Supply, "Supply world"),
        (ParameterGroup.Labs, "Clan-lab world and money"),
        (ParameterGroup.Retail, "Retail and users"),
        (ParameterGroup.Adulterants, "Adulterants, nitazenes and counterfeit pills"),
        (ParameterGroup.Levers, "Levers and cooperation"),
    ];

    /// <summary>docs/model.md: one table per group, every declared field.</summary>
    public static string ModelTables()
    {
        var s = new StringBuilder();
        foreach (var (group, heading) in Headings)
        {
            s.Append("### ").Append(heading).Append("\n\n");
            s.Append("| scenario key | default | kind | unit | description | used in | source | prior |\n|---|---:|---|---|---|---|---|---|\n");
            foreach (var d in ParameterCatalog.All.Where(d => d.Group == group))
                s.Append(CultureInfo.InvariantCulture, $"| `{d.Name}` | {Number(d.Default)} | {d.Domain.Kind()} | {d.Unit} | {d.Description} | {d.UsedIn} | {d.Source} | {d.Prior} ({d.Prior.Basis}) |\n");
            s.Append('\n');
        }
        return s.ToString();
    }

    /// <summary>docs/scenarios.md: the valid range of each kind and the parameters of that kind.</summary>
    public static string KindTable()
    {
        var s = new StringBuilder("| kind | allowed | parameters |\n|---|---|---|\n");
        foreach (var domain in Enum.GetValues<ParameterDomain>())
        {
            var names = ParameterCatalog.All.Where(d => d.Domain == domain).Select(d => $"`{d.Name}`").Order(StringComparer.Ordinal);
            s.Append(CultureInfo.InvariantCulture, $"| {domain.Kind()} | {domain.Allowed()} | {string.Join(", ", names)} |\n");
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

    private static string Number(double v) => v.ToString("G", CultureInfo.InvariantCulture);
}
