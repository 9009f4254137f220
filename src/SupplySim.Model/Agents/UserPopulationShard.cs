using SupplySim.Model.Metrics;
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
/// A closed market (<c>supplied-by: outside</c>, China's) gets no drug from the model's labs, only an outside
/// supply; where the population keeps a register (<see cref="Registry"/>), the police identify people who use
/// drugs and the register counts them until three years without use (L807, L1504, L1512, L1672), and people
/// turn to NPS when the traditional drugs grow scarce (L1538-L1540).
/// Where a stimulant is traded (<see cref="Stimulants.Traded"/>), a market of the labs keeps the stimulant they ship apart
/// from its opioid stock and clears it for the people who co-use stimulants (<see cref="RetailMarket.ClearStimulant"/>);
/// its served share then drives stimulant uptake and the co-users' extra hazard (L2054, L2176-L2180).
/// </summary>
public sealed class UserPopulationShard : Shard
{
    private const byte StimulantFlag = 1;
    internal const byte RegisteredFlag = 2;
    internal const byte NpsFlag = 4;

    private readonly byte[] _state;
    private readonly byte[] _traits;
    private readonly long[] _counts = new long[EnumNames.LivingStateCount + 1];
    private readonly PopulationSpec _pop;
    private readonly ulong _personStream;
    private double _inventoryKg; // pure fentanyl-equivalent kg held by retail dealers
    private double _pillKg;      // of which pressed into counterfeit pills
    private double _nitazeneKg;  // of which nitazenes, on which naloxone works less well
    private double _massKg;      // the same stock as mass of its opioids (Σm), and Σm·p², Σm·p^κ over its lots (PotencySpread)
    private double _massPotSq;
    private double _massPotK;
    private readonly bool[] _nitazene; // per substance: of class nitazene-related
    private double _xylazine;    // share of doses dealers cut with xylazine
    private readonly int _xylazineSubstance; // -1 when the catalogue has no adulterant
    private readonly (int Jurisdiction, double Weight)[] _exporters; // chemical-exporting jurisdictions by capacity share
    private readonly (int Jurisdiction, double Weight)[] _neighbours; // the country's other regions by population
    private readonly byte[] _clean;   // registry: months since a registered person last used (capped at 255); empty without a registry
    private double _npsBuyers;        // share of last month's buyers (use, OUD, MOUD) on NPS, who buy nothing here
    private double _scarcityRef;      // scarcity of the first month with sales (NaN before): the NPS reference
    private double _demandRef = double.NaN; // doses demanded in the first month: the outside supply follows demand against it
    private double _stimulantKg;      // pure stimulant kg held by retail dealers (a stimulant market only)
    private readonly long[] _coUsers = new long[3]; // people co-using stimulants in use, OUD, MOUD after last month's step (catalogue with a stimulant)
    private readonly bool[] _isStimulant; // per substance: role stimulant
    private readonly bool _stimulantMarket; // a stimulant is traded and the labs sell here
    private readonly bool _countCoUsers; // the catalogue has a stimulant: co-users are counted

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
        _clean = _pop.TracksRegistry ? new byte[info.Count] : [];
        _scarcityRef = double.NaN;
        if (_pop.TracksRegistry) InitRegistry(info);
        _isStimulant = Array.ConvertAll(Spec.Substances, s => s.Role == SubstanceRole.Stimulant);
        _stimulantMarket = _pop.SuppliedByLabs && Stimulants.Traded(Spec);
        _countCoUsers = Stimulants.InCatalogue(Spec);
        if (_countCoUsers) CountCoUsers();
    }

    /// <summary>Counts the people in use, OUD and MOUD who co-use stimulants (one pass; only where the catalogue has a stimulant).</summary>
    private void CountCoUsers()
    {
        long use = 0, oud = 0, moud = 0;
        for (var i = 0; i < _state.Length; i++)
        {
            if ((_traits[i] & StimulantFlag) == 0) continue;
            switch ((PersonState)_state[i])
            {
                case PersonState.Use: use++; break;
                case PersonState.Oud: oud++; break;
                case PersonState.Moud: moud++; break;
            }
        }
        _coUsers[0] = use;
        _coUsers[1] = oud;
        _coUsers[2] = moud;
    }

    /// <summary>
    /// Registry at the start: everyone in treatment, and a share <c>initial-registered-share</c> of people using drugs and of those in
    /// remission is registered (those in remission with 0 to twice <c>register-clean-months</c> months without
    /// use, uniformly, so about half have already left the count); <c>nps-share</c> of people using are on NPS.
    /// </summary>
    private void InitRegistry(ShardInfo info)
    {
        var key = CounterRng.TickKey(Seed, CounterRng.Stream.PersonRegistryInit, info.Group, 0);
        var span = 2 * _pop.RegisterCleanMonths;
        long users = 0, nps = 0;
        for (var i = 0; i < _state.Length; i++)
        {
            var person = info.FirstInGroup + i;
            var s = (PersonState)_state[i];
            var using_ = s is PersonState.Use or PersonState.Oud or PersonState.Moud;
            if (!using_ && s != PersonState.Remission) continue;
            // People in treatment are known to the state (L1572); others are registered at the starting share.
            if (s == PersonState.Moud || CounterRng.UniformAt(key, 3 * person) < _pop.InitialRegisteredShare)
            {
                _traits[i] |= RegisteredFlag;
                if (!using_) _clean[i] = (byte)Math.Min(255, (int)(CounterRng.UniformAt(key, 3 * person + 1) * span));
            }
            if (!using_) continue;
            users++;
            if (CounterRng.UniformAt(key, 3 * person + 2) < _pop.NpsShare) { _traits[i] |= NpsFlag; nps++; }
        }
        _npsBuyers = users > 0 ? (double)nps / users : 0;
    }

    internal static readonly CheckpointFields Checkpoint = new(
        [nameof(_state), nameof(_traits), nameof(_counts), nameof(_inventoryKg), nameof(_pillKg), nameof(_xylazine), nameof(_nitazeneKg), nameof(_massKg), nameof(_massPotSq), nameof(_massPotK), nameof(_clean), nameof(_npsBuyers), nameof(_scarcityRef), nameof(_demandRef), nameof(_stimulantKg), nameof(_coUsers)],
        [nameof(_pop), nameof(_personStream), nameof(_xylazineSubstance), nameof(_nitazene), nameof(_exporters), nameof(_neighbours), nameof(_isStimulant), nameof(_stimulantMarket), nameof(_countCoUsers)]);

    public override void Save(BinaryWriter w)
    {
        w.WriteArray(_state);
        w.WriteArray(_traits);
        w.WriteArray(_counts);
        w.Write(_inventoryKg);
        w.Write(_pillKg);
        w.Write(_xylazine);
        w.Write(_nitazeneKg);
        w.Write(_massKg);
        w.Write(_massPotSq);
        w.Write(_massPotK);
        w.WriteArray(_clean);
        w.Write(_npsBuyers);
        w.Write(_scarcityRef);
        w.Write(_demandRef);
        w.Write(_stimulantKg);
        w.WriteArray(_coUsers);
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
        _massKg = r.ReadDouble();
        _massPotSq = r.ReadDouble();
        _massPotK = r.ReadDouble();
        r.ReadArrayInto(_clean);
        _npsBuyers = r.ReadDouble();
        _scarcityRef = r.ReadDouble();
        _demandRef = r.ReadDouble();
        _stimulantKg = r.ReadDouble();
        r.ReadArrayInto(_coUsers);
    }

    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, ShardReport report)
    {
        var j = Info.Jurisdiction;
        var scale = _pop.Represents;

        foreach (ref readonly var msg in inbox)
        {
            if (msg.Kind is not (MessageKind.Drug or MessageKind.Pills)) continue;
            if (_isStimulant[msg.Substance])
            {
                _stimulantKg += msg.Kg; // never opioid stock: no fentanyl-equivalent, no lot of the potency spread
                continue;
            }
            var potency = Spec.Substances[msg.Substance].Potency;
            var kg = msg.Kg * potency;
            _inventoryKg += kg;
            AddLot(msg.Kg, potency);
            if (msg.Kind == MessageKind.Pills) _pillKg += kg;
            if (_nitazene[msg.Substance]) _nitazeneKg += kg;
        }
        var demandDoses = scale * (_counts[(int)PersonState.Use] * P.DosesPerMonthUse
            + _counts[(int)PersonState.Oud] * P.DosesPerMonthOud
            + _counts[(int)PersonState.Moud] * P.MoudBuyingShare * P.DosesPerMonthOud);
        if (_npsBuyers > 0) demandDoses *= 1 - _npsBuyers; // people on NPS buy none of this market's drugs
        if (_pop.OutsideSupplyKgPerMonth > 0)
        {
            // Suppliers from abroad deliver in proportion to the market's demand against the first month's (a market
            // that shrinks gets less); the lever carries shocks to that trade (L1532).
            if (double.IsNaN(_demandRef)) _demandRef = demandDoses;
            var follow = _demandRef > 0 ? demandDoses / _demandRef : 1;
            var outside = _pop.OutsideSupplyKgPerMonth * follow * ctx.Signals.LeverValue(Lever.OutsideSupply, j);
            _inventoryKg += outside;
            AddLot(outside, 1);
        }
        var pillShare = _inventoryKg > 0 ? Math.Clamp(_pillKg / _inventoryKg, 0, 1) : 0;
        var nitazeneShare = _inventoryKg > 0 ? Math.Clamp(_nitazeneKg / _inventoryKg, 0, 1) : 0;
        var spread = PotencySpread.Of(P, _massKg, _inventoryKg, _massPotSq, _massPotK, pillShare);
        var before = _inventoryKg;
        var seized = _inventoryKg * P.RetailSeizureShare * ctx.Signals.Pressure[j, Stage.Retail];
        _inventoryKg -= seized;
        // A closed market's drugs are not the labs' opioids: their seizures are counted apart.
        (_pop.SuppliedByLabs ? ref report.SeizedDrugKg[Stage.Retail] : ref report.OutsideSeizedKg[j]) += seized;
        if (_pop.SuppliedByLabs) report.SeizedValue[j, Stage.Retail] += seized; // fentanyl-equivalent kg only
        var market = RetailMarket.Clear(_inventoryKg * 1e6, demandDoses, P);
        _inventoryKg -= market.SoldMg / 1e6;
        _pillKg = _inventoryKg * pillShare; // pills and powder are seized and sold alike
        _nitazeneKg = _inventoryKg * nitazeneShare; // and so are nitazenes and fentanyl
        var left = before > 0 ? _inventoryKg / before : 0; // and every lot alike
        _massKg *= left;
        _massPotSq *= left;
        _massPotK *= left;

        var stimulant = _stimulantMarket ? ClearStimulant(ctx, report) : default;
        PayProceeds(inbox, market, stimulant, outbox, report);
        var rules = Rules(ctx, market, pillShare, nitazeneShare, spread.Hazard, _stimulantMarket ? stimulant.ServedShare : null);
        var (deaths, deathsStim) = PersonStepKernel.Step(_state, _traits, rules, _counts);
        if (_countCoUsers)
        {
            CountCoUsers();
            report.StimulantCoUsers[j] += (_coUsers[0] + _coUsers[1] + _coUsers[2]) * scale;
        }

        report.Deaths[j] += deaths * scale;
        report.DeathsWithXylazine[j] += deaths * scale * rules.Hazard.XylazineDeathShare;
        report.XylazineDoses[j] += _xylazine * market.DosesServed;
        report.PillMg[j] += market.SoldMg * pillShare;
        report.DeathsWithNitazene[j] += deaths * scale * rules.Hazard.NitazeneDeathShare;
        for (var k = 0; k < 4; k++)
        {
            var share = rules.Hazard.CombinationShare(k);
            report.DeathsByCombination[j, ShardReport.Combination(false, k)] += (deaths - deathsStim) * scale * share;
            report.DeathsByCombination[j, ShardReport.Combination(true, k)] += deathsStim * scale * share;
        }
        report.NitazeneDoses[j] += nitazeneShare * market.DosesServed;
        report.DeathsWithStimulant[j] += deathsStim * scale;
        report.SuppliedMg[j] += market.SoldMg;
        report.RevenueUsd[j] += market.RevenueUsd;
        report.DosesServed[j] += market.DosesServed;
        report.DosesDemanded[j] += demandDoses;
        report.PotencyMgTimesDoses[j] += market.PotencyMg * market.DosesServed;
        report.PotencySqMgTimesDoses[j] += market.PotencyMg * market.PotencyMg * spread.SecondMoment * market.DosesServed;
        if (_pop.TracksRegistry)
        {
            var reg = Registry(ctx, market);
            report.RegisteredUsers[j] += reg.Registered * scale;
            report.HiddenUsers[j] += reg.Hidden * scale;
            report.NewlyRegistered[j] += reg.Newly * scale;
            report.NpsUsers[j] += reg.Nps * scale;
        }
        for (var s = 0; s < _counts.Length; s++) report.People[j, s] += _counts[s] * scale;
        _xylazine = NextXylazineShare(ctx.Signals);
    }

    /// <summary>
    /// The stimulant market (<see cref="RetailMarket.ClearStimulant"/>): demand is the co-users' doses (use and OUD, and MOUD times
    /// <c>moud-buying-share</c>, as counted after last month's step) times <c>stimulant-doses-per-month</c>, less the NPS buyers' share;
    /// dealers' stimulant stock is seized at the retail share and pressure like the opioid stock.
    /// </summary>
    private RetailMarket.Result ClearStimulant(in StepContext ctx, ShardReport report)
    {
        var j = Info.Jurisdiction;
        var demand = _pop.Represents * P.StimulantDosesPerMonth * (_coUsers[0] + _coUsers[1] + _coUsers[2] * P.MoudBuyingShare);
        if (_npsBuyers > 0) demand *= 1 - _npsBuyers;
        var seized = _stimulantKg * P.RetailSeizureShare * ctx.Signals.Pressure[j, Stage.Retail];
        _stimulantKg -= seized;
        report.StimulantSeizedKg[Stage.Retail] += seized;
        var market = RetailMarket.ClearStimulant(_stimulantKg * 1e6, demand, P);
        _stimulantKg -= market.SoldMg / 1e6;
        report.StimulantSuppliedMg[j] += market.SoldMg;
        report.StimulantRevenueUsd[j] += market.RevenueUsd;
        report.StimulantDosesServed[j] += market.DosesServed;
        report.StimulantDosesDemanded[j] += demand;
        return market;
    }

    /// <summary>Counts of one month's registry pass (simulated people).</summary>
    internal readonly record struct RegistryCounts(long Registered, long Hidden, long Newly, long Nps);

    /// <summary>
    /// China's register of people who use drugs (after the month's transitions), one pass over the people:
    /// <list type="bullet">
    /// <item>a person using (use or OUD) who is not registered is identified with probability
    /// <c>registration-rate</c> × the jurisdiction's retail detection pressure (police drug tests and
    /// investigations of people who use drugs, Table 1 at L867-L887); a person entering treatment (MOUD:
    /// methadone clinics and rehabilitation, L1572) is registered on entry;</item>
    /// <item>a registered person in <c>use</c> stops (to <c>no-use</c>) with the further probability
    /// <c>registered-cessation-rate</c>: community rehabilitation and drug tests, with compulsory isolation on
    /// relapse (L847, L1572);</item>
    /// <item>a registered person counts as a registered user while using, and for <c>register-clean-months</c>
    /// months after last use (the counting basis since 2015, L1512); a relapse puts them back in the count;</item>
    /// <item>people using who are not registered are the hidden population (L1672);</item>
    /// <item>a person using turns to NPS with probability <c>nps-substitution</c> × (scarcity / first month's − 1),
    /// where scarcity is price per mg over the share of demand served (dearer or harder to buy, L1532-L1538), and
    /// back with the same rate when scarcity falls below the first month's; listings (the <c>NpsControl</c> lever,
    /// eroded by new substances) cut the turn to NPS by the controlled share and send NPS users back at
    /// control × <c>nps-control-deterrence</c> a month (L534, L1540, L2470).</item>
    /// </list>
    /// Draws come from their own stream, so the person transitions are those of a population without a registry.
    /// </summary>
    internal RegistryCounts Registry(in StepContext ctx, in RetailMarket.Result market)
    {
        var key = CounterRng.TickKey(Seed, CounterRng.Stream.PersonRegistry, Info.Group, ctx.Tick);
        var pReg = Math.Min(1, _pop.RegistrationRate * ctx.Signals.Pressure[Info.Jurisdiction, Stage.Retail]);
        var served = market.ServedShare;
        var scarcity = market.SoldMg > 0 && served > 0 ? market.RevenueUsd / market.SoldMg / served : double.NaN;
        if (double.IsNaN(_scarcityRef) && !double.IsNaN(scarcity)) _scarcityRef = scarcity;
        var rel = double.IsNaN(scarcity) ? 1 : scarcity / _scarcityRef;
        // Listed NPS (the controlled share of the NPS market) are not taken up, and their users go back (L1540).
        var control = ctx.Signals.LeverValue(Lever.NpsControl, Info.Jurisdiction);
        double toNps = _pop.NpsSubstitution * Math.Max(0, rel - 1) * (1 - control);
        double fromNps = Math.Min(1, _pop.NpsSubstitution * Math.Max(0, 1 - rel) + control * P.NpsControlDeterrence);
        var limit = _pop.RegisterCleanMonths;
        long registered = 0, hidden = 0, newly = 0, nps = 0, buyers = 0;
        for (var i = 0; i < _state.Length; i++)
        {
            var s = (PersonState)_state[i];
            if (s == PersonState.Dead) continue;
            var t = _traits[i];
            var person = Info.FirstInGroup + i;
            var active = s is PersonState.Use or PersonState.Oud;
            if (active || s == PersonState.Moud)
            {
                _clean[i] = 0;
                if ((t & RegisteredFlag) == 0)
                {
                    if (s == PersonState.Moud || CounterRng.UniformAt(key, 3 * person) < pReg)
                    {
                        t |= RegisteredFlag;
                        newly++;
                    }
                }
                else if (s == PersonState.Use && CounterRng.UniformAt(key, 3 * person) < _pop.RegisteredCessationRate)
                {
                    // Supervised: stops this month (the draw that registers the unregistered, so no person uses it twice).
                    _state[i] = (byte)PersonState.NoUse;
                    _counts[(int)PersonState.Use]--;
                    _counts[(int)PersonState.NoUse]++;
                    _clean[i] = 1;
                    _traits[i] = t;
                    if (limit > 1) registered++;
                    continue;
                }
                var u = CounterRng.UniformAt(key, 3 * person + 1);
                if ((t & NpsFlag) == 0 ? u < toNps : u < fromNps) t ^= NpsFlag;
                buyers++;
                if ((t & NpsFlag) != 0) nps++;
                if ((t & RegisteredFlag) == 0) hidden++;
                _traits[i] = t;
            }
            else if ((t & RegisteredFlag) != 0 && _clean[i] < 255) _clean[i]++;
            if ((t & RegisteredFlag) != 0 && _clean[i] < limit) registered++;
        }
        _npsBuyers = buyers > 0 ? (double)nps / buyers : 0;
        return new RegistryCounts(registered, hidden, newly, nps);
    }

    /// <summary>
    /// Next month's share of doses cut with xylazine: dealers copy dealers who cut, in their own market and,
    /// more weakly, in the country's other regions (logistic spread, L490); scheduling xylazine in the market
    /// or at the chemical exporters (weighted by their share of chemical capacity, L265) deters new cutting and
    /// makes the practice recede.
    /// </summary>
    internal double NextXylazineShare(TickSignals signals)
    {
        if (_xylazineSubstance < 0) return _xylazine;
        var national = 0.0;
        foreach (var (k, w) in _neighbours) national += w * signals.XylazineShare[k];
        var scheduledAbroad = 0.0;
        foreach (var (k, w) in _exporters) if (signals.Scheduled(k, _xylazineSubstance)) scheduledAbroad += w;
        var d = P.XylazineScheduleDeterrence;
        var deterrence = 1 - (1 - (signals.Scheduled(Info.Jurisdiction, _xylazineSubstance) ? d : 0)) * (1 - d * scheduledAbroad);
        var x = _xylazine;
        var adoption = (P.XylazineImitation * x + P.XylazineSpillover * national) * (1 - x) * (1 - deterrence);
        return Math.Clamp(x + adoption - deterrence * P.XylazineImitation * x, 0, 1);
    }

    /// <summary>Dealers pay each consignment at wholesale on arrival, through the launderer its lab chose.</summary>
    private void PayProceeds(ReadOnlySpan<Message> inbox, in RetailMarket.Result market, in RetailMarket.Result stimulant, Outbox outbox, ShardReport report)
    {
        var usdPerMg = P.WholesaleShare * P.PricePerDoseUsd / (market.PotencyMg > 0 ? market.PotencyMg : P.ReferencePotencyMg);
        var stimulantUsdPerMg = P.WholesaleShare * P.StimulantPricePerDoseUsd / (stimulant.PotencyMg > 0 ? stimulant.PotencyMg : P.StimulantPotencyMg);
        foreach (ref readonly var msg in inbox)
        {
            if (msg.Kind is not (MessageKind.Drug or MessageKind.Pills) || msg.Aux < 0) continue;
            var usd = _isStimulant[msg.Substance] ? msg.Kg * 1e6 * stimulantUsdPerMg : msg.Kg * Spec.Substances[msg.Substance].Potency * 1e6 * usdPerMg;
            outbox.Emit(new Message(MessageKind.Proceeds, Info.FirstAgent, msg.Aux, -1, msg.From, 0, usd));
            report.InflowUsd += usd;
            report.InFlightUsd += usd;
        }
    }

    /// <summary>This tick's inputs of the person rules (shared with the object-per-agent reference). <c>stimulantServed</c> is the
    /// stimulant market's served share where one is traded (it then drives uptake and the co-users' extra hazard instead of the
    /// opioid market's served share); null elsewhere.</summary>
    internal PersonRules Rules(in StepContext ctx, in RetailMarket.Result market, double pillShare = 0, double nitazeneShare = 0, double potencySpread = 1, double? stimulantServed = null)
    {
        var j = Info.Jurisdiction;
        var signals = ctx.Signals;
        // People who check their drugs use more safely when they find fentanyl (L1895): the hazard falls by coverage × effect.
        var checking = 1 - signals.LeverValue(Lever.DrugChecking, j) * P.DrugCheckingHazardReduction;
        var hazard = new OverdoseHazard(P, market.PotencyMg, market.ServedShare * _pop.OverdoseHazardScale * checking, signals.LeverValue(Lever.NaloxoneCoverage, j), _xylazine, nitazeneShare, potencySpread, stimulantServed);
        var tickKey = CounterRng.Bits(_personStream, ctx.Tick);
        var places = (long)Math.Round(signals.LeverValue(Lever.TreatmentCapacity, j) * Info.Count);
        var freePlaces = places - _counts[(int)PersonState.Moud];
        // Counterfeit pills reach people who would not use powder (L2184).
        var initiation = (_pop.InitiationRate ?? P.InitiationRate) * market.ServedShare * signals.LeverValue(Lever.InitiationMultiplier, j) * (1 + P.PillInitiationUplift * pillShare);
        // Cheap, abundant methamphetamine spreads co-use (L2176-L2180): where it is traded, uptake follows its own market.
        var stimulantUptake = P.StimulantUptakeRate * (stimulantServed ?? market.ServedShare);
        // Easier access (more prescribers, no wrong door) raises the monthly entry of people with OUD into treatment.
        var access = signals.LeverValue(Lever.TreatmentAccess, j);
        var rules = access == 1 ? P : P with { TreatmentEntryRate = Math.Min(1, P.TreatmentEntryRate * access) };
        if (_pop.CessationRate is { } cessation) rules = rules with { CessationRate = cessation };
        if (_pop.ProgressionRate is { } progression) rules = rules with { ProgressionRate = progression };
        return new PersonRules(tickKey, Info.FirstInGroup, hazard, initiation, stimulantUptake, freePlaces, rules);
    }

    /// <summary>A lot of <paramref name="kg"/> of an opioid of potency <paramref name="potency"/> joins the stock's moments.</summary>
    private void AddLot(double kg, double potency)
    {
        _massKg += kg;
        _massPotSq += kg * potency * potency;
        _massPotK += kg * Math.Pow(potency, P.DoseSurpriseExponent);
    }

    /// <summary>State and trait bytes (for the reference implementation and tests).</summary>
    internal ReadOnlySpan<byte> States => _state;
    internal ReadOnlySpan<byte> Traits => _traits;
}
