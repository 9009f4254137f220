using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// Everything one tick's person transitions depend on besides each person's own state, trait and draw:
/// computed once per tick by <see cref="UserPopulationShard"/> from the market and the signals, and
/// consumed by the structure-of-arrays kernel (<see cref="PersonStepKernel"/>) and by the object-per-agent
/// reference (<see cref="Reference.ObjectPerAgentPopulation"/>) alike, so both compute the same rules.
/// </summary>
/// <param name="TickKey">Key of this tick's person stream: the draw of person <c>FirstIndex + i</c> is CounterRng.UniformAt(TickKey, FirstIndex + i).</param>
/// <param name="FirstIndex">Index in its population of the shard's first person.</param>
/// <param name="Hazard">This tick's overdose hazard (potency, served share, naloxone).</param>
/// <param name="Initiation">Monthly probability that a person with no use starts.</param>
/// <param name="StimulantUptake">Monthly probability that a person using or with OUD takes up stimulant co-use.</param>
/// <param name="FreePlaces">MOUD places free at the start of the tick; given in person order to OUD people who seek treatment.</param>
/// <param name="P">The model's parameters (transition rates).</param>
public readonly record struct PersonRules(
    ulong TickKey,
    long FirstIndex,
    OverdoseHazard Hazard,
    double Initiation,
    double StimulantUptake,
    long FreePlaces,
    ModelParameters P);
