using System.Reflection;

namespace SupplySim.Workshop;

/// <summary>A file of the workshop page, served from the assembly's embedded resources (nothing is fetched from the internet).</summary>
public sealed record WorkshopAsset(string Route, string ContentType, byte[] Bytes);

/// <summary>The page, its script and its style, embedded in this assembly (wwwroot), so workshop mode works offline.</summary>
public static class WorkshopAssets
{
    public static IReadOnlyList<WorkshopAsset> All { get; } =
    [
        Load("/", "index.html", "text/html; charset=utf-8"),
        Load("/workshop.js", "workshop.js", "text/javascript; charset=utf-8"),
        Load("/workshop.css", "workshop.css", "text/css; charset=utf-8"),
    ];

    private static WorkshopAsset Load(string route, string name, string contentType)
    {
        using var stream = typeof(WorkshopAssets).Assembly.GetManifestResourceStream($"SupplySim.Workshop.{name}")
            ?? throw new InvalidOperationException($"the workshop page's {name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new WorkshopAsset(route, contentType, copy.ToArray());
    }
}
