using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// Monthly overdose death probability (model.md §3, mechanism R18 of seed-mechanisms): rises with potency
/// as (potency / reference)^k, is multiplied for stimulant co-use (L2054, L2176-L2180), scales with the
/// share of demand the market served (no drug, no overdose), and falls with naloxone coverage times the
/// reversal share (L1889-L1891) and with MOUD (L1808).
/// </summary>
public readonly struct OverdoseHazard
{
    private readonly double _oud;
    private readonly double _stim;
    private readonly double _relUse;
    private readonly double _relMoud;

    public OverdoseHazard(ModelParameters p, double potencyMg, double servedShare, double naloxoneCoverage)
    {
        var potency = potencyMg > 0 ? Math.Pow(potencyMg / p.ReferencePotencyMg, p.PotencyHazardExponent) : 0;
        _oud = Math.Min(0.5, p.OverdoseHazardOud * potency * servedShare * (1 - naloxoneCoverage * p.NaloxoneReversal));
        _stim = p.StimulantHazardMultiplier;
        _relUse = p.OverdoseRelativeUse;
        _relMoud = p.OverdoseRelativeMoud;
    }

    public double Oud(bool stimulant) => stimulant ? _oud * _stim : _oud;
    public double Use(bool stimulant) => Oud(stimulant) * _relUse;
    public double Moud(bool stimulant) => Oud(stimulant) * _relMoud;
}
