using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// Monthly overdose death probability (docs/model.md#the-six-actor-kinds): rises with potency
/// as (potency / reference)^k, is multiplied for stimulant co-use (L2054, L2176-L2180), scales with the
/// share of demand the market served (no drug, no overdose), and falls with naloxone coverage times the
/// reversal share (L1889-L1891) and with MOUD (L1808). A share x of doses is cut with xylazine (L490,
/// L2180): on those, naloxone loses part of its effect (<c>xylazine-naloxone-loss</c>, lx) and the hazard is
/// multiplied by <c>xylazine-hazard-multiplier</c> (m). A share z of the opioid is a nitazene (substances of
/// class <see cref="NitazeneClass"/>, L355, L490), on which naloxone loses the share
/// <c>nitazene-naloxone-loss</c> (ln) of its effect; whether a dose is cut does not depend on its opioid.
/// With ρ the share of overdoses naloxone reverses on a plain fentanyl dose (coverage c times reversal r),
/// every dose mixes as
/// N(ρ) = (1 − x)(1 − ρ) + x·m·(1 − ρ·(1 − lx)), and h = h0 · N(c·r·(1 − z·ln)):
/// N is linear in ρ, so this is (1 − z)·N(c·r) for the fentanyl doses plus z·N(c·r·(1 − ln)) for the nitazene
/// ones. With z = 0 it is the xylazine mixture alone, bit for bit; with c = 0 the nitazene share changes nothing.
/// The potency term is multiplied by the spread factor of <see cref="PotencySpread"/> (doses stronger than the market's mean, to which
/// tolerance has adapted, L1895), 1 for powder of one opioid.
/// </summary>
public readonly struct OverdoseHazard
{
    /// <summary>The structural class whose members naloxone reverses less well (the catalogue's nitazenes).</summary>
    public const string NitazeneClass = "nitazene-related";

    private readonly double _oud;
    private readonly double _stim;
    private readonly double _relUse;
    private readonly double _relMoud;

    /// <summary>The hazard of this tick. Where a stimulant is traded, <c>stimulantServedShare</c> is the share of the region's stimulant
    /// demand served, and a co-user's multiplier is 1 + (<c>stimulant-hazard-multiplier</c> − 1) × that share (no stimulant, no
    /// stimulant risk); null elsewhere (the whole multiplier, as before stimulants were traded).</summary>
    public OverdoseHazard(ModelParameters p, double potencyMg, double servedShare, double naloxoneCoverage, double xylazineShare = 0, double nitazeneShare = 0, double potencySpread = 1, double? stimulantServedShare = null)
    {
        var potency = potencyMg > 0 ? Math.Pow(potencyMg / p.ReferencePotencyMg, p.PotencyHazardExponent) * potencySpread : 0;
        var reversedPlain = naloxoneCoverage * p.NaloxoneReversal;
        var (plain, cut) = Mixture(p, xylazineShare, reversedPlain * (1 - nitazeneShare * p.NitazeneNaloxoneLoss));
        XylazineDeathShare = plain + cut > 0 ? cut / (plain + cut) : 0;
        var (plainN, cutN) = Mixture(p, xylazineShare, reversedPlain * (1 - p.NitazeneNaloxoneLoss));
        NitazeneDeathShare = plain + cut > 0 ? Math.Min(1, nitazeneShare * (plainN + cutN) / (plain + cut)) : 0;
        if (plain + cut > 0)
        {
            // N is linear in ρ: N(c r (1 − z lossN)) = (1 − z) N(c r) + z N(c r (1 − lossN)), term by term.
            var (plainF, cutF) = Mixture(p, xylazineShare, reversedPlain);
            var total = plain + cut;
            _combination = ((1 - nitazeneShare) * plainF / total, (1 - nitazeneShare) * cutF / total, nitazeneShare * plainN / total, nitazeneShare * cutN / total);
        }
        _oud = Math.Min(0.5, p.OverdoseHazardOud * potency * servedShare * (plain + cut));
        _stim = stimulantServedShare is { } served ? 1 + (p.StimulantHazardMultiplier - 1) * served : p.StimulantHazardMultiplier;
        _relUse = p.OverdoseRelativeUse;
        _relMoud = p.OverdoseRelativeMoud;
    }

    /// <summary>The two terms of N(ρ): uncut doses, and doses cut with xylazine, when naloxone reverses the share ρ of plain overdoses.</summary>
    private static (double Plain, double Cut) Mixture(ModelParameters p, double xylazineShare, double reversed)
        => ((1 - xylazineShare) * (1 - reversed), xylazineShare * p.XylazineHazardMultiplier * (1 - reversed * (1 - p.XylazineNaloxoneLoss)));

    private readonly (double Fentanyl, double FentanylXylazine, double Nitazene, double NitazeneXylazine) _combination;

    /// <summary>
    /// Share of overdose deaths on doses of each combination of opioid (fentanyl class or nitazene) and xylazine cut, in proportion
    /// to their part of the hazard: the four terms of z and N (they add up to 1 where anyone can die). Index: 2 × nitazene + xylazine.
    /// </summary>
    public double CombinationShare(int index) => index switch
    {
        0 => _combination.Fentanyl,
        1 => _combination.FentanylXylazine,
        2 => _combination.Nitazene,
        _ => _combination.NitazeneXylazine,
    };

    /// <summary>Share of overdose deaths that happen on xylazine-cut doses (the attribution behind <c>overdose_deaths_xylazine</c>).</summary>
    public double XylazineDeathShare { get; }

    /// <summary>
    /// Share of overdose deaths that happen on nitazene doses, z·N(c·r·(1 − ln)) / N(c·r·(1 − z·ln)) (the attribution
    /// behind <c>overdose_deaths_nitazene</c>); a nitazene dose cut with xylazine counts in both attributions.
    /// </summary>
    public double NitazeneDeathShare { get; }

    public double Oud(bool stimulant) => stimulant ? _oud * _stim : _oud;
    public double Use(bool stimulant) => Oud(stimulant) * _relUse;
    public double Moud(bool stimulant) => Oud(stimulant) * _relMoud;
}
