using System.Globalization;
using SupplySim.Model.World;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

/// <summary>
/// A strict reader over YamlDotNet's node model: every value is read through it so that each mistake
/// (missing key, unknown key, wrong type, value out of range) is reported at its own line and column.
/// </summary>
internal sealed class YamlReader(string file)
{
    public string File { get; } = file;

    public ScenarioException Error(YamlNode node, string problem) => new(File, node.Start.Line, node.Start.Column, problem);
    public ScenarioException Error(Mark mark, string problem) => new(File, mark.Line, mark.Column, problem);

    public Map Map(YamlNode node, string path)
        => node is YamlMappingNode m ? new Map(this, m, path) : throw Error(node, $"{path} must be a mapping of keys to values");

    public IReadOnlyList<YamlNode> List(YamlNode node, string path)
        => node is YamlSequenceNode s ? s.Children.ToList() : throw Error(node, $"{path} must be a list");

    /// <summary>A scalar or a list of scalars, as strings.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> Strings(YamlNode node, string path)
        => node switch
        {
            YamlScalarNode s => [(Text(s, path), s)],
            YamlSequenceNode q => q.Children.Select((c, i) => (Text(c, $"{path}[{i}]"), c)).ToList(),
            _ => throw Error(node, $"{path} must be a name or a list of names"),
        };

    public string Text(YamlNode node, string path)
    {
        if (node is not YamlScalarNode { Value: { } v } || string.IsNullOrWhiteSpace(v))
            throw Error(node, $"{path} must be a non-empty text value");
        return v.Trim();
    }

    public double Number(YamlNode node, string path, double min = double.MinValue, double max = double.MaxValue, string? range = null)
    {
        if (node is not YamlScalarNode { Value: { } v } || !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
            throw Error(node, $"{path} must be a number, got '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}'");
        if (d < min || d > max)
            throw Error(node, $"{path} is {d.ToString(CultureInfo.InvariantCulture)}; allowed: {range ?? $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}"}");
        return d;
    }

    public double Share(YamlNode node, string path) => Number(node, path, 0, 1, ParameterDomain.Share.Allowed());

    public int Integer(YamlNode node, string path, int min = int.MinValue, int max = int.MaxValue)
    {
        if (node is not YamlScalarNode { Value: { } v } || !long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            throw Error(node, $"{path} must be a whole number, got '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}'");
        if (n < min || n > max)
            throw Error(node, $"{path} is {n}; allowed: {min} to {max}");
        return (int)n;
    }

    public ulong Seed(YamlNode node, string path)
    {
        if (node is not YamlScalarNode { Value: { } v } || !ulong.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw Error(node, $"{path} must be a whole number from 0 to {ulong.MaxValue}");
        return n;
    }

    public bool Boolean(YamlNode node, string path)
        => node is YamlScalarNode { Value: "true" or "false" } s ? s.Value == "true" : throw Error(node, $"{path} must be true or false");
}

/// <summary>One YAML mapping being read; <see cref="Done"/> rejects any key that was not asked for.</summary>
internal sealed class Map
{
    private readonly YamlReader _r;
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private HashSet<string>? _declared;

    public string Path { get; }
    public YamlNode Node => _node;

    public Map(YamlReader r, YamlMappingNode node, string path)
    {
        _r = r;
        _node = node;
        Path = path;
        foreach (var (k, v) in node.Children)
        {
            if (k is not YamlScalarNode { Value: { } name }) throw r.Error(k, $"keys in {path} must be plain names");
            if (!_entries.TryAdd(name, ((YamlScalarNode)k, v))) throw r.Error(k, $"key '{name}' appears twice in {path}");
        }
    }

    private string At(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>Declares every key this mapping may have, so <see cref="Done"/> lists them all as allowed; reading a key
    /// not declared is then a bug in the loader, not in the scenario.</summary>
    public void Declare(IEnumerable<string> keys)
    {
        _declared = new HashSet<string>(keys, StringComparer.Ordinal);
        _known.UnionWith(_declared);
    }

    public YamlNode? Get(string key)
    {
        if (_declared is not null && !_declared.Contains(key)) throw new InvalidOperationException($"{Path}: the loader reads '{key}', which its type does not declare");
        _known.Add(key);
        return _entries.TryGetValue(key, out var e) ? e.Value : null;
    }

    public YamlNode Need(string key)
        => Get(key) ?? throw _r.Error(_node, $"{(Path.Length == 0 ? "the file" : Path)} needs the key '{key}'");

    public string Text(string key) => _r.Text(Need(key), At(key));
    public string? TextOr(string key) => Get(key) is { } n ? _r.Text(n, At(key)) : null;
    public double Number(string key, double min, double max, string? range = null) => _r.Number(Need(key), At(key), min, max, range);
    public double NumberOr(string key, double fallback, double min, double max, string? range = null)
        => Get(key) is { } n ? _r.Number(n, At(key), min, max, range) : fallback;
    public double Share(string key) => _r.Share(Need(key), At(key));
    public double ShareOr(string key, double fallback) => Get(key) is { } n ? _r.Share(n, At(key)) : fallback;
    public int Integer(string key, int min, int max) => _r.Integer(Need(key), At(key), min, max);
    public int IntegerOr(string key, int fallback, int min, int max) => Get(key) is { } n ? _r.Integer(n, At(key), min, max) : fallback;
    /// <summary>A declared key's value, range-checked; its default when left out (a key without one must be given).</summary>
    public double Read(ScenarioKey key)
        => key.Required ? Value(key, Need(key.Name)) : ReadOr(key) ?? throw new InvalidOperationException($"'{key.Name}' has no default; read it with ReadOr");

    /// <summary>A declared key's value, range-checked; its default (null for an optional key without one) when left out.</summary>
    public double? ReadOr(ScenarioKey key) => Get(key.Name) is { } node ? Value(key, node) : key.Default;

    public int ReadInteger(ScenarioKey key) => (int)Read(key);

    private double Value(ScenarioKey key, YamlNode node)
        => key.IsInteger ? _r.Integer(node, At(key.Name), (int)key.Min, (int)key.Max) : _r.Number(node, At(key.Name), key.Min, key.Max, key.AllowedText);

    public Map MapOf(string key) => _r.Map(Need(key), At(key));
    public IReadOnlyList<YamlNode> ListOf(string key) => _r.List(Need(key), At(key));
    public IReadOnlyList<YamlNode> ListOr(string key) => Get(key) is { } n ? _r.List(n, At(key)) : [];
    public string PathOf(string key) => At(key);

    /// <summary>Fails on the first key of this mapping that no reader asked for, listing the allowed keys.</summary>
    public void Done()
    {
        foreach (var (k, _) in _node.Children)
            if (k is YamlScalarNode { Value: { } name } key && !_known.Contains(name))
                throw _r.Error(key, $"unknown key '{name}' in {(Path.Length == 0 ? "the file" : Path)}; allowed keys: {string.Join(", ", _known.Order(StringComparer.Ordinal))}");
    }

    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries => _entries.Values;
}
