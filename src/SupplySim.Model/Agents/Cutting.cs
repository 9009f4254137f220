using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// Dealers' practice of cutting with xylazine in one region: the share of doses cut, which spreads by imitation, locally and from
/// the country's other regions, and recedes where xylazine is scheduled (L265, L490).
/// </summary>
internal sealed class Cutting : IShardPart
{
    private double _share;
    [FixedByLayout] private readonly int _jurisdiction;
    [FixedByLayout] private readonly int _xylazine; // the adulterant's substance index; -1 when the catalogue has none
    [FixedByLayout] private readonly (int Jurisdiction, double Weight)[] _exporters; // chemical-exporting jurisdictions by capacity share
    [FixedByLayout] private readonly (int Jurisdiction, double Weight)[] _neighbours; // the country's other regions by population

    public Cutting(Layout layout, ShardInfo info, PopulationSpec pop)
    {
        var spec = layout.Spec;
        _share = pop.XylazineShare;
        _jurisdiction = info.Jurisdiction;
        _xylazine = Array.FindIndex(spec.Substances, s => s.Role == SubstanceRole.Adulterant);
        _exporters = Exporters.ByCapacity(spec);
        var j0 = info.Jurisdiction;
        var others = Enumerable.Range(0, layout.JurisdictionCount)
            .Where(k => k != j0 && spec.CountryOf[k] == spec.CountryOf[j0] && layout.PeopleByJurisdiction[k] > 0).ToArray();
        var people = others.Sum(k => (double)layout.PeopleByJurisdiction[k]);
        _neighbours = others.Select(k => (k, layout.PeopleByJurisdiction[k] / people)).ToArray();
    }

    /// <summary>This month's share of doses cut with xylazine.</summary>
    public double XylazineShare => _share;

    /// <summary>Moves on to next month's share (<see cref="NextShare"/>).</summary>
    public void Advance(TickSignals signals, ModelParameters p) => _share = NextShare(signals, p);

    /// <summary>
    /// Next month's share: dealers copy dealers who cut, in their own market and, more weakly, in the country's other regions
    /// (logistic spread, L490); scheduling xylazine in the market or at the chemical exporters (weighted by their share of
    /// chemical capacity, L265) deters new cutting and makes the practice recede.
    /// </summary>
    internal double NextShare(TickSignals signals, ModelParameters p)
    {
        if (_xylazine < 0) return _share;
        var national = 0.0;
        foreach (var (k, w) in _neighbours) national += w * signals.XylazineShare[k];
        var scheduledAbroad = 0.0;
        foreach (var (k, w) in _exporters) if (signals.Scheduled(k, _xylazine)) scheduledAbroad += w;
        var d = p.XylazineScheduleDeterrence;
        var deterrence = 1 - (1 - (signals.Scheduled(_jurisdiction, _xylazine) ? d : 0)) * (1 - d * scheduledAbroad);
        var x = _share;
        var adoption = (p.XylazineImitation * x + p.XylazineSpillover * national) * (1 - x) * (1 - deterrence);
        return Math.Clamp(x + adoption - deterrence * p.XylazineImitation * x, 0, 1);
    }

    public void Save(BinaryWriter w) => w.Write(_share);

    public void Load(BinaryReader r) => _share = r.ReadDouble();
}
