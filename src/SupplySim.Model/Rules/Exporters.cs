using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// The chemical-exporting jurisdictions (those with precursor suppliers), each weighted by its share of all
/// suppliers' capacity. Export-side controls on goods the model does not trade as messages (pill presses,
/// L417; veterinary xylazine, L265) act through these weights.
/// </summary>
public static class Exporters
{
    public static (int Jurisdiction, double Weight)[] ByCapacity(WorldSpec spec)
    {
        var capacity = spec.Suppliers.GroupBy(g => g.Jurisdiction)
            .Select(g => (Jurisdiction: g.Key, Kg: g.Sum(x => x.Count * x.CapacityKgPerMonth)))
            .OrderBy(x => x.Jurisdiction).ToArray();
        var total = capacity.Sum(x => x.Kg);
        return capacity.Select(x => (x.Jurisdiction, total > 0 ? x.Kg / total : 0)).ToArray();
    }
}
