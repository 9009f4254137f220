namespace SupplySim.Testing;

/// <summary>Locates files of the repository from a test's output folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Scenario(string name) => Path("scenarios", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "SupplySim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SupplySim.sln not found above " + AppContext.BaseDirectory);
    }

    public static string TempDir(string prefix)
    {
        var d = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"supplysim-{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(d);
        return d;
    }
}
