using SupplySim.Model.Agents;
using SupplySim.Model.Randomness;
using SupplySim.Model.World;

namespace SupplySim.Model.Reference;

/// <summary>
/// The way a Mesa or NetLogo model is written: an object per person with a virtual Step, held in a
/// List of objects and stepped one by one. It applies exactly the user rules of
/// <see cref="PersonStepKernel"/> (the original if/else chain of the model, from the same
/// <see cref="PersonRules"/> and the same counter-based draws), so the benchmarks compare like with like.
/// Not used by the model; it exists for the side-by-side benchmark and its equivalence test.
/// </summary>
public sealed class ObjectPerAgentPopulation
{
    /// <summary>What every agent sees in one step (the schedule's shared state, as a Mesa model object).</summary>
    public sealed class Model
    {
        public PersonRules Rules;
        public long FreePlaces;
        public long Deaths;
        public long DeathsWithStimulant;
        public readonly long[] Counts = new long[EnumNames.LivingStateCount + 1];
    }

    public abstract class Agent
    {
        public abstract void Step(Model model);
    }

    public sealed class Person(long id, PersonState state, bool stimulant) : Agent
    {
        public long Id { get; } = id;
        public PersonState State { get; private set; } = state;
        public bool Stimulant { get; private set; } = stimulant;

        public override void Step(Model model)
        {
            var s = State;
            if (s == PersonState.Dead) { model.Counts[(int)PersonState.Dead]++; return; }
            var r = model.Rules;
            var p = r.P;
            var u = CounterRng.UniformAt(r.TickKey, Id);
            var stim = Stimulant;
            var next = s;
            switch (s)
            {
                case PersonState.NoUse:
                    if (u < r.Initiation) next = PersonState.Use;
                    break;
                case PersonState.Use:
                {
                    var d = r.Hazard.Use(stim);
                    if (u < d) next = PersonState.Dead;
                    else if (u < d + p.CessationRate) next = PersonState.NoUse;
                    else if (u < d + p.CessationRate + p.ProgressionRate) next = PersonState.Oud;
                    break;
                }
                case PersonState.Oud:
                {
                    var d = r.Hazard.Oud(stim);
                    if (u < d) next = PersonState.Dead;
                    else if (model.FreePlaces > 0 && u < d + p.TreatmentEntryRate) { next = PersonState.Moud; model.FreePlaces--; }
                    break;
                }
                case PersonState.Moud:
                {
                    var d = r.Hazard.Moud(stim);
                    if (u < d) next = PersonState.Dead;
                    else if (u < d + p.MoudDropoutRate) next = PersonState.Oud;
                    else if (u < d + p.MoudDropoutRate + p.MoudToRemissionRate) next = PersonState.Remission;
                    break;
                }
                case PersonState.Remission:
                    if (u < p.RelapseRate) next = PersonState.Oud;
                    break;
            }
            if (next == PersonState.Dead) { model.Deaths++; if (stim) model.DeathsWithStimulant++; }
            else if (!stim && next is PersonState.Use or PersonState.Oud && u > 1 - r.StimulantUptake) Stimulant = true;
            State = next;
            model.Counts[(int)next]++;
        }
    }

    private readonly List<Agent> _agents;
    private readonly Model _model = new();

    /// <summary>One object per person, from a population's state and trait bytes (bit 0 of a trait: stimulant co-use).</summary>
    public ObjectPerAgentPopulation(ReadOnlySpan<byte> states, ReadOnlySpan<byte> traits, long firstIndex)
    {
        _agents = new List<Agent>(states.Length);
        for (var i = 0; i < states.Length; i++) _agents.Add(new Person(firstIndex + i, (PersonState)states[i], (traits[i] & 1) != 0));
    }

    public IReadOnlyList<Agent> Agents => _agents;
    public ReadOnlySpan<long> Counts => _model.Counts;

    /// <summary>Steps every agent once, in list order; returns the tick's deaths.</summary>
    public (long Deaths, long DeathsWithStimulant) Step(in PersonRules rules)
    {
        var m = _model;
        m.Rules = rules;
        m.FreePlaces = rules.FreePlaces;
        m.Deaths = m.DeathsWithStimulant = 0;
        Array.Clear(m.Counts);
        foreach (var agent in _agents) agent.Step(m);
        return (m.Deaths, m.DeathsWithStimulant);
    }
}
