namespace SupplySim.Cli.Results;

/// <summary>Writes go to "NAME.partial" and become "NAME" only when complete, so an interrupted run never leaves a file that looks finished (architecture.md §4).</summary>
public static class AtomicFile
{
    public static string PartialPath(string path) => path + ".partial";

    public static void Commit(string path) => File.Move(PartialPath(path), path, overwrite: true);

    public static void WriteAllText(string path, string text)
    {
        File.WriteAllText(PartialPath(path), text);
        Commit(path);
    }
}
