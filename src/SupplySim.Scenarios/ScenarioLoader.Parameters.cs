using SupplySim.Model.World;

namespace SupplySim.Scenarios;

public static partial class ScenarioLoader
{
    /// <summary>Scenario names (kebab-case) of every behaviour parameter.</summary>
    public static IReadOnlyCollection<string> ParameterNames { get; } = ParameterCatalog.All.Select(d => d.Name).ToArray();

    public static double GetParameter(ModelParameters p, string name) => Declaration(name).Get(p);

    /// <summary>A copy of <paramref name="p"/> with one parameter changed (integers are rounded).</summary>
    public static ModelParameters WithParameter(ModelParameters p, string name, double value) => Declaration(name).With(p, value);

    /// <summary>The declaration of the parameter called <paramref name="name"/>.</summary>
    public static ParameterDeclaration Declaration(string name)
        => ParameterCatalog.TryFind(name, out var d) ? d : throw new ArgumentException($"unknown parameter '{name}'; {AllowedParameters}");

    private static string AllowedParameters => $"allowed: {string.Join(", ", ParameterNames.Order(StringComparer.Ordinal))}";

    private sealed partial class Compiler
    {
        /// <summary>The <c>parameters:</c> block: each value checked against its declaration's range.</summary>
        private ModelParameters Parameters(Map m)
        {
            var p = new ModelParameters();
            foreach (var (key, value) in m.Entries.ToList())
            {
                var name = key.Value!;
                if (!ParameterCatalog.TryFind(name, out var declared)) throw r.Error(key, $"unknown parameter '{name}'; {AllowedParameters}");
                m.Get(name);
                var (min, max) = declared.Domain.Bounds();
                var path = $"parameters.{name}";
                p = declared.IsInteger
                    ? declared.With(p, r.Integer(value, path, (int)min, (int)max))
                    : declared.With(p, r.Number(value, path, min, max, declared.Domain.Allowed()));
            }
            if (!(p.MinPotencyMg <= p.ReferencePotencyMg && p.ReferencePotencyMg <= p.MaxPotencyMg))
                throw r.Error(m.Node, $"parameters: min-potency-mg ({p.MinPotencyMg}) <= reference-potency-mg ({p.ReferencePotencyMg}) <= max-potency-mg ({p.MaxPotencyMg}) must hold");
            m.Done();
            return p;
        }
    }
}
