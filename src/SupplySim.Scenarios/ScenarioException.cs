namespace SupplySim.Scenarios;

/// <summary>A mistake in a scenario file, located at file:line:column (1-based), worded for the user.</summary>
public sealed class ScenarioException(string file, long line, long column, string problem) : Exception($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public long Column { get; } = column;
    public string Problem { get; } = problem;
}
