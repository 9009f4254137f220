using SupplySim.Model.Engine;
using SupplySim.Model.Randomness;
using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// Chemical substitution (docs/model.md#reactions-and-rules): a broker offers the precursor with the lowest cost per kg of
/// finished drug after risk, among those suppliers in its jurisdiction make. Scheduling a chemical adds
/// the expected penalty to its cost (as does a legal basis for knowing sales of unscheduled chemicals,
/// and actionable foreign intelligence), so demand moves to the cheapest unscheduled substitute (L361,
/// L1401-L1405). Each broker has a fixed idiosyncratic preference per chemical, so the move is gradual.
/// </summary>
public sealed class Substitution
{
    private readonly WorldSpec _spec;
    private readonly double[] _costPerKgDrug; // by substance; +inf where no route
    private readonly bool[][] _offeredIn; // [jurisdiction][substance]

    public Substitution(WorldSpec spec)
    {
        _spec = spec;
        _costPerKgDrug = new double[spec.Substances.Length];
        Array.Fill(_costPerKgDrug, double.PositiveInfinity);
        foreach (var r in spec.Routes)
        {
            var potency = spec.Substances[r.Output].Potency;
            var cost = spec.Substances[r.Input].PriceUsdPerKg / (r.Yield * Math.Max(potency, 1e-9));
            _costPerKgDrug[r.Input] = Math.Min(_costPerKgDrug[r.Input], cost);
        }
        _offeredIn = spec.Jurisdictions.Select(_ => new bool[spec.Substances.Length]).ToArray();
        foreach (var g in spec.Suppliers)
            foreach (var s in g.Products) _offeredIn[g.Jurisdiction][s] = true;
    }

    /// <summary>The substance broker <paramref name="agentId"/> offers now, or -1 if none can be sourced; only among
    /// <paramref name="offers"/> (its group's precursors, <see cref="Stimulants.Offers"/>) when given.</summary>
    public int Best(TickSignals signals, int jurisdiction, ulong seed, int agentId, double preferenceSigma, bool[]? offers = null)
    {
        var best = -1;
        var bestScore = double.PositiveInfinity;
        var risk = signals.Pressure[jurisdiction, Stage.Broker] + signals.Pressure[jurisdiction, Stage.Supplier]
            + signals.Intelligence(jurisdiction) * _spec.Parameters.IntelligencePressure;
        for (var s = 0; s < _costPerKgDrug.Length; s++)
        {
            if (!_offeredIn[jurisdiction][s] || double.IsInfinity(_costPerKgDrug[s]) || (offers is not null && !offers[s])) continue;
            // The preference draw uses tick 0 for every tick: a trait, not noise.
            var preference = Math.Exp(preferenceSigma * CounterRng.Normal(seed, CounterRng.Stream.BrokerTraits, agentId, 0, s));
            var penalty = 1 + signals.Illegality(jurisdiction, s) * risk * _spec.Parameters.PenaltyMultiple;
            var score = _costPerKgDrug[s] * preference * penalty;
            if (score < bestScore) { bestScore = score; best = s; }
        }
        return best;
    }

    /// <summary>Kg of the best route's output per kg of this precursor (0 if it has no route).</summary>
    public static double BestYield(WorldSpec spec, int substance)
        => spec.Routes.Where(r => r.Input == substance).Select(r => r.Yield).DefaultIfEmpty(0).Max();
}
