using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

/// <summary>One intervention of a scenario as compiled (after <c>extends</c>): its index in <c>interventions</c>, its keys as written, and whether the file itself adds it.</summary>
public sealed record InterventionItem(int Index, string Type, string Label, IReadOnlyDictionary<string, string> Fields, bool Own);

/// <summary>
/// Writes an edited copy of a scenario: the file with <c>extends</c> resolved, <see cref="SettingOverride"/>s
/// applied (the mechanism of <c>sweep --vary</c>) and interventions appended, as one self-contained YAML file.
/// Running that file with `supplysim run` is running the edit (workshop mode writes it into every result).
/// </summary>
public static class ScenarioEditor
{
    /// <summary>
    /// The edited scenario as YAML text, opening with the original's comment block and a line per edit.
    /// <paramref name="addInterventions"/> are appended, each one YAML flow mapping, e.g.
    /// <c>{ type: naloxone, date: 2019-01, jurisdiction: [US-NE], coverage: 0.6 }</c>.
    /// </summary>
    public static string Edit(string scenarioFile, IReadOnlyList<SettingOverride> overrides, IReadOnlyList<string> addInterventions)
    {
        var document = ScenarioDocument.Load(scenarioFile).ResolveExtends().Override(overrides);
        foreach (var item in addInterventions) document.AddIntervention(item);

        var text = new StringWriter { NewLine = "\n" };
        foreach (var line in File.ReadLines(scenarioFile).TakeWhile(l => l.StartsWith('#')))
            if (!line.StartsWith("# yaml-language-server:", StringComparison.Ordinal)) text.WriteLine(line);
        text.WriteLine($"# Edited copy of {Path.GetFileName(scenarioFile)} (extends resolved), written by `supplysim workshop`.");
        foreach (var o in overrides) text.WriteLine($"#   set   {o.Path} = {o.Value}");
        foreach (var a in addInterventions) text.WriteLine($"#   added {a}");
        return text.ToString() + document.Yaml();
    }

    /// <summary>The interventions of a scenario as compiled, in order (the file is assumed valid).</summary>
    public static IReadOnlyList<InterventionItem> Interventions(string scenarioFile)
    {
        var r = new YamlReader(scenarioFile);
        var own = ScenarioLoader.ReadDocument(r, File.ReadAllText(scenarioFile)) as YamlMappingNode;
        var document = Extends.Resolve(r, own!);
        if (document is not YamlMappingNode root || !root.Children.TryGetValue(new YamlScalarNode("interventions"), out var node) || node is not YamlSequenceNode list)
            return [];
        // An extending file owns what it appends (add-interventions), or everything when it writes its own list.
        var extends = own!.Children.ContainsKey(new YamlScalarNode(Extends.Key));
        var firstOwn = !extends || own.Children.ContainsKey(new YamlScalarNode("interventions")) ? 0
            : list.Children.Count - (own.Children.TryGetValue(new YamlScalarNode(Extends.AddKey), out var add) && add is YamlSequenceNode a ? a.Children.Count : 0);
        var items = new List<InterventionItem>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is not YamlMappingNode m) continue;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in m.Children)
                if (k is YamlScalarNode { Value: { } key })
                    fields[key] = v is YamlScalarNode { Value: { } s } ? s
                        : v is YamlSequenceNode q ? string.Join(", ", q.Children.OfType<YamlScalarNode>().Select(x => x.Value)) : "";
            var type = fields.GetValueOrDefault("type", "");
            items.Add(new InterventionItem(i, type, fields.GetValueOrDefault("label", type), fields, i >= firstOwn));
        }
        return items;
    }
}
