namespace SupplySim.Experiments.Validation;

/// <summary>
/// The regions an observation may name: the region ids of the shipped scenarios' populations, as metrics.csv
/// writes them (`region=US-NE`), and `US`, the four US census regions together (every `region=US-*` series).
/// </summary>
public static class ObservedRegion
{
    public const string UnitedStates = "US";

    public static readonly IReadOnlyList<string> Known = [UnitedStates, "US-NE", "US-MW", "US-S", "US-W", "CA", "CN", "MX", "IN"];

    /// <summary>True when a model series of region <paramref name="modelRegion"/> counts toward the observed <paramref name="region"/>.</summary>
    public static bool Covers(string region, string modelRegion)
        => region == UnitedStates ? modelRegion.StartsWith(UnitedStates + "-", StringComparison.Ordinal) : region == modelRegion;
}
