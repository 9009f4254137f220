using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

/// <summary>
/// A path into a scenario's YAML nodes: keys joined by '.', <c>[N]</c> for a list item, or <c>[key=value]</c> for the one
/// list item whose keys say so, e.g. <c>actors.agencies[0].budget-usd-per-month</c>, <c>actors.labs[jurisdiction=MX]</c>,
/// <c>actors.suppliers[jurisdiction=IN,cohort=small].count</c>, <c>world.trust[between=US+CN]</c> (a list value, its items
/// joined by '+'). Sweeps (<see cref="ScenarioOverrides"/>) and edits
/// (<see cref="ScenarioDocument"/>) walk the same paths; every step that finds nothing throws <see cref="SettingPathException"/>.
/// </summary>
internal static partial class ScenarioPath
{
    /// <summary>One step: a key of a mapping, or an item of a list by index or by the values of some of its keys.</summary>
    internal readonly record struct Step(string? Key, int Index, (string Key, string Value)[]? Match)
    {
        public override string ToString() => Key ?? (Match is null ? $"[{Index}]" : $"[{string.Join(',', Match.Select(m => $"{m.Key}={m.Value}"))}]");
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_-]+)(?<idx>(\[[^\[\]]+\])*)$")]
    private static partial Regex SegmentPattern();

    /// <summary>
    /// Walks the path to the node that holds its last step: a mapping and a key, or a list and an index.
    /// A missing mapping on the way is added with <paramref name="create"/> (the loader then names any unknown key),
    /// and reported as a null parent without it; a missing list item is always an error.
    /// </summary>
    public static (YamlNode? Parent, string? Key, int Index) Locate(YamlNode document, string path, bool create)
    {
        var steps = Steps(path);
        YamlNode node = document;
        var at = "";
        for (var i = 0; i < steps.Count; i++)
        {
            var (key, index, match) = steps[i];
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
                if (node is not YamlSequenceNode list) throw new SettingPathException(path, $"{Where(at)} {Describe(node)}, not a list, so {steps[i]} does not apply");
                if (match is not null) index = Find(path, at, list, match);
                else if (index >= list.Children.Count)
                    throw new SettingPathException(path, $"{Where(at)} has {list.Children.Count} item(s){(list.Children.Count > 0 ? $" (0 to {list.Children.Count - 1})" : "")}, so there is no [{index}]");
                if (last) return (list, null, index);
                node = list.Children[index];
                at = $"{at}[{index}]";
            }
        }
        throw new SettingPathException(path, "is empty; write a path such as parameters.penalty-multiple");
    }

    /// <summary>The node the path addresses, or an exception naming the first step that finds nothing.</summary>
    public static YamlNode Node(YamlNode document, string path)
    {
        var (parent, key, index) = Locate(document, path, create: false);
        if (parent is YamlSequenceNode list) return list.Children[index];
        if (parent is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key!), out var value)) return value;
        throw new SettingPathException(path, parent is YamlMappingNode m ? $"has no key '{key}'; keys there: {Keys(m)}" : "leads through a key the file does not have");
    }

    /// <summary>The index of the one item of <paramref name="list"/> whose keys hold the values in <paramref name="match"/>.</summary>
    private static int Find(string path, string at, YamlSequenceNode list, (string Key, string Value)[] match)
    {
        var found = new List<int>();
        for (var i = 0; i < list.Children.Count; i++)
            if (list.Children[i] is YamlMappingNode item && match.All(m => item.Children.TryGetValue(new YamlScalarNode(m.Key), out var v) && Text(v) == m.Value))
                found.Add(i);
        var what = string.Join(", ", match.Select(m => $"{m.Key}={m.Value}"));
        return found.Count switch
        {
            1 => found[0],
            0 => throw new SettingPathException(path, $"{Where(at)} has no item with {what}"),
            _ => throw new SettingPathException(path, $"{Where(at)} has {found.Count} items with {what} ([{string.Join("], [", found)}]); add a key that tells them apart"),
        };
    }

    /// <summary>A scalar's text, or a list of scalars joined by '+', as a selection writes them.</summary>
    private static string? Text(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value,
        YamlSequenceNode q when q.Children.All(c => c is YamlScalarNode) => string.Join('+', q.Children.Select(c => ((YamlScalarNode)c).Value)),
        _ => null,
    };

    /// <summary>Splits "a.b[2].c[id=x]" into (a), (b), ([2]), (c), ([id=x]); a '.' inside brackets belongs to the value.</summary>
    private static List<Step> Steps(string path)
    {
        var steps = new List<Step>();
        if (string.IsNullOrWhiteSpace(path)) throw new SettingPathException(path, "is empty; write a path such as parameters.penalty-multiple");
        foreach (var segment in Segments(path))
        {
            var m = SegmentPattern().Match(segment);
            if (!m.Success)
                throw new SettingPathException(path, $"'{segment}' is not a key; write keys joined by '.', with [N] for a list item, e.g. actors.agencies[0].budget-usd-per-month");
            steps.Add(new Step(m.Groups["key"].Value, -1, null));
            foreach (var idx in m.Groups["idx"].Value.Split('[', StringSplitOptions.RemoveEmptyEntries))
            {
                var inner = idx.TrimEnd(']');
                if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) steps.Add(new Step(null, n, null));
                else if (inner.Contains('=')) steps.Add(new Step(null, -1, Match(path, inner)));
                else throw new SettingPathException(path, $"[{idx} is not a list index");
            }
        }
        return steps;
    }

    private static (string Key, string Value)[] Match(string path, string inner)
        => inner.Split(',').Select(pair =>
        {
            var eq = pair.IndexOf('=');
            var (k, v) = eq > 0 ? (pair[..eq].Trim(), pair[(eq + 1)..].Trim()) : ("", "");
            return k.Length > 0 && v.Length > 0 ? (k, v) : throw new SettingPathException(path, $"[{inner}] is not a selection; write [key=value] or [key=value,key=value]");
        }).ToArray();

    private static IEnumerable<string> Segments(string path)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '[') depth++;
            else if (path[i] == ']') depth--;
            else if (path[i] == '.' && depth == 0)
            {
                yield return path[start..i];
                start = i + 1;
            }
        }
        yield return path[start..];
    }

    public static string Where(string at) => at.Length == 0 ? "the file" : at;

    public static string Keys(YamlMappingNode map)
        => map.Children.Count == 0 ? "(none)" : string.Join(", ", map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value));

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode m => $"is a mapping (keys: {Keys(m)})",
        YamlSequenceNode s => $"is a list of {s.Children.Count} item(s); add [N] to pick one",
        YamlScalarNode s => $"is the value '{s.Value}'",
        _ => "is empty",
    };
}
