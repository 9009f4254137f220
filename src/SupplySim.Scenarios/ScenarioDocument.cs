using System.Collections;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

/// <summary>
/// A scenario file as YAML nodes, edited by path (<see cref="ScenarioPath"/>) and written back as YAML the loader reads.
/// Edits do not depend on how the file is laid out, and an edit whose path finds nothing throws
/// <see cref="SettingPathException"/> naming the path. A missing mapping on the way and a missing last key are added,
/// as for a sweep's overrides: the loader then rejects any key it does not know, so a misspelt key fails too.
/// </summary>
public sealed class ScenarioDocument
{
    private readonly YamlReader _reader;
    private YamlMappingNode _root;

    private ScenarioDocument(string file, YamlNode root)
    {
        File = file;
        _reader = new YamlReader(file);
        _root = root as YamlMappingNode ?? throw _reader.Error(root, "a scenario file must be a mapping of keys to values");
    }

    /// <summary>The file the text stands for: it names the file in errors and is where <c>extends:</c> looks for its base.</summary>
    public string File { get; }

    /// <summary>Whether the file extends another (its own interventions then go under <c>add-interventions</c>).</summary>
    public bool Extends => _root.Children.ContainsKey(new YamlScalarNode(Scenarios.Extends.Key));

    public static ScenarioDocument Load(string file) => Parse(System.IO.File.ReadAllText(file), file);

    public static ScenarioDocument Parse(string yaml, string file)
        => new(file, ScenarioLoader.ReadDocument(new YamlReader(file), yaml));

    /// <summary>Merges the base of an <c>extends:</c> file into this one, so that the written text stands alone.</summary>
    public ScenarioDocument ResolveExtends()
    {
        var resolved = Scenarios.Extends.Resolve(_reader, _root);
        _root = resolved as YamlMappingNode ?? throw _reader.Error(resolved, "a scenario file must be a mapping of keys to values");
        return this;
    }

    /// <summary>Applies a sweep's overrides (<see cref="ScenarioOverrides"/>) and lifts out the <c>sweep:</c> block, as the loader does.</summary>
    internal ScenarioDocument Override(IReadOnlyList<SettingOverride> overrides)
    {
        ScenarioOverrides.Prepare(_reader, _root, overrides);
        return this;
    }

    /// <summary>
    /// Sets the value at <paramref name="path"/>: a number, a bool, a string written as it would be in the file
    /// (e.g. <c>2019-05</c>), a list of those (written <c>[a, b]</c>), or a <see cref="YamlNode"/>.
    /// </summary>
    /// <c>[*]</c> in the path sets it in every item of that list (which must have one).
    public ScenarioDocument Set(string path, object value)
    {
        foreach (var one in Expand(path))
        {
            var (parent, key, index) = ScenarioPath.Locate(_root, one, create: true);
            var node = Node(value);
            if (parent is YamlSequenceNode list) list.Children[index] = node;
            else ((YamlMappingNode)parent!).Children[new YamlScalarNode(key!)] = node;
        }
        return this;
    }

    /// <summary>Sets the value at <paramref name="path"/> to a YAML snippet, e.g. <c>{ lab: 1 }</c>.</summary>
    public ScenarioDocument SetYaml(string path, string yaml) => Set(path, Snippet(yaml));

    /// <summary>Removes the key or list item at <paramref name="path"/>, which must exist.</summary>
    public ScenarioDocument Remove(string path)
    {
        var (parent, key, index) = ScenarioPath.Locate(_root, path, create: false);
        switch (parent)
        {
            case YamlSequenceNode list: list.Children.RemoveAt(index); break;
            case YamlMappingNode map when map.Children.Remove(new YamlScalarNode(key!)): break;
            case YamlMappingNode map: throw new SettingPathException(path, $"has no key '{key}'; keys there: {ScenarioPath.Keys(map)}");
            default: throw new SettingPathException(path, "leads through a key the file does not have");
        }
        return this;
    }

    /// <summary>Appends an item, given as a YAML snippet (e.g. <c>{ jurisdiction: OTHER, count: 20 }</c>), to the list at <paramref name="path"/>.</summary>
    public ScenarioDocument Append(string path, string yaml)
    {
        List(path).Add(Snippet(yaml));
        return this;
    }

    private YamlSequenceNode List(string path)
        => ScenarioPath.Node(_root, path) is YamlSequenceNode list ? list
            : throw new SettingPathException(path, ScenarioPath.Describe(ScenarioPath.Node(_root, path)) + ", not a list");

