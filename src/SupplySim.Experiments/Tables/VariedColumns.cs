using System.Globalization;

namespace SupplySim.Experiments.Tables;

/// <summary>
/// One column per varied setting of a sweep (its YAML path), holding each run's value: a number where every point's
/// value is one, else text (dates such as 2018-01). Compare and run experiments vary nothing, so have none.
/// </summary>
public sealed class VariedColumns
{
    private readonly (string Path, ColumnKind Kind)[] _paths;
    private readonly Dictionary<string, int> _armByRun;
    private readonly ExperimentPlan _plan;

    public VariedColumns(ExperimentPlan plan)
    {
        _plan = plan;
        _armByRun = plan.Arms.Select((a, i) => (a.Run, i)).ToDictionary(x => x.Run, x => x.i, StringComparer.Ordinal);
        _paths = plan.Kind != ExperimentKind.Sweep ? [] : plan.Arms.SelectMany(a => a.Overrides.Select(o => o.Path)).Distinct().Select(path =>
            (path, plan.Arms.All(a => double.TryParse(Value(a, path), NumberStyles.Float, CultureInfo.InvariantCulture, out _)) ? ColumnKind.Double : ColumnKind.Text)).ToArray();
    }

    /// <summary>The columns, leaving out those a table already has (sweep.csv has one per varied path).</summary>
    public TableColumn[] Columns(IEnumerable<string> existing)
    {
        var taken = existing.ToHashSet(StringComparer.Ordinal);
        return _paths.Where(p => !taken.Contains(p.Path)).Select(p => new TableColumn(p.Path, p.Kind)).ToArray();
    }

    /// <summary>Adds the values of the arm labelled <paramref name="run"/> to <paramref name="columns"/> (from <see cref="Columns"/>).</summary>
    public void Add(TableColumn[] columns, string run)
    {
        var arm = _plan.Arms[_armByRun[run]];
        foreach (var c in columns) c.AddField(Value(arm, c.Name) ?? "");
    }

    private static string? Value(ArmEntry arm, string path) => arm.Overrides.FirstOrDefault(o => o.Path == path)?.Value;
}
