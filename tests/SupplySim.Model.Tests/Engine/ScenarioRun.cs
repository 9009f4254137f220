using SupplySim.Model.Engine;
using SupplySim.Model.Metrics;
using SupplySim.Scenarios;
using SupplySim.Testing;

namespace SupplySim.Model.Tests.Engine;

/// <summary>A whole run of a (possibly edited) shipped scenario on the in-process engine, with metrics looked up by name.</summary>
public sealed class ScenarioRun
{
    public IReadOnlyList<MetricKey> Catalog { get; }
    public List<double[]> Ticks { get; } = new();
    public World.WorldSpec Spec { get; }

    private ScenarioRun(Scenario scenario)
    {
        Spec = scenario.Spec;
        var engine = new LocalEngine(Spec, scenario.FirmsPerShard, scenario.PeoplePerShard);
        Catalog = engine.Coordinator.Metrics.Catalog;
        for (var t = 0; t < Spec.Ticks; t++) Ticks.Add(engine.Step());
    }

    /// <summary>Runs a shipped scenario after edits by path (<see cref="ScenarioDocument"/>), with interventions appended and its seed replaced.</summary>
    public static ScenarioRun Of(string file, ulong? seed = null, string[]? interventions = null, params Action<ScenarioDocument>[] edits)
        => new(Edited(file, seed, interventions, edits).Compile());

    /// <summary>A shipped scenario with edits by path, interventions appended and its seed replaced, to compile or run.</summary>
    public static ScenarioDocument Edited(string file, ulong? seed = null, string[]? interventions = null, params Action<ScenarioDocument>[] edits)
    {
        // The full path, so that `extends:` finds the base next to the shipped file.
        var document = ScenarioDocument.Load(Repo.Scenario(file));
        foreach (var edit in edits) edit(document);
        foreach (var item in interventions ?? []) document.AddIntervention(item);
        if (seed is { } s) document.Set("seed", s);
        return document;
    }

    /// <summary>Runs an edited scenario as the loader reads it.</summary>
    public static ScenarioRun Of(ScenarioDocument document) => new(document.Compile());

    /// <summary>Runs a scenario given as text (<paramref name="path"/> names it in errors and resolves <c>extends:</c>).</summary>
    public static ScenarioRun FromText(string text, string path) => new(ScenarioLoader.Parse(text, path));

    /// <summary>Runs a small world written in the test itself (no <c>extends</c>).</summary>
    public static ScenarioRun Parse(string yaml) => FromText(yaml, "inline.yaml");

    public int Index(string metric, string dimension = "")
    {
        for (var i = 0; i < Catalog.Count; i++)
            if (Catalog[i].Metric == metric && Catalog[i].Dimension == dimension) return i;
        throw new ArgumentException($"no metric {metric} [{dimension}]");
    }

    public double Value(int tick, string metric, string dimension = "") => Ticks[tick][Index(metric, dimension)];

    /// <summary>Sum of a metric over every dimension whose text starts with <paramref name="dimensionPrefix"/>, over ticks [from, to).</summary>
    public double Sum(string metric, string dimensionPrefix, int from, int to)
    {
        var idx = Enumerable.Range(0, Catalog.Count).Where(i => Catalog[i].Metric == metric && Catalog[i].Dimension.StartsWith(dimensionPrefix, StringComparison.Ordinal)).ToArray();
        if (idx.Length == 0) throw new ArgumentException($"no metric {metric} [{dimensionPrefix}*]");
        var total = 0.0;
        for (var t = from; t < to; t++)
            foreach (var i in idx)
                if (!double.IsNaN(Ticks[t][i])) total += Ticks[t][i];
        return total;
    }

    public int TickOf(string yyyyMm) => Model.Time.MonthDate.TryParse(yyyyMm, out var d) ? d.MonthsSince(Spec.Start) : throw new ArgumentException(yyyyMm);
}
