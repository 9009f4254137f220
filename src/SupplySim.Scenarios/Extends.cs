using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

/// <summary>
/// Scenario inheritance: a file with <c>extends: baseline.yaml</c> (a path relative to the file) starts from
/// that scenario. Its own top-level keys replace the base's (whole keys: a child `world:` replaces the whole
/// world), except <c>add-interventions:</c>, whose items are appended to the base's interventions, and
/// <c>parameters:</c>, whose entries are merged over the base's. The base must itself be valid on its own;
/// it is checked first, so its own mistakes are reported against its own file. A mistake that only the
/// merge creates (say a child's shorter `end` leaves a base intervention outside the run) is reported with
/// the child's file name but the base file's line: the message names the key path, which identifies it.
/// </summary>
internal static class Extends
{
    public const string Key = "extends";
    public const string AddKey = "add-interventions";

    [ThreadStatic] private static HashSet<string>? _chain;

    public static YamlNode Resolve(YamlReader r, YamlNode root, int depth = 0)
    {
        var self = Path.GetFullPath(r.File);
        var outermost = _chain is null;
        _chain ??= new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (!_chain.Add(self) && depth == 0 && !outermost)
                throw r.Error(root, $"extends makes a loop through {Path.GetFileName(r.File)}; a scenario cannot extend itself");
            return ResolveIn(r, root, depth);
        }
        finally
        {
            if (outermost) _chain = null;
        }
    }

    private static YamlNode ResolveIn(YamlReader r, YamlNode root, int depth)
    {
        if (root is not YamlMappingNode child || !child.Children.TryGetValue(new YamlScalarNode(Key), out var baseNode))
        {
            if (root is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(AddKey), out var stray))
                throw r.Error(stray, $"'{AddKey}' only makes sense with '{Key}: BASE.yaml'");
            return root;
        }
        if (depth > 4) throw r.Error(baseNode, "extends chains deeper than 5 files; flatten them");
        var relative = r.Text(baseNode, Key);
        var dir = Path.GetDirectoryName(Path.GetFullPath(r.File)) ?? ".";
        var path = Path.Combine(dir, relative);
        if (!File.Exists(path)) throw r.Error(baseNode, $"extends: '{relative}' not found next to {Path.GetFileName(r.File)}; give a path relative to this file");
        if (_chain!.Contains(Path.GetFullPath(path)))
            throw r.Error(baseNode, $"extends: '{relative}' makes a loop back to a file already being extended; a scenario cannot extend itself");
        ScenarioLoader.Load(path); // the base must stand on its own, with its own file in any error

        var baseReader = new YamlReader(path);
        var baseRoot = Resolve(baseReader, ScenarioLoader.ReadDocument(baseReader, File.ReadAllText(path)), depth + 1);
        var merged = new YamlMappingNode();
        foreach (var (k, v) in ((YamlMappingNode)baseRoot).Children)
            if (k is YamlScalarNode { Value: not (Key or AddKey) }) merged.Children[k] = v;
        // add-interventions goes last, so it appends whether the child writes it before or after `interventions:`.
        foreach (var (k, v) in child.Children.OrderBy(kv => (kv.Key as YamlScalarNode)?.Value == AddKey))
        {
            var name = (k as YamlScalarNode)?.Value;
            switch (name)
            {
                case Key:
                    break;
                case AddKey:
                    var list = merged.Children.TryGetValue(new YamlScalarNode("interventions"), out var existing) && existing is YamlSequenceNode seq
                        ? new YamlSequenceNode(seq.Children) : new YamlSequenceNode();
                    foreach (var item in r.List(v, AddKey)) list.Add(item);
                    merged.Children[new YamlScalarNode("interventions")] = list;
                    break;
                case "parameters" when merged.Children.TryGetValue(new YamlScalarNode("parameters"), out var baseParams) && baseParams is YamlMappingNode bp && v is YamlMappingNode cp:
                    var p = new YamlMappingNode(bp.Children);
                    foreach (var (pk, pv) in cp.Children) p.Children[pk] = pv;
                    merged.Children[k] = p;
                    break;
                default:
                    merged.Children[k] = v;
                    break;
            }
        }
        return merged;
    }
}
