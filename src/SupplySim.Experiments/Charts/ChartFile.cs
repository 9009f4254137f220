using ScottPlot;
using SupplySim.Experiments.Results;

namespace SupplySim.Experiments.Charts;

/// <summary>
/// The common look of SupplySim's charts and how they are saved: each chart as NAME.png and NAME.svg under
/// charts/, written whole under a temporary name and renamed. Same data, same bytes (no dates in the files).
/// </summary>
public static class ChartFile
{
    public const int Width = 960, Height = 500;
    public const string Folder = "charts";

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static Color ColorOf(int series) => Palette.GetColor(series);

    public static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title, size: 16);
        plot.XLabel(xLabel, size: 13);
        plot.YLabel(yLabel, size: 13);
        return plot;
    }

    /// <summary>Writes charts/NAME.png and charts/NAME.svg; returns their paths relative to the results folder.</summary>
    public static IReadOnlyList<string> Save(Plot plot, string outDir, string name)
    {
        var dir = Path.Combine(outDir, Folder);
        Directory.CreateDirectory(dir);
        var png = Path.Combine(dir, name + ".png");
        var svg = Path.Combine(dir, name + ".svg");
        File.WriteAllBytes(AtomicFile.PartialPath(png), plot.GetImageBytes(Width, Height, ImageFormat.Png));
        AtomicFile.Commit(png);
        AtomicFile.WriteAllText(svg, plot.GetSvgXml(Width, Height));
        return [$"{Folder}/{name}.png", $"{Folder}/{name}.svg"];
    }

    /// <summary>A legend only when there is more than one line to tell apart.</summary>
    public static void Legend(Plot plot, int lines)
    {
        if (lines > 1) plot.ShowLegend(Alignment.UpperLeft);
        else plot.Legend.IsVisible = false;
    }
}
