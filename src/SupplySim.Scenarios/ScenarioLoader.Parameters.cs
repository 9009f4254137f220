using System.Reflection;
using SupplySim.Model.World;

namespace SupplySim.Scenarios;

public static partial class ScenarioLoader
{
    private static readonly Dictionary<string, PropertyInfo> ParameterByName = typeof(ModelParameters)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(p => KebabCase(p.Name), StringComparer.Ordinal);

    /// <summary>Scenario names (kebab-case) of every behaviour parameter.</summary>
    public static IReadOnlyCollection<string> ParameterNames => ParameterByName.Keys;

    /// <summary>Parameters that are shares or probabilities (0..1).</summary>
    public static bool IsShareParameter(string name)
        => new[] { "share", "rate", "reversal", "threshold", "memory", "write-off", "margin", "decay", "adjust", "screening", "hazard-oud", "relative", "intelligence-pressure", "uptake", "loss", "deterrence", "depreciation", "acquisition", "imitation", "spillover", "relocation", "bribe-share" }
            .Any(w => name.Contains(w, StringComparison.Ordinal));

    /// <summary>Parameters that divide or scale prices and doses, which must be more than 0 (others may be 0).</summary>
    private static bool MustBePositive(string name) => name.Contains("potency-mg", StringComparison.Ordinal) || name.Contains("price", StringComparison.Ordinal) || name.Contains("doses", StringComparison.Ordinal);

    internal static string KebabCase(string pascal)
        => string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));

    public static double GetParameter(ModelParameters p, string name)
        => Convert.ToDouble(Property(name).GetValue(p), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A copy of <paramref name="p"/> with one parameter changed (integers are rounded).</summary>
    public static ModelParameters WithParameter(ModelParameters p, string name, double value)
    {
        var prop = Property(name);
        var copy = p with { };
        prop.SetValue(copy, prop.PropertyType == typeof(int) ? (object)(int)Math.Round(value) : value);
        return copy;
    }

    private static PropertyInfo Property(string name)
        => ParameterByName.TryGetValue(name, out var prop) ? prop : throw new ArgumentException($"unknown parameter '{name}'; allowed: {string.Join(", ", ParameterByName.Keys.Order(StringComparer.Ordinal))}");
}
