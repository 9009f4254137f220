using System.Globalization;
using SupplySim.Model.Time;
using SupplySim.Scenarios;

namespace SupplySim.Workshop;

/// <summary>How a lever is set in the page: a slider over numbers, an on/off switch, or a month.</summary>
public enum LeverKind { Number, Switch, Month }

/// <summary>
/// One control of the workshop page, and the scenario edit it stands for. A lever either replaces one setting
/// of the scenario by its YAML path (<see cref="Path"/>, as `sweep --vary` does; a switch set to off writes
/// <c>lift: true</c> on its scheduling item), or appends one intervention (<see cref="Added"/>, a YAML flow
/// mapping with <c>{value}</c> and <c>{date}</c> to fill in) when it is set to a number rather than "off".
/// </summary>
public sealed record LeverSlider(
    string Id,
    string Group,
    string Label,
    LeverKind Kind,
    double Min,
    double Max,
    double Step,
    string Default,
    string Unit,
    string Help,
    string? Path = null,
    string? Added = null)
{
    public const string Off = "off", On = "on";

    /// <summary>Can the dose-response panel sweep it (numbers only)?</summary>
    public bool Sweepable => Kind == LeverKind.Number;

    /// <summary>The canonical text of a value given by the page, or a sentence saying why it is not accepted.</summary>
    public string Check(string? text, MonthDate start, MonthDate end)
    {
        var t = (text ?? "").Trim();
        var name = $"lever '{Id}' ({Label})";
        switch (Kind)
        {
            case LeverKind.Switch:
                return t is On or Off ? t : throw new LeverValueException($"{name}: '{t}' is not a switch position; allowed: on, off");
            case LeverKind.Month:
                if (!MonthDate.TryParse(t, out var d)) throw new LeverValueException($"{name}: '{t}' is not a month; write YYYY-MM, from {start} to {end}");
                if (d < start || d > end) throw new LeverValueException($"{name}: {d} is outside the run; allowed: {start} to {end}");
                return d.ToString();
            default:
                if (Added is not null && t == Off) return Off;
                if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new LeverValueException($"{name}: '{t}' is not a number; allowed: {Format(Min)} to {Format(Max)}{(Added is not null ? " or off" : "")}");
                if (v < Min || v > Max) throw new LeverValueException($"{name}: {Format(v)} is out of range; allowed: {Format(Min)} to {Format(Max)}");
                return Format(v);
        }
    }

    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A lever value the page sent that the scenario cannot take (answered with HTTP 400 and the message).</summary>
public sealed class LeverValueException(string message) : Exception(message);

/// <summary>The scenario edits that a set of lever values stands for, and the edited scenario file's text.</summary>
public sealed record ScenarioEdit(IReadOnlyList<SettingOverride> Overrides, IReadOnlyList<string> Added)
{
    public string Write(string scenarioFile) => ScenarioEditor.Edit(scenarioFile, Overrides, Added);

    /// <summary>The edits as one line each, e.g. "interventions[2].date = 2020-05".</summary>
    public IEnumerable<string> Describe()
        => Overrides.Select(o => $"{o.Path} = {o.Value}").Concat(Added.Select(a => $"added {a}"));
}
