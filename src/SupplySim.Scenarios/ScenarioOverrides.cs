using System.Globalization;
using SupplySim.Model.Time;
using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

/// <summary>One setting of a scenario file replaced by a value, addressed by its YAML path (docs/experiments.md).</summary>
/// <param name="Path">e.g. <c>actors.agencies[0].budget-usd-per-month</c>, <c>interventions[2].date</c>, <c>parameters.penalty-multiple</c>.</param>
/// <param name="Value">The new value as it would be written in the file, e.g. <c>2.5e7</c> or <c>2019-05</c>.</param>
public sealed record SettingOverride(string Path, string Value);

/// <summary>What a path addresses in a scenario file: a number or a month; <see cref="Current"/> is null where the file leaves it to its default.</summary>
public sealed record SettingTarget(string Path, bool IsDate, string? Current);

/// <summary>A path that does not address a setting of the file (a number or date for sweeps); the message names the path and what exists there.</summary>
public sealed class SettingPathException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}

/// <summary>
/// Applies <see cref="SettingOverride"/>s to a scenario's YAML nodes before it is compiled, so a varied value
/// passes the same checks (type, range, dates) as one written in the file. A missing last key (or a missing
/// block such as <c>parameters</c>) is created; a missing list item is an error. Also lifts the file's
/// <c>sweep:</c> block out of the document, since it describes an experiment, not the world.
/// </summary>
public static class ScenarioOverrides
{
    /// <summary>The top-level key of a scenario file that holds its sweep (<see cref="SweepDefinition"/>).</summary>
    public const string SweepKey = "sweep";

    /// <summary>Hook called by <see cref="ScenarioLoader.Parse"/>: checks and removes the sweep block, then applies the overrides.</summary>
    internal static SweepDefinition? Prepare(YamlReader r, YamlNode document, IReadOnlyList<SettingOverride>? overrides)
    {
        SweepDefinition? sweep = null;
        if (document is YamlMappingNode root && root.Children.TryGetValue(new YamlScalarNode(SweepKey), out var block))
        {
            sweep = SweepDefinition.Read(r, block, path => Target(document, path));
            root.Children.Remove(new YamlScalarNode(SweepKey));
        }
        foreach (var o in overrides ?? [])
        {
            var (parent, key, index) = ScenarioPath.Locate(document, o.Path, create: true);
            var existing = parent switch
            {
                YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(key!), out var v) ? v : null,
                YamlSequenceNode list => list.Children[index],
                _ => null,
            };
            if (existing is YamlScalarNode scalar) scalar.Value = o.Value; // keeps the line and column for the loader's messages
            else if (existing is not null) throw new SettingPathException(o.Path, ScenarioPath.Describe(existing) + "; give the path of one number or date in it");
            else ((YamlMappingNode)parent!).Children[new YamlScalarNode(key!)] = new YamlScalarNode(o.Value);
        }
        return sweep;
    }

    /// <summary>What <paramref name="path"/> addresses in the scenario file: a number or a month (its current text if written).</summary>
    public static SettingTarget Inspect(string scenarioFile, string path)
    {
        var r = new YamlReader(scenarioFile);
        var document = Extends.Resolve(r, ScenarioLoader.ReadDocument(r, File.ReadAllText(scenarioFile)));
        return Target(document, path);
    }

    /// <summary>
    /// The items of a top-level list of the scenario (after <c>extends:</c>), e.g. "interventions": for each, its scalar
    /// keys as text, a list of scalars joined with ','. Lets a tool find the index of an item by what it says.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ListItems(string scenarioFile, string key)
    {
        var r = new YamlReader(scenarioFile);
        var document = Extends.Resolve(r, ScenarioLoader.ReadDocument(r, File.ReadAllText(scenarioFile)));
        if (document is not YamlMappingNode root || !root.Children.TryGetValue(new YamlScalarNode(key), out var list) || list is not YamlSequenceNode items)
            return [];
        return items.Children.Select(item => (IReadOnlyDictionary<string, string>)(item is YamlMappingNode map
            ? map.Children.Where(kv => kv.Key is YamlScalarNode).ToDictionary(
                kv => ((YamlScalarNode)kv.Key).Value!,
                kv => kv.Value switch
                {
                    YamlScalarNode sc => sc.Value ?? "",
                    YamlSequenceNode seq => string.Join(",", seq.Children.OfType<YamlScalarNode>().Select(x => x.Value)),
                    _ => "",
                }, StringComparer.Ordinal)
            : new Dictionary<string, string>())).ToList();
    }

    internal static SettingTarget Target(YamlNode document, string path)
    {
        var (parent, key, index) = ScenarioPath.Locate(document, path, create: false);
        YamlNode? node = parent switch
        {
            null => null,
            YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(key!), out var v) ? v : null,
            _ => ((YamlSequenceNode)parent).Children[index],
        };
        if (node is null) return new SettingTarget(path, false, null); // left to its default: the loader checks the key when compiled
        if (node is not YamlScalarNode { Value: { } text })
            throw new SettingPathException(path, ScenarioPath.Describe(node) + "; give the path of one number or date in it");
        if (MonthDate.TryParse(text, out _)) return new SettingTarget(path, true, text);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return new SettingTarget(path, false, text);
        throw new SettingPathException(path, $"holds '{text}', which is neither a number nor a month (YYYY-MM); only numbers and dates can be varied");
    }
}
