using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Randomness;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// The people of one population shard as a structure of arrays: one state byte (<see cref="PersonState"/>) and one trait byte
/// per person, the count of people in each state, and the stimulant co-users among those using. Their monthly step is the
/// <see cref="PersonStepKernel"/> over the two arrays, under rules the shard builds once per tick (<see cref="PersonRules"/>).
/// </summary>
internal sealed class People : IShardPart
{
    /// <summary>Trait bit: co-uses stimulants.</summary>
    public const byte StimulantFlag = 1;

    /// <summary>Trait bit: on the register (<see cref="Register"/>).</summary>
    public const byte RegisteredFlag = 2;

    /// <summary>Trait bit: uses NPS instead of the market's drugs (<see cref="Register"/>).</summary>
    public const byte NpsFlag = 4;

    public readonly byte[] State;
    public readonly byte[] Traits;

    /// <summary>People in each state after the last step, indexed by <see cref="PersonState"/>.</summary>
    public readonly long[] Counts = new long[EnumNames.LivingStateCount + 1];

    /// <summary>People co-using stimulants in use, OUD and MOUD after the last step (counted only where the catalogue has a stimulant).</summary>
    public readonly long[] CoUsers = new long[3];

    [FixedByLayout] private readonly ulong _stream; // the person-transition stream of the population
    [FixedByLayout] private readonly bool _countCoUsers;

    /// <summary>Draws each person's starting state from the population's initial shares, and the stimulant trait.</summary>
    public People(PopulationSpec pop, ShardInfo info, ulong seed, bool countCoUsers)
    {
        State = new byte[info.Count];
        Traits = new byte[info.Count];
        _countCoUsers = countCoUsers;
        _stream = CounterRng.AgentKey(seed, CounterRng.Stream.PersonTransition, info.Group);
        var initKey = CounterRng.TickKey(seed, CounterRng.Stream.Init, info.Group, 0);
        var traitKey = CounterRng.TickKey(seed, CounterRng.Stream.PersonTraits, info.Group, 0);
        double c1 = pop.InitialUse, c2 = c1 + pop.InitialOud, c3 = c2 + pop.InitialMoud, c4 = c3 + pop.InitialRemission;
        for (var i = 0; i < State.Length; i++)
        {
            var person = info.FirstInGroup + i;
            var u = CounterRng.UniformAt(initKey, person);
            var state = u < c1 ? PersonState.Use : u < c2 ? PersonState.Oud : u < c3 ? PersonState.Moud : u < c4 ? PersonState.Remission : PersonState.NoUse;
            State[i] = (byte)state;
            Counts[(int)state]++;
            if (CounterRng.UniformAt(traitKey, person) < pop.StimulantCoUse) Traits[i] |= StimulantFlag;
        }
    }

    public long this[PersonState s] => Counts[(int)s];

    /// <summary>The catalogue has a stimulant: co-users are counted and reported.</summary>
    public bool CountsCoUsers => _countCoUsers;

    /// <summary>People co-using stimulants while using, with OUD or in MOUD.</summary>
    public long CoUserCount => CoUsers[0] + CoUsers[1] + CoUsers[2];

    /// <summary>Key of this tick's person stream (<see cref="PersonRules.TickKey"/>).</summary>
    public ulong TickKey(int tick) => CounterRng.Bits(_stream, tick);

    /// <summary>Doses of opioid the people buy a month: use and OUD, and MOUD times <c>moud-buying-share</c>, times <paramref name="represents"/>.</summary>
    public double DemandDoses(ModelParameters p, double represents)
        => represents * (Counts[(int)PersonState.Use] * p.DosesPerMonthUse
            + Counts[(int)PersonState.Oud] * p.DosesPerMonthOud
            + Counts[(int)PersonState.Moud] * p.MoudBuyingShare * p.DosesPerMonthOud);

    /// <summary>Doses of stimulant the co-users buy a month (as counted after last month's step), times <paramref name="represents"/>.</summary>
    public double StimulantDemandDoses(ModelParameters p, double represents)
        => represents * p.StimulantDosesPerMonth * (CoUsers[0] + CoUsers[1] + CoUsers[2] * p.MoudBuyingShare);

    /// <summary>Steps every person once; returns the deaths and those among stimulant co-users.</summary>
    public (long Deaths, long DeathsWithStimulant) Step(in PersonRules rules)
    {
        var deaths = PersonStepKernel.Step(State, Traits, rules, Counts);
        if (_countCoUsers) CountCoUsers();
        return deaths;
    }

    /// <summary>Counts the people in use, OUD and MOUD who co-use stimulants (one pass; only where the catalogue has a stimulant).</summary>
    public void CountCoUsers()
    {
        if (!_countCoUsers) return;
        long use = 0, oud = 0, moud = 0;
        for (var i = 0; i < State.Length; i++)
        {
            if ((Traits[i] & StimulantFlag) == 0) continue;
            switch ((PersonState)State[i])
            {
                case PersonState.Use: use++; break;
                case PersonState.Oud: oud++; break;
                case PersonState.Moud: moud++; break;
            }
        }
        CoUsers[0] = use;
        CoUsers[1] = oud;
        CoUsers[2] = moud;
    }

    public void Save(BinaryWriter w)
    {
        w.WriteArray(State);
        w.WriteArray(Traits);
        w.WriteArray(Counts);
        w.WriteArray(CoUsers);
    }

    public void Load(BinaryReader r)
    {
        r.ReadArrayInto(State);
        r.ReadArrayInto(Traits);
        r.ReadArrayInto(Counts);
        r.ReadArrayInto(CoUsers);
    }
}