    /// <summary>The path once per item for its first <c>[*]</c> (and so on for the rest).</summary>
    private IEnumerable<string> Expand(string path)
    {
        var star = path.IndexOf("[*]", StringComparison.Ordinal);
        if (star < 0) return [path];
        var count = List(path[..star]).Children.Count;
        if (count == 0) throw new SettingPathException(path, $"{path[..star]} has no items, so [*] sets nothing");
        return Enumerable.Range(0, count).SelectMany(i => Expand($"{path[..star]}[{i}]{path[(star + 3)..]}"));
    }

    /// <summary>Inserts an item, given as a YAML snippet, at <paramref name="index"/> of the list at <paramref name="path"/>.</summary>
    public ScenarioDocument Insert(string path, int index, string yaml)
    {
        var list = List(path);
        if (index < 0 || index > list.Children.Count) throw new SettingPathException(path, $"has {list.Children.Count} item(s), so an item cannot go at {index}");
        list.Children.Insert(index, Snippet(yaml));
        return this;
    }

    /// <summary>Inserts an item, given as a YAML snippet, right after the list item at <paramref name="itemPath"/> (e.g. <c>actors.labs[jurisdiction=MX]</c>).</summary>
    public ScenarioDocument InsertAfter(string itemPath, string yaml)
    {
        if (ScenarioPath.Locate(_root, itemPath, create: false) is not (YamlSequenceNode list, _, var index))
            throw new SettingPathException(itemPath, "is not an item of a list; end the path with [N] or [key=value]");
        list.Children.Insert(index + 1, Snippet(yaml));
        return this;
    }

    /// <summary>Appends an intervention: to <c>interventions</c>, or to <c>add-interventions</c> in a file that extends another (its own list would replace the base's).</summary>
    public ScenarioDocument AddIntervention(string yaml)
    {
        var key = new YamlScalarNode(Extends ? Scenarios.Extends.AddKey : "interventions");
        if (!_root.Children.TryGetValue(key, out var list)) _root.Children[key] = list = new YamlSequenceNode();
        if (list is not YamlSequenceNode items) throw new SettingPathException(key.Value!, ScenarioPath.Describe(list) + ", not a list to append to");
        items.Add(Snippet(yaml));
        return this;
    }

    /// <summary>The text of the value at <paramref name="path"/>, for a test that states what it starts from.</summary>
    public string Get(string path)
        => ScenarioPath.Node(_root, path) is YamlScalarNode { Value: { } text } ? text : throw new SettingPathException(path, "is not a single value");

    /// <summary>The document as YAML text (comments are not kept).</summary>
    public string Yaml()
    {
        var text = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(_root)).Save(text, assignAnchors: false);
        var yaml = text.ToString();
        // YamlDotNet closes a document with "...": legal YAML, but noise in a file people read.
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }

    /// <summary>Compiles the written text as the loader reads a file at <see cref="File"/>.</summary>
    public Scenario Compile(IReadOnlyList<SettingOverride>? overrides = null) => ScenarioLoader.Parse(Yaml(), File, overrides: overrides);

    /// <summary>Where the value at <paramref name="path"/> starts in <see cref="Yaml"/>'s text (line and column from 1), as the loader reports it.</summary>
    public (int Line, int Column) Locate(string path) => At(ScenarioPath.Node(Written(), path).Start);

    /// <summary>Where the key that ends <paramref name="path"/> starts in <see cref="Yaml"/>'s text, as the loader reports an unknown key.</summary>
    public (int Line, int Column) LocateKey(string path)
    {
        var (parent, key, _) = ScenarioPath.Locate(Written(), path, create: false);
        var found = parent is YamlMappingNode map ? map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } v } && v == key) : null;
        return found is not null ? At(found.Start) : throw new SettingPathException(path, "does not end in a key of the file");
    }

    private YamlNode Written() => ScenarioLoader.ReadDocument(_reader, Yaml());

    private static (int Line, int Column) At(Mark mark) => ((int)mark.Line, (int)mark.Column);

    private YamlNode Snippet(string yaml) => ScenarioLoader.ReadDocument(_reader, yaml);

    private static YamlNode Node(object value) => value switch
    {
        YamlNode node => node,
        string text => new YamlScalarNode(text),
        bool b => new YamlScalarNode(b ? "true" : "false"),
        IFormattable number => new YamlScalarNode(number.ToString(null, CultureInfo.InvariantCulture)),
        IEnumerable list => new YamlSequenceNode(list.Cast<object>().Select(Node)) { Style = SequenceStyle.Flow },
        _ => throw new ArgumentException($"cannot write a {value.GetType().Name} into a scenario; give a number, bool, string, list or YAML node", nameof(value)),
    };
}
