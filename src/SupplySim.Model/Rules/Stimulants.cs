using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// The stimulant trade (docs/model.md#substances-routes-and-scheduling, #the-six-actor-kinds; report L2054, L2062, L2176-L2180): which substances are stimulants, which
/// lab groups make them and which precursors which broker groups offer. A stimulant is never fentanyl-equivalent: its
/// kg never enter the opioid series (supply, potency, production, seized value). Nothing here changes a world whose
/// lab groups make no stimulant.
/// </summary>
public static class Stimulants
{
    public static bool IsStimulant(WorldSpec spec, int substance) => spec.Substances[substance].Role == SubstanceRole.Stimulant;

    /// <summary>Route outputs a lab group makes, by substance: its <c>products</c>, or every non-stimulant output.</summary>
    public static bool[] Makes(WorldSpec spec, LabGroupSpec group)
    {
        var makes = new bool[spec.Substances.Length];
        if (group.Products is { } products) foreach (var s in products) makes[s] = true;
        else foreach (var r in spec.Routes) makes[r.Output] |= !IsStimulant(spec, r.Output);
        return makes;
    }

    /// <summary>Whether the group's labs make stimulants (the loader keeps a group's products all stimulants or none).</summary>
    public static bool MakesStimulant(WorldSpec spec, LabGroupSpec group)
        => group.Products is { Length: > 0 } products && IsStimulant(spec, products[0]);

    /// <summary>Whether a stimulant is traded: the catalogue has one and some lab group with labs makes it.</summary>
    public static bool Traded(WorldSpec spec) => spec.Labs.Any(g => g.Count > 0 && MakesStimulant(spec, g));

    /// <summary>Whether the catalogue has a stimulant (its co-use series are then reported).</summary>
    public static bool InCatalogue(WorldSpec spec) => spec.Substances.Any(s => s.Role == SubstanceRole.Stimulant);

    /// <summary>Precursors a broker group may offer, by substance: its <c>products</c>, or every input of an opioid route.</summary>
    public static bool[] Offers(WorldSpec spec, BrokerGroupSpec group)
    {
        var offers = new bool[spec.Substances.Length];
        if (group.Products is { } products) foreach (var s in products) offers[s] = true;
        else foreach (var r in spec.Routes) offers[r.Input] |= !IsStimulant(spec, r.Output);
        return offers;
    }

    /// <summary>Whether a broker group offers any input of the lab group's routes (so the labs may order from it).</summary>
    public static bool Serves(WorldSpec spec, BrokerGroupSpec broker, LabGroupSpec lab)
    {
        var offers = Offers(spec, broker);
        var makes = Makes(spec, lab);
        return spec.Routes.Any(r => makes[r.Output] && offers[r.Input]);
    }
}
