namespace SupplySim.Experiments.Results;

/// <summary>Writes go to "NAME.partial" and become "NAME" only when complete, so an interrupted run never leaves a file that looks finished.</summary>
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

/// <summary>A UTF-8 text file streamed to "NAME.partial" and renamed to "NAME" by <see cref="Commit"/>; disposed without it, the partial file stays.</summary>
public sealed class AtomicWriter : IDisposable
{
    private readonly string _path;
    private bool _committed;

    public StreamWriter Writer { get; }

    public AtomicWriter(string path)
    {
        _path = path;
        Writer = new StreamWriter(AtomicFile.PartialPath(path), false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
    }

    public void Commit()
    {
        Writer.Dispose();
        AtomicFile.Commit(_path);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed) Writer.Dispose();
    }
}
