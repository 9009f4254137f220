using System.Globalization;
using SupplySim.Model.World;

namespace SupplySim.Scenarios;

/// <summary>
/// The declaration of one numeric scenario key of an actor group: valid range, default, unit, a one-line description,
/// provenance and prior. The loader reads the key through it (range check, default) and <see cref="ScenarioSchema"/>
/// describes the key from it, so each fact is written once, as for behaviour parameters (Model's ParameterCatalog).
/// </summary>
/// <param name="Name">The key as a scenario writes it, e.g. <c>kyc-share</c>.</param>
/// <param name="Min">Smallest valid value.</param>
/// <param name="Max">Largest valid value.</param>
/// <param name="Default">The value a scenario that leaves the key out gets; null for a key it must give, or (with
/// <see cref="Optional"/>) one whose absence the loader resolves otherwise.</param>
/// <param name="Unit">Unit of the value, e.g. USD/month.</param>
/// <param name="Description">One line for the schema and docs.</param>
public sealed record ScenarioKey(string Name, double Min, double Max, double? Default, string Unit, string Description)
{
    public bool IsInteger { get; init; }

    /// <summary>A key that may be left out though it has no fixed default (e.g. it falls back to another key's value).</summary>
    public bool Optional { get; init; }

    /// <summary>The valid range in words, as the loader's errors say it after "allowed: "; null says "min to max".</summary>
    public string? Allowed { get; init; }

    /// <summary>Provenance: a report line ("L1814"), a literature citation, or [A] (assumption).</summary>
    public string Source { get; init; } = "[A]";

    /// <summary>The prior for uncertainty analysis, written as Model's Prior.Parse reads it (e.g. "beta(3, 3)"); empty when none is set yet.</summary>
    public string Prior { get; init; } = "";

    public bool Required => Default is null && !Optional;

    /// <summary>The range as the loader reports it after "allowed: ".</summary>
    public string AllowedText => Allowed ?? $"{Min.ToString(CultureInfo.InvariantCulture)} to {Max.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A share or probability, 0 to 1.</summary>
    public static ScenarioKey Share(string name, double? fallback, string description, string unit = "share")
        => new(name, 0, 1, fallback, unit, description) { Allowed = ParameterDomain.Share.Allowed() };

    public static ScenarioKey Number(string name, double min, double max, double? fallback, string unit, string allowed, string description)
        => new(name, min, max, fallback, unit, description) { Allowed = allowed };

    public static ScenarioKey Integer(string name, int min, int max, int? fallback, string unit, string description)
        => new(name, min, max, fallback, unit, description) { IsInteger = true };
}
