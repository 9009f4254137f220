using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

/// <summary>
/// Scenario inheritance: a file with <c>extends: baseline.yaml</c> (a path relative to the file) starts from
/// that scenario. Its own top-level keys replace the base's (whole keys: a child `world:` replaces the whole
/// world), except <c>add-interventions:</c>, whose items are appended to the base's interventions,
/// <c>add-actors:</c>, whose lists (<c>suppliers</c>, <c>brokers</c>, ...) are appended to the base's
/// <c>actors.&lt;kind&gt;</c> lists, <c>replace-actors:</c>, whose lists replace the base's lists of the same kinds
/// (applied before <c>add-actors:</c>), and <c>parameters:</c>, whose entries are merged over the base's. Added items
/// keep their own file positions, so a mistake in one is reported at the child's line (under the merged path,
/// e.g. <c>actors.suppliers[5]</c>). The base must itself be valid on its own;
/// it is checked first, so its own mistakes are reported against its own file. A mistake that only the
/// merge creates (say a child's shorter `end` leaves a base intervention outside the run) is reported with
/// the child's file name but the base file's line: the message names the key path, which identifies it.
/// </summary>
internal static class Extends
{
    public const string Key = "extends";
    public const string AddKey = "add-interventions";
    public const string AddActorsKey = "add-actors";
    public const string ReplaceActorsKey = "replace-actors";

    /// <summary>The lists under <c>actors:</c> that <c>add-actors:</c> can extend and <c>replace-actors:</c> can replace.</summary>
    public static readonly string[] ActorKinds = ["suppliers", "brokers", "labs", "launderers", "agencies", "populations"];

    [ThreadStatic] private static HashSet<string>? _chain;

    public static YamlNode Resolve(YamlReader r, YamlNode root, int depth = 0)
    {
        var self = Path.GetFullPath(r.File);
        var outermost = _chain is null;
        _chain ??= new HashSet<string>(StringComparer.Ordinal);
        // The chain holds the files being extended on the current path only, so a base that two levels reach
        // (child -> middle -> base, where the middle is first checked on its own) is not taken for a loop.
        var added = _chain.Add(self);
        try
        {
            if (!added && depth == 0 && !outermost)
                throw r.Error(root, $"extends makes a loop through {Path.GetFileName(r.File)}; a scenario cannot extend itself");
            return ResolveIn(r, root, depth);
        }
        finally
        {
            if (added) _chain.Remove(self);
            if (outermost) _chain = null;
        }
    }

    private static YamlNode ResolveIn(YamlReader r, YamlNode root, int depth)
    {
        if (root is not YamlMappingNode child || !child.Children.TryGetValue(new YamlScalarNode(Key), out var baseNode))
        {
            if (root is YamlMappingNode m)
                foreach (var add in new[] { AddKey, AddActorsKey, ReplaceActorsKey })
                    if (m.Children.TryGetValue(new YamlScalarNode(add), out var stray))
                        throw r.Error(stray, $"'{add}' only makes sense with '{Key}: BASE.yaml'");
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
            if (k is YamlScalarNode { Value: not (Key or AddKey or AddActorsKey or ReplaceActorsKey) }) merged.Children[k] = v;
        // The add- keys go last, so they append whether the child writes them before or after what they extend; replace-actors
        // just before them, so added actors extend the replaced lists.
        foreach (var (k, v) in child.Children.OrderBy(kv => (kv.Key as YamlScalarNode)?.Value switch
                 {
                     AddKey or AddActorsKey => 2,
                     ReplaceActorsKey => 1,
                     _ => 0,
                 }))
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
                case AddActorsKey:
                    merged.Children[new YamlScalarNode("actors")] = MergeActors(r, v, merged, AddActorsKey, append: true);
                    break;
                case ReplaceActorsKey:
                    merged.Children[new YamlScalarNode("actors")] = MergeActors(r, v, merged, ReplaceActorsKey, append: false);
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

    /// <summary>The merged <c>actors:</c> mapping with each list of <paramref name="add"/> (under <paramref name="key"/>) appended to
    /// the same list (<paramref name="append"/>) or put in its place.</summary>
    private static YamlMappingNode MergeActors(YamlReader r, YamlNode add, YamlMappingNode merged, string key, bool append)
    {
        var adds = r.Map(add, key);
        var actors = merged.Children.TryGetValue(new YamlScalarNode("actors"), out var existing) && existing is YamlMappingNode a
            ? new YamlMappingNode(a.Children) : new YamlMappingNode();
        foreach (var kind in ActorKinds)
        {
            if (adds.Get(kind) is not { } items) continue;
            var name = new YamlScalarNode(kind);
            var list = append && actors.Children.TryGetValue(name, out var have) && have is YamlSequenceNode seq
                ? new YamlSequenceNode(seq.Children) : new YamlSequenceNode();
            foreach (var item in r.List(items, $"{key}.{kind}")) list.Add(item);
            actors.Children[name] = list;
        }
        adds.Done();
        return actors;
    }
}
