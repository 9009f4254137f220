using System.Globalization;
using System.Reflection;

namespace SupplySim.Model.World;

/// <summary>One behaviour parameter as declared on its <see cref="ModelParameters"/> property.</summary>
public sealed record ParameterDeclaration(
    string Name, ParameterGroup Group, ParameterDomain Domain, double Default, string Unit, string Description,
    string UsedIn, string Source, Prior Prior, PropertyInfo Property)
{
    public bool IsInteger => Property.PropertyType == typeof(int);

    public double Get(ModelParameters p) => Convert.ToDouble(Property.GetValue(p), CultureInfo.InvariantCulture);

    /// <summary>A copy of <paramref name="p"/> with this parameter set to <paramref name="value"/> (whole numbers are rounded).</summary>
    public ModelParameters With(ModelParameters p, double value)
    {
        var copy = p with { };
        Property.SetValue(copy, IsInteger ? (object)(int)Math.Round(value) : value);
        return copy;
    }
}

/// <summary>Every behaviour parameter's declaration, by group then in declaration order; names are kebab-case property names.</summary>
public static class ParameterCatalog
{
    public static IReadOnlyList<ParameterDeclaration> All { get; } = Declare();

    private static readonly Dictionary<string, ParameterDeclaration> ByName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public static bool TryFind(string name, out ParameterDeclaration declaration) => ByName.TryGetValue(name, out declaration!);

    /// <summary>The scenario name of a property: a hyphen before each capital letter, all in lower case.</summary>
    public static string KebabCase(string pascal)
        => string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));

    private static ParameterDeclaration[] Declare()
    {
        var defaults = new ModelParameters();
        return typeof(ModelParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => (Property: p, Declared: p.GetCustomAttribute<ParameterAttribute>()
                ?? throw new InvalidOperationException($"ModelParameters.{p.Name} has no [Parameter] declaration")))
            .OrderBy(x => x.Declared.Group).ThenBy(x => x.Property.MetadataToken)
            .Select(x => new ParameterDeclaration(KebabCase(x.Property.Name), x.Declared.Group, x.Declared.Domain,
                Convert.ToDouble(x.Property.GetValue(defaults), CultureInfo.InvariantCulture), x.Declared.Unit, x.Declared.Description,
                x.Declared.UsedIn, x.Declared.Source, Prior.Parse(x.Declared.Prior, x.Declared.PriorBasis), x.Property))
            .ToArray();
    }
}
