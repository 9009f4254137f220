using System.Globalization;
using SupplySim.Model.Time;
using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

/// <summary>A range or list of values that cannot be swept (reported with the --vary text or the sweep block's location).</summary>
public sealed class SweepRangeException(string problem) : Exception(problem);

/// <summary>
/// One varied setting: its YAML path and the values it takes, as text written into the file (numbers, or
/// months for dates). <see cref="X"/> places a value on a chart's axis (decimal years for months).
/// </summary>
public sealed record SweepAxis(string Path, IReadOnlyList<string> Values, bool IsDate)
{
    public double X(int i)
    {
        if (!IsDate) return double.Parse(Values[i], NumberStyles.Float, CultureInfo.InvariantCulture);
        MonthDate.TryParse(Values[i], out var d);
        return d.Year + (d.Month - 1) / 12.0;
    }

    /// <summary>"PATH=FROM:TO:STEP" (FROM:TO:STEP numbers, or months with STEP in months) or "PATH=V1,V2,...".</summary>
    public static SweepAxis Parse(string text)
    {
        var eq = ValueSeparator(text);
        if (eq <= 0) throw new SweepRangeException("write PATH=FROM:TO:STEP (or PATH=V1,V2,...), e.g. actors.agencies[0].budget-usd-per-month=0:2e8:5e7");
        var path = text[..eq].Trim();
        var spec = text[(eq + 1)..].Trim();
        var range = spec.Split(':');
        if (range.Length == 3) return Range(path, range[0].Trim(), range[1].Trim(), range[2].Trim());
        if (range.Length != 1) throw new SweepRangeException($"'{spec}' is neither FROM:TO:STEP nor a list V1,V2,...");
        return List(path, spec.Split(',').Select(v => v.Trim()).ToArray());
    }

