using System.Globalization;

namespace SupplySim.Model.World;

/// <summary>What kind of number a parameter is, which fixes its valid range.</summary>
public enum ParameterDomain
{
    /// <summary>A share or probability, 0 to 1.</summary>
    Share,
    /// <summary>A whole number, 1 to 1000.</summary>
    Count,
    /// <summary>A positive real (it divides or scales prices and doses), more than 0 up to 1e9.</summary>
    Positive,
    /// <summary>A real of at least 0 (0 usually switches its mechanism off), up to 1e9.</summary>
    NonNegative,
}

public static class ParameterDomains
{
    /// <summary>Smallest and largest valid value (a positive real's smallest is 1e-12).</summary>
    public static (double Min, double Max) Bounds(this ParameterDomain d) => d switch
    {
        ParameterDomain.Share => (0, 1),
        ParameterDomain.Count => (1, 1000),
        ParameterDomain.Positive => (1e-12, 1e9),
        _ => (0, 1e9),
    };

    /// <summary>The valid range in words, as the loader's errors say it after "allowed: ".</summary>
    public static string Allowed(this ParameterDomain d) => d switch
    {
        ParameterDomain.Share => "a share between 0 and 1",
        ParameterDomain.Count => string.Create(CultureInfo.InvariantCulture, $"{d.Bounds().Min} to {d.Bounds().Max}"),
        ParameterDomain.Positive => "more than 0 and at most 1e9",
        _ => "0 to 1e9",
    };

    /// <summary>The kind's name in the docs tables.</summary>
    public static string Kind(this ParameterDomain d) => d switch
    {
        ParameterDomain.Share => "share",
        ParameterDomain.Count => "integer",
        ParameterDomain.Positive => "positive",
        _ => "number",
    };
}
