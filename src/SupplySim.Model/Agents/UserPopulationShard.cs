using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Randomness;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// People of one region, as a structure of arrays (one byte of state and one of traits per person), and
/// the region's retail market: drug arriving from labs is cut into doses (<see cref="RetailMarket"/>), and
/// each person moves between no use, use, OUD, MOUD and remission, or dies of overdose with a hazard that
/// rises with potency (<see cref="OverdoseHazard"/>). Treatment entry is limited by MOUD places (L1808).
/// </summary>
public sealed class UserPopulationShard : Shard
{
    private const byte StimulantFlag = 1;

    private readonly byte[] _state;
    private readonly byte[] _traits;
    private readonly long[] _counts = new long[EnumNames.LivingStateCount + 1];
    private readonly PopulationSpec _pop;
    private readonly ulong _personStream;
    private double _inventoryKg; // pure fentanyl-equivalent kg held by retail dealers

    public UserPopulationShard(Layout layout, ShardInfo info) : base(layout, info)
    {
        _pop = Spec.Populations[info.Group];
        _state = new byte[info.Count];
        _traits = new byte[info.Count];
        _personStream = CounterRng.AgentKey(Seed, CounterRng.Stream.PersonTransition, info.Group);
        var initKey = CounterRng.TickKey(Seed, CounterRng.Stream.Init, info.Group, 0);
        var traitKey = CounterRng.TickKey(Seed, CounterRng.Stream.PersonTraits, info.Group, 0);
        double c1 = _pop.InitialUse, c2 = c1 + _pop.InitialOud, c3 = c2 + _pop.InitialMoud, c4 = c3 + _pop.InitialRemission;
        for (var i = 0; i < _state.Length; i++)
        {
            var person = info.FirstInGroup + i;
            var u = CounterRng.UniformAt(initKey, person);
            var state = u < c1 ? PersonState.Use : u < c2 ? PersonState.Oud : u < c3 ? PersonState.Moud : u < c4 ? PersonState.Remission : PersonState.NoUse;
            _state[i] = (byte)state;
            _counts[(int)state]++;
            if (CounterRng.UniformAt(traitKey, person) < _pop.StimulantCoUse) _traits[i] |= StimulantFlag;
        }
    }

    internal static readonly CheckpointFields Checkpoint = new(
        [nameof(_state), nameof(_traits), nameof(_counts), nameof(_inventoryKg)],
        [nameof(_pop), nameof(_personStream)]);

    public override void Save(BinaryWriter w)
    {
        w.WriteArray(_state);
        w.WriteArray(_traits);
        w.WriteArray(_counts);
        w.Write(_inventoryKg);
    }

    public override void Load(BinaryReader r)
    {
        r.ReadArrayInto(_state);
        r.ReadArrayInto(_traits);
        r.ReadArrayInto(_counts);
        _inventoryKg = r.ReadDouble();
    }

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, double[] report)
    {
        var j = Info.Jurisdiction;
        var scale = _pop.Represents;

        var arrivedKg = 0.0;
        foreach (ref readonly var msg in inbox)
            if (msg.Kind == MessageKind.Drug) arrivedKg += msg.Kg * Spec.Substances[msg.Substance].Potency;
        _inventoryKg += arrivedKg;
        var seized = _inventoryKg * P.RetailSeizureShare * ctx.Signals.Pressure(j, Stage.Retail);
        _inventoryKg -= seized;
        report[Raw.SeizedDrugKg + (int)Stage.Retail] += seized;

        var demandDoses = scale * (_counts[(int)PersonState.Use] * P.DosesPerMonthUse
            + _counts[(int)PersonState.Oud] * P.DosesPerMonthOud
            + _counts[(int)PersonState.Moud] * P.MoudBuyingShare * P.DosesPerMonthOud);
        var market = RetailMarket.Clear(_inventoryKg * 1e6, demandDoses, P);
        _inventoryKg -= market.SoldMg / 1e6;

        PayProceeds(inbox, market, outbox, report);
        var (deaths, deathsStim) = Transition(ctx, market);

        report[Raw.Deaths + j] += deaths * scale;
        report[Raw.DeathsWithStimulant + j] += deathsStim * scale;
        report[Raw.SuppliedMg + j] += market.SoldMg;
        report[Raw.RevenueUsd + j] += market.RevenueUsd;
        report[Raw.DosesServed + j] += market.DosesServed;
        report[Raw.DosesDemanded + j] += demandDoses;
        report[Raw.PotencyMgTimesDoses + j] += market.PotencyMg * market.DosesServed;
        for (var s = 0; s < _counts.Length; s++) report[Raw.PeopleSlot(j, (PersonState)s)] += _counts[s] * scale;
    }

    /// <summary>Dealers pay each consignment at wholesale on arrival, through the launderer its lab chose.</summary>
    private void PayProceeds(ReadOnlySpan<Message> inbox, in RetailMarket.Result market, Outbox outbox, double[] report)
    {
        var usdPerMg = P.WholesaleShare * P.PricePerDoseUsd / (market.PotencyMg > 0 ? market.PotencyMg : P.ReferencePotencyMg);
        foreach (ref readonly var msg in inbox)
        {
            if (msg.Kind != MessageKind.Drug || msg.Aux < 0) continue;
            var usd = msg.Kg * Spec.Substances[msg.Substance].Potency * 1e6 * usdPerMg;
            outbox.Emit(new Message(MessageKind.Proceeds, Info.FirstAgent, msg.Aux, -1, msg.From, 0, usd));
            report[Raw.InflowUsd] += usd;
            report[Raw.InFlightUsd] += usd;
        }
    }

    /// <summary>This tick's inputs of the person rules (shared with the object-per-agent reference).</summary>
    internal PersonRules Rules(in StepContext ctx, in RetailMarket.Result market)
    {
        var j = Info.Jurisdiction;
        var signals = ctx.Signals;
        var hazard = new OverdoseHazard(P, market.PotencyMg, market.ServedShare, signals.LeverValue(Lever.NaloxoneCoverage, j));
        var tickKey = CounterRng.Bits(_personStream, ctx.Tick);
        var places = (long)Math.Round(signals.LeverValue(Lever.TreatmentCapacity, j) * Info.Count);
        var freePlaces = places - _counts[(int)PersonState.Moud];
        var initiation = P.InitiationRate * market.ServedShare * signals.LeverValue(Lever.InitiationMultiplier, j);
        var stimulantUptake = P.StimulantUptakeRate * market.ServedShare;
        // Easier access (more prescribers, no wrong door) raises the monthly entry of people with OUD into treatment.
        var access = signals.LeverValue(Lever.TreatmentAccess, j);
        var rules = access == 1 ? P : P with { TreatmentEntryRate = Math.Min(1, P.TreatmentEntryRate * access) };
        return new PersonRules(tickKey, Info.FirstInGroup, hazard, initiation, stimulantUptake, freePlaces, rules);
    }

    /// <summary>State and trait bytes (for the reference implementation and tests).</summary>
    internal ReadOnlySpan<byte> States => _state;
    internal ReadOnlySpan<byte> Traits => _traits;

    private (long Deaths, long DeathsWithStimulant) Transition(in StepContext ctx, in RetailMarket.Result market)
        => PersonStepKernel.Step(_state, _traits, Rules(ctx, market), _counts);
}
