using System.Globalization;
using System.Text.RegularExpressions;
using SupplySim.Model.Time;
using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

/// <summary>One setting of a scenario file replaced by a value, addressed by its YAML path (docs/experiments.md).</summary>
/// <param name="Path">e.g. <c>actors.agencies[0].budget-usd-per-month</c>, <c>interventions[2].date</c>, <c>parameters.penalty-multiple</c>.</param>
/// <param name="Value">The new value as it would be written in the file, e.g. <c>2.5e7</c> or <c>2019-05</c>.</param>
public sealed record SettingOverride(string Path, string Value);

/// <summary>What a path addresses in a scenario file: a number or a month; <see cref="Current"/> is null where the file leaves it to its default.</summary>
public sealed record SettingTarget(string Path, bool IsDate, string? Current);

/// <summary>A path that does not address a numeric setting of the file; the message names the path and what exists there.</summary>
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
public static partial class ScenarioOverrides
{
    /// <summary>The top-level key of a scenario file that holds its sweep (<see cref="SweepDefinition"/>).</summary>
    public const string SweepKey = "sweep";

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_-]+)(?<idx>(\[\d+\])*)$")]
    private static partial Regex SegmentPattern();

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
            var (parent, key, index) = Locate(document, o.Path, create: true);
            var existing = parent switch
            {
                YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(key!), out var v) ? v : null,
                YamlSequenceNode list => list.Children[index],
                _ => null,
            };
            if (existing is YamlScalarNode scalar) scalar.Value = o.Value; // keeps the line and column for the loader's messages
            else if (existing is not null) throw new SettingPathException(o.Path, Describe(existing) + "; give the path of one number or date in it");
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
        var (parent, key, index) = Locate(document, path, create: false);
        YamlNode? node = parent switch
        {
            null => null,
            YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(key!), out var v) ? v : null,
            _ => ((YamlSequenceNode)parent).Children[index],
        };
        if (node is null) return new SettingTarget(path, false, null); // left to its default: the loader checks the key when compiled
        if (node is not YamlScalarNode { Value: { } text })
            throw new SettingPathException(path, Describe(node) + "; give the path of one number or date in it");
        if (MonthDate.TryParse(text, out _)) return new SettingTarget(path, true, text);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return new SettingTarget(path, false, text);
        throw new SettingPathException(path, $"holds '{text}', which is neither a number nor a month (YYYY-MM); only numbers and dates can be varied");
    }

    /// <summary>
    /// Walks the path to the node that holds its last step: a mapping and a key, or a list and an index.
    /// A missing mapping on the way is added with <paramref name="create"/> (the loader then names any unknown key),
    /// and reported as a null parent without it; a missing list item is always an error.
    /// </summary>
    private static (YamlNode? Parent, string? Key, int Index) Locate(YamlNode document, string path, bool create)
    {
        var steps = Steps(path);
        YamlNode node = document;
        var at = "";
        for (var i = 0; i < steps.Count; i++)
        {
            var (key, index) = steps[i];
            var last = i == steps.Count - 1;
            if (key is not null)
            {
                if (node is not YamlMappingNode map) throw new SettingPathException(path, $"{Where(at)} {Describe(node)}, so it has no key '{key}'");
                if (last) return (map, key, -1);
                if (!map.Children.TryGetValue(new YamlScalarNode(key), out var child))
                {
                    if (steps.Skip(i + 1).Any(s => s.Key is null))
                        throw new SettingPathException(path, $"{Where(at)} has no key '{key}'; keys there: {Keys(map)}");
                    if (!create) return (null, null, -1);
                    child = new YamlMappingNode();
                    map.Children[new YamlScalarNode(key)] = child;
                }
                node = child;
                at = at.Length == 0 ? key : $"{at}.{key}";
            }
            else
            {
                if (node is not YamlSequenceNode list) throw new SettingPathException(path, $"{Where(at)} {Describe(node)}, not a list, so [{index}] does not apply");
                if (index >= list.Children.Count)
                    throw new SettingPathException(path, $"{Where(at)} has {list.Children.Count} item(s){(list.Children.Count > 0 ? $" (0 to {list.Children.Count - 1})" : "")}, so there is no [{index}]");
                if (last) return (list, null, index);
                node = list.Children[index];
                at = $"{at}[{index}]";
            }
        }
        throw new SettingPathException(path, "is empty; write a path such as parameters.penalty-multiple");
    }

    /// <summary>Splits "a.b[2].c" into (a), (b), ([2]), (c).</summary>
    private static List<(string? Key, int Index)> Steps(string path)
    {
        var steps = new List<(string? Key, int Index)>();
        if (string.IsNullOrWhiteSpace(path)) throw new SettingPathException(path, "is empty; write a path such as parameters.penalty-multiple");
        foreach (var segment in path.Split('.'))
        {
            var m = SegmentPattern().Match(segment);
            if (!m.Success)
                throw new SettingPathException(path, $"'{segment}' is not a key; write keys joined by '.', with [N] for a list item, e.g. actors.agencies[0].budget-usd-per-month");
            steps.Add((m.Groups["key"].Value, -1));
            foreach (var idx in m.Groups["idx"].Value.Split('[', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(idx.TrimEnd(']'), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    throw new SettingPathException(path, $"[{idx} is not a list index");
                steps.Add((null, n));
            }
        }
        return steps;
    }

    private static string Where(string at) => at.Length == 0 ? "the file" : at;

    private static string Keys(YamlMappingNode map)
        => map.Children.Count == 0 ? "(none)" : string.Join(", ", map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value));

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode m => $"is a mapping (keys: {Keys(m)})",
        YamlSequenceNode s => $"is a list of {s.Children.Count} item(s); add [N] to pick one",
        YamlScalarNode s => $"is the value '{s.Value}'",
        _ => "is empty",
    };
}
