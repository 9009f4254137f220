using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// Monthly overdose death probability (model.md §3, mechanism R18 of seed-mechanisms): rises with potency
/// as (potency / reference)^k, is multiplied for stimulant co-use (L2054, L2176-L2180), scales with the
/// share of demand the market served (no drug, no overdose), and falls with naloxone coverage times the
/// reversal share (L1889-L1891) and with MOUD (L1808). A share x of doses is cut with xylazine (L490,
/// L2180): on those, naloxone loses part of its effect (<c>xylazine-naloxone-loss</c>) and the hazard is
/// multiplied by <c>xylazine-hazard-multiplier</c>; the mixture gives
/// h = h0 · [(1 − x)(1 − c·r) + x·m·(1 − c·r·(1 − loss))], with c the naloxone coverage and r its reversal share.
/// </summary>
public readonly struct OverdoseHazard
{
    private readonly double _oud;
    private readonly double _stim;
    private readonly double _relUse;
    private readonly double _relMoud;

    public OverdoseHazard(ModelParameters p, double potencyMg, double servedShare, double naloxoneCoverage, double xylazineShare = 0)
    {
        var potency = potencyMg > 0 ? Math.Pow(potencyMg / p.ReferencePotencyMg, p.PotencyHazardExponent) : 0;
        var reversed = naloxoneCoverage * p.NaloxoneReversal;
        var plain = (1 - xylazineShare) * (1 - reversed);
        var cut = xylazineShare * p.XylazineHazardMultiplier * (1 - reversed * (1 - p.XylazineNaloxoneLoss));
        XylazineDeathShare = plain + cut > 0 ? cut / (plain + cut) : 0;
        _oud = Math.Min(0.5, p.OverdoseHazardOud * potency * servedShare * (plain + cut));
        _stim = p.StimulantHazardMultiplier;
        _relUse = p.OverdoseRelativeUse;
        _relMoud = p.OverdoseRelativeMoud;
    }

    /// <summary>Share of overdose deaths that happen on xylazine-cut doses (the attribution behind <c>overdose_deaths_xylazine</c>).</summary>
    public double XylazineDeathShare { get; }

    public double Oud(bool stimulant) => stimulant ? _oud * _stim : _oud;
    public double Use(bool stimulant) => Oud(stimulant) * _relUse;
    public double Moud(bool stimulant) => Oud(stimulant) * _relMoud;
}
