using Spectre.Console;
using SupplySim.Experiments.Reports;

namespace SupplySim.Cli.Rendering;

/// <summary>Renders <see cref="ResultTable"/>s on the console with Spectre (text cells, never markup: labels hold brackets).</summary>
public static class ConsoleTables
{
    public static void Write(IAnsiConsole console, ResultTable table)
    {
        var t = new Table().Border(TableBorder.Rounded).Title(new TableTitle(Markup.Escape(table.Title)));
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = new TableColumn(new Text(table.Columns[i]));
            t.AddColumn(i == 0 ? column : column.RightAligned().NoWrap());
        }
        foreach (var row in table.Rows) t.AddRow(row.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());
        console.Write(t);
        foreach (var note in table.Notes) console.WriteLine("  " + note);
        console.WriteLine();
    }
}