    /// <summary>The '=' between path and values: the first outside brackets, since a path may select an item by <c>[key=value]</c>.</summary>
    private static int ValueSeparator(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '[') depth++;
            else if (text[i] == ']') depth--;
            else if (text[i] == '=' && depth == 0) return i;
        }
        return -1;
    }

    /// <summary>FROM, FROM+STEP, ... up to TO (inclusive, within rounding); months step by whole months.</summary>
    public static SweepAxis Range(string path, string from, string to, string step)
    {
        if (MonthDate.TryParse(from, out var d0) | MonthDate.TryParse(to, out var d1))
        {
            if (!MonthDate.TryParse(from, out d0) || !MonthDate.TryParse(to, out d1))
                throw new SweepRangeException($"FROM '{from}' and TO '{to}' must both be months (YYYY-MM) or both numbers");
            if (!int.TryParse(step, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var months))
                throw new SweepRangeException($"STEP '{step}' must be a whole number of months for a date range");
            var count = Count(d1.MonthsSince(d0), months, from, to, step);
            return new SweepAxis(path, Enumerable.Range(0, count).Select(k => d0.AddMonths(k * months).ToString()).ToArray(), true);
        }
        var a = Number(from, "FROM");
        var b = Number(to, "TO");
        var s = Number(step, "STEP");
        var n = Count(b - a, s, from, to, step);
        return new SweepAxis(path, Enumerable.Range(0, n).Select(k => Text(a + k * s)).ToArray(), false);
    }

    /// <summary>An explicit list of values, all numbers or all months.</summary>
    public static SweepAxis List(string path, IReadOnlyList<string> values)
    {
        if (values.Count == 0 || values.Any(string.IsNullOrWhiteSpace)) throw new SweepRangeException("the list of values has an empty entry");
        if (values.Count > SweepDefinition.MaxPoints) throw new SweepRangeException($"{values.Count} values; at most {SweepDefinition.MaxPoints}");
        var dates = values.Count(v => MonthDate.TryParse(v, out _));
        if (dates == values.Count) return new SweepAxis(path, values.Select(v => { MonthDate.TryParse(v, out var d); return d.ToString(); }).ToArray(), true);
        if (dates > 0) throw new SweepRangeException("the values mix months and numbers; use one kind");
        return new SweepAxis(path, values.Select(v => Text(Number(v, "a value"))).ToArray(), false);
    }

    /// <summary>Fails when the file holds another kind of value (a month where numbers are given, or the reverse) at the path.</summary>
    public void CheckKind(SettingTarget target)
    {
        if (target.Current is null || target.IsDate == IsDate) return;
        throw new SweepRangeException(target.IsDate
            ? $"{Path} holds the month {target.Current}; vary it with months, e.g. 2018-01:2020-01:6 (step in months)"
            : $"{Path} holds the number {target.Current}; vary it with numbers, not months");
    }

    private static int Count(double span, double step, string from, string to, string stepText)
    {
        if (span == 0) return 1;
        if (step == 0 || !double.IsFinite(step)) throw new SweepRangeException($"STEP is {stepText}; give a step that moves from {from} to {to}");
        if (Math.Sign(step) != Math.Sign(span)) throw new SweepRangeException($"STEP {stepText} moves away from TO ({from} to {to}); use {(step > 0 ? "a negative" : "a positive")} step");
        var n = Math.Floor(span / step + 1e-9) + 1;
        if (n > SweepDefinition.MaxPoints) throw new SweepRangeException($"{from} to {to} by {stepText} makes {n:0} values; at most {SweepDefinition.MaxPoints}");
        return (int)n;
    }

    private static double Number(string text, string what)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
            : throw new SweepRangeException($"{what} '{text}' is not a number (or a month written YYYY-MM)");

    /// <summary>12 significant digits, so 0.1 + 2 x 0.1 is written 0.3.</summary>
    private static string Text(double v)
        => double.Parse(v.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// A sweep: the settings varied (a grid over every combination) and, from a file's <c>sweep:</c> block, a
/// default replicate count. Point 0 takes every axis's first value; the first axis changes fastest, so
/// the points of one "line" (fixed values of the other axes) are consecutive (docs/experiments.md).
/// </summary>
public sealed record SweepDefinition(IReadOnlyList<SweepAxis> Axes, int? Replicates)
{
    public const int MaxPoints = 1000;

    public int Points => Axes.Aggregate(1, (n, a) => n * a.Values.Count);

    /// <summary>Values of the first axis per line; number of lines = Points / this.</summary>
    public int PointsPerLine => Axes[0].Values.Count;

    /// <summary>The value index of each axis at a point.</summary>
    public int[] Coordinates(int point)
    {
        var c = new int[Axes.Count];
        for (var a = 0; a < Axes.Count; a++)
        {
            c[a] = point % Axes[a].Values.Count;
            point /= Axes[a].Values.Count;
        }
        return c;
    }

    public IReadOnlyList<SettingOverride> Overrides(int point)
    {
        var c = Coordinates(point);
        return Axes.Select((a, i) => new SettingOverride(a.Path, a.Values[c[i]])).ToArray();
    }

    /// <summary>A new definition over <paramref name="axes"/>; fails when the grid is too large or a path repeats.</summary>
    public static SweepDefinition Of(IReadOnlyList<SweepAxis> axes, int? replicates = null)
    {
        if (axes.Count == 0) throw new SweepRangeException("nothing to vary");
        if (axes.GroupBy(a => a.Path).FirstOrDefault(g => g.Count() > 1) is { } twice) throw new SweepRangeException($"{twice.Key} is varied twice");
        var points = axes.Aggregate(1L, (n, a) => n * a.Values.Count);
        if (points > MaxPoints) throw new SweepRangeException($"the grid has {points} points; at most {MaxPoints}");
        return new SweepDefinition(axes, replicates);
    }

    /// <summary>The <c>sweep:</c> block of a scenario file, or null when it has none (the file is assumed valid).</summary>
    public static SweepDefinition? FromFile(string scenarioFile)
    {
        // Paths address the scenario as compiled, so an extending file's paths reach the base's items too.
        var r = new YamlReader(scenarioFile);
        var document = Extends.Resolve(r, ScenarioLoader.ReadDocument(r, File.ReadAllText(scenarioFile)));
        if (document is not YamlMappingNode root || !root.Children.TryGetValue(new YamlScalarNode(ScenarioOverrides.SweepKey), out var block)) return null;
        return Read(r, block, path => ScenarioOverrides.Target(document, path));
    }

    /// <summary>Reads and checks a <c>sweep:</c> block: <c>vary</c> (a list of {path, from, to, step} or {path, values}) and optional <c>replicates</c>.</summary>
    internal static SweepDefinition Read(YamlReader r, YamlNode block, Func<string, SettingTarget> target)
    {
        var m = r.Map(block, ScenarioOverrides.SweepKey);
        int? replicates = m.Get("replicates") is { } rn ? r.Integer(rn, "sweep.replicates", 1, 10_000) : null;
        var items = m.ListOf("vary");
        if (items.Count == 0) throw r.Error(m.Need("vary"), "sweep.vary needs at least one setting to vary");
        var axes = new List<SweepAxis>();
        foreach (var (node, i) in items.Select((n, i) => (n, i)))
        {
            var at = $"sweep.vary[{i}]";
            var v = r.Map(node, at);
            var pathNode = v.Need("path");
            var path = r.Text(pathNode, $"{at}.path");
            try
            {
                var values = v.Get("values");
                var from = v.Get("from");
                if ((values is null) == (from is null)) throw r.Error(v.Node, $"{at} needs either 'from', 'to' and 'step', or 'values'");
                var axis = values is not null
                    ? SweepAxis.List(path, r.Strings(values, $"{at}.values").Select(x => x.Value).ToArray())
                    : SweepAxis.Range(path, r.Text(from!, $"{at}.from"), v.Text("to"), v.Text("step"));
                v.Done();
                axis.CheckKind(target(path));
                axes.Add(axis);
            }
            catch (SettingPathException e) { throw r.Error(pathNode, $"{at}.path {e.Message}"); }
            catch (SweepRangeException e) { throw r.Error(node, $"{at}: {e.Message}"); }
        }
        m.Done();
        try { return Of(axes, replicates); }
        catch (SweepRangeException e) { throw r.Error(block, $"sweep: {e.Message}"); }
    }
}
