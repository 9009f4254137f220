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
/// Dealers' practice of cutting with xylazine spreads by imitation, locally and from the country's other
/// regions, and recedes where xylazine is scheduled (L265, L490); counterfeit pills from the labs' presses
/// are part of the stock and draw new people into use (L2184).
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
    private double _pillKg;      // of which pressed into counterfeit pills
    private double _nitazeneKg;  // of which nitazenes, on which naloxone works less well
    private readonly bool[] _nitazene; // per substance: of class nitazene-related
    private double _xylazine;    // share of doses dealers cut with xylazine
    private readonly int _xylazineSubstance; // -1 when the catalogue has no adulterant
    private readonly (int Jurisdiction, double Weight)[] _exporters; // chemical-exporting jurisdictions by capacity share
    private readonly (int Jurisdiction, double Weight)[] _neighbours; // the country's other regions by population

    public UserPopulationShard(Layout layout, ShardInfo info) : base(layout, info)
    {
        _pop = Spec.Populations[info.Group];
        _xylazine = _pop.XylazineShare;
        _xylazineSubstance = Array.FindIndex(Spec.Substances, s => s.Role == SubstanceRole.Adulterant);
        _nitazene = Array.ConvertAll(Spec.Substances, s => s.Classes.Contains(OverdoseHazard.NitazeneClass));
        _exporters = Exporters.ByCapacity(Spec);
        var j0 = info.Jurisdiction;
        var others = Enumerable.Range(0, layout.JurisdictionCount)
            .Where(k => k != j0 && Spec.CountryOf[k] == Spec.CountryOf[j0] && layout.PeopleByJurisdiction[k] > 0).ToArray();
        var people = others.Sum(k => (double)layout.PeopleByJurisdiction[k]);
        _neighbours = others.Select(k => (k, layout.PeopleByJurisdiction[k] / people)).ToArray();
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
        [nameof(_state), nameof(_traits), nameof(_counts), nameof(_inventoryKg), nameof(_pillKg), nameof(_xylazine), nameof(_nitazeneKg)],
        [nameof(_pop), nameof(_personStream), nameof(_xylazineSubstance), nameof(_nitazene), nameof(_exporters), nameof(_neighbours)]);

    public override void Save(BinaryWriter w)
    {
        w.WriteArray(_state);
        w.WriteArray(_traits);
        w.WriteArray(_counts);
        w.Write(_inventoryKg);
        w.Write(_pillKg);
        w.Write(_xylazine);
        w.Write(_nitazeneKg);
    }

    public override void Load(BinaryReader r)
    {
        r.ReadArrayInto(_state);
        r.ReadArrayInto(_traits);
        r.ReadArrayInto(_counts);
        _inventoryKg = r.ReadDouble();
        _pillKg = r.ReadDouble();
        _xylazine = r.ReadDouble();
        _nitazeneKg = r.ReadDouble();
    }

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, double[] report)
    {
        var j = Info.Jurisdiction;
        var scale = _pop.Represents;

        foreach (ref readonly var msg in inbox)
        {
            if (msg.Kind is not (MessageKind.Drug or MessageKind.Pills)) continue;
            var kg = msg.Kg * Spec.Substances[msg.Substance].Potency;
            _inventoryKg += kg;
            if (msg.Kind == MessageKind.Pills) _pillKg += kg;
            if (_nitazene[msg.Substance]) _nitazeneKg += kg;
        }
        var pillShare = _inventoryKg > 0 ? Math.Clamp(_pillKg / _inventoryKg, 0, 1) : 0;
        var nitazeneShare = _inventoryKg > 0 ? Math.Clamp(_nitazeneKg / _inventoryKg, 0, 1) : 0;
        var seized = _inventoryKg * P.RetailSeizureShare * ctx.Signals.Pressure(j, Stage.Retail);
        _inventoryKg -= seized;
        report[Raw.SeizedDrugKg + (int)Stage.Retail] += seized;

        var demandDoses = scale * (_counts[(int)PersonState.Use] * P.DosesPerMonthUse
            + _counts[(int)PersonState.Oud] * P.DosesPerMonthOud
            + _counts[(int)PersonState.Moud] * P.MoudBuyingShare * P.DosesPerMonthOud);
        var market = RetailMarket.Clear(_inventoryKg * 1e6, demandDoses, P);
        _inventoryKg -= market.SoldMg / 1e6;
        _pillKg = _inventoryKg * pillShare; // pills and powder are seized and sold alike
        _nitazeneKg = _inventoryKg * nitazeneShare; // and so are nitazenes and fentanyl

        PayProceeds(inbox, market, outbox, report);
        var rules = Rules(ctx, market, pillShare, nitazeneShare);
        var (deaths, deathsStim) = PersonStepKernel.Step(_state, _traits, rules, _counts);

        report[Raw.Deaths + j] += deaths * scale;
        report[Raw.DeathsWithXylazine + j] += deaths * scale * rules.Hazard.XylazineDeathShare;
        report[Raw.XylazineDoses + j] += _xylazine * market.DosesServed;
        report[Raw.PillMg + j] += market.SoldMg * pillShare;
        report[Raw.DeathsWithNitazene + j] += deaths * scale * rules.Hazard.NitazeneDeathShare;
        report[Raw.NitazeneDoses + j] += nitazeneShare * market.DosesServed;
        report[Raw.DeathsWithStimulant + j] += deathsStim * scale;
        report[Raw.SuppliedMg + j] += market.SoldMg;
        report[Raw.RevenueUsd + j] += market.RevenueUsd;
        report[Raw.DosesServed + j] += market.DosesServed;
        report[Raw.DosesDemanded + j] += demandDoses;
        report[Raw.PotencyMgTimesDoses + j] += market.PotencyMg * market.DosesServed;
        for (var s = 0; s < _counts.Length; s++) report[Raw.PeopleSlot(j, (PersonState)s)] += _counts[s] * scale;
        _xylazine = NextXylazineShare(ctx.Signals);
    }

    /// <summary>
    /// Next month's share of doses cut with xylazine: dealers copy dealers who cut, in their own market and,
    /// more weakly, in the country's other regions (logistic spread, L490); scheduling xylazine in the market
    /// or at the chemical exporters (weighted by their share of chemical capacity, L265) deters new cutting and
    /// makes the practice recede.
    /// </summary>
    internal double NextXylazineShare(Signals signals)
    {
        if (_xylazineSubstance < 0) return _xylazine;
        var national = 0.0;
        foreach (var (k, w) in _neighbours) national += w * signals.XylazineShare(k);
        var scheduledAbroad = 0.0;
        foreach (var (k, w) in _exporters) if (signals.Scheduled(k, _xylazineSubstance)) scheduledAbroad += w;
        var d = P.XylazineScheduleDeterrence;
        var deterrence = 1 - (1 - (signals.Scheduled(Info.Jurisdiction, _xylazineSubstance) ? d : 0)) * (1 - d * scheduledAbroad);
        var x = _xylazine;
        var adoption = (P.XylazineImitation * x + P.XylazineSpillover * national) * (1 - x) * (1 - deterrence);
        return Math.Clamp(x + adoption - deterrence * P.XylazineImitation * x, 0, 1);
    }

    /// <summary>Dealers pay each consignment at wholesale on arrival, through the launderer its lab chose.</summary>
    private void PayProceeds(ReadOnlySpan<Message> inbox, in RetailMarket.Result market, Outbox outbox, double[] report)
    {
        var usdPerMg = P.WholesaleShare * P.PricePerDoseUsd / (market.PotencyMg > 0 ? market.PotencyMg : P.ReferencePotencyMg);
        foreach (ref readonly var msg in inbox)
        {
            if (msg.Kind is not (MessageKind.Drug or MessageKind.Pills) || msg.Aux < 0) continue;
            var usd = msg.Kg * Spec.Substances[msg.Substance].Potency * 1e6 * usdPerMg;
            outbox.Emit(new Message(MessageKind.Proceeds, Info.FirstAgent, msg.Aux, -1, msg.From, 0, usd));
            report[Raw.InflowUsd] += usd;
            report[Raw.InFlightUsd] += usd;
        }
    }

    /// <summary>This tick's inputs of the person rules (shared with the object-per-agent reference).</summary>
    internal PersonRules Rules(in StepContext ctx, in RetailMarket.Result market, double pillShare = 0, double nitazeneShare = 0)
    {
        var j = Info.Jurisdiction;
        var signals = ctx.Signals;
        var hazard = new OverdoseHazard(P, market.PotencyMg, market.ServedShare, signals.LeverValue(Lever.NaloxoneCoverage, j), _xylazine, nitazeneShare);
        var tickKey = CounterRng.Bits(_personStream, ctx.Tick);
        var places = (long)Math.Round(signals.LeverValue(Lever.TreatmentCapacity, j) * Info.Count);
        var freePlaces = places - _counts[(int)PersonState.Moud];
        // Counterfeit pills reach people who would not use powder (L2184).
        var initiation = P.InitiationRate * market.ServedShare * signals.LeverValue(Lever.InitiationMultiplier, j) * (1 + P.PillInitiationUplift * pillShare);
        var stimulantUptake = P.StimulantUptakeRate * market.ServedShare;
        // Easier access (more prescribers, no wrong door) raises the monthly entry of people with OUD into treatment.
        var access = signals.LeverValue(Lever.TreatmentAccess, j);
        var rules = access == 1 ? P : P with { TreatmentEntryRate = Math.Min(1, P.TreatmentEntryRate * access) };
        return new PersonRules(tickKey, Info.FirstInGroup, hazard, initiation, stimulantUptake, freePlaces, rules);
    }

    /// <summary>State and trait bytes (for the reference implementation and tests).</summary>
    internal ReadOnlySpan<byte> States => _state;
    internal ReadOnlySpan<byte> Traits => _traits;
}
