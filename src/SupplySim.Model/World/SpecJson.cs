using System.Text.Json;

namespace SupplySim.Model.World;

/// <summary>The wire form of a <see cref="WorldSpec"/> (JSON), so grains can carry it without Model knowing Orleans.</summary>
public static class SpecJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false, IncludeFields = false };

    public static string Serialize(WorldSpec spec) => JsonSerializer.Serialize(spec, Options);

    public static WorldSpec Deserialize(string json)
        => JsonSerializer.Deserialize<WorldSpec>(json, Options) ?? throw new InvalidDataException("empty scenario specification");
}
