using System.Globalization;

namespace SupplySim.Model.World;

/// <summary>Families of prior distribution a parameter may have for uncertainty analysis.</summary>
public enum PriorFamily { Fixed, Uniform, LogUniform, Beta, TruncatedNormal }

/// <summary>
/// A parameter's prior. <see cref="A"/> and <see cref="B"/> are the family's parameters (fixed: value; uniform and
/// log-uniform: low, high; beta: alpha, beta; truncated-normal: mean, sd); <see cref="Low"/>..<see cref="High"/> is its support.
/// Written "family(a, b)" or "truncated-normal(mean, sd, low, high)".
/// </summary>
public sealed record Prior(PriorFamily Family, double A, double B, double Low, double High, string Basis)
{
    private static readonly (PriorFamily Family, string Name)[] Names =
        [(PriorFamily.Fixed, "fixed"), (PriorFamily.Uniform, "uniform"), (PriorFamily.LogUniform, "log-uniform"), (PriorFamily.Beta, "beta"), (PriorFamily.TruncatedNormal, "truncated-normal")];

    public static string NameOf(PriorFamily family) => Names.First(n => n.Family == family).Name;

    public static Prior Parse(string text, string basis)
    {
        var open = text.IndexOf('(');
        if (open < 0 || !text.EndsWith(')')) throw new FormatException($"prior '{text}': write family(numbers)");
        var name = text[..open].Trim();
        var family = Names.FirstOrDefault(n => n.Name == name) is { Name: not null } f ? f.Family : throw new FormatException($"prior '{text}': unknown family '{name}'");
        var x = text[(open + 1)..^1].Split(',').Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        var count = family switch { PriorFamily.Fixed => 1, PriorFamily.TruncatedNormal => 4, _ => 2 };
        if (x.Length != count) throw new FormatException($"prior '{text}': {name} takes {count} numbers");
        return family switch
        {
            PriorFamily.Fixed => new(family, x[0], double.NaN, x[0], x[0], basis),
            PriorFamily.Beta => new(family, x[0], x[1], 0, 1, basis),
            PriorFamily.TruncatedNormal => new(family, x[0], x[1], x[2], x[3], basis),
            _ => new(family, x[0], x[1], x[0], x[1], basis),
        };
    }

    public override string ToString()
    {
        static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        var args = Family switch
        {
            PriorFamily.Fixed => F(A),
            PriorFamily.TruncatedNormal => $"{F(A)}, {F(B)}, {F(Low)}, {F(High)}",
            _ => $"{F(A)}, {F(B)}",
        };
        return $"{NameOf(Family)}({args})";
    }
}
