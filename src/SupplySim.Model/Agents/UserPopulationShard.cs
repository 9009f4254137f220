using SupplySim.Model.Metrics;
using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Randomness;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// People of one region (<see cref="Agents.People"/>: a structure of arrays, one byte of state and one of traits per person), and
/// the region's retail market (<see cref="DealerStock"/>): drug arriving from labs is cut into doses (<see cref="RetailMarket"/>), and
/// each person moves between no use, use, OUD, MOUD and remission, or dies of overdose with a hazard that
/// rises with potency (<see cref="OverdoseHazard"/>). Treatment entry is limited by MOUD places (L1808).
/// Dealers' practice of cutting with xylazine (<see cref="Cutting"/>) spreads by imitation, locally and from the country's other
/// regions, and recedes where xylazine is scheduled (L265, L490); counterfeit pills from the labs' presses
/// are part of the stock and draw new people into use (L2184).
/// A closed market (<c>supplied-by: outside</c>, China's) gets no drug from the model's labs, only an outside
/// supply; where the population keeps a register (<see cref="Agents.Register"/>), the police identify people who use
/// drugs and the register counts them until three years without use (L807, L1504, L1512, L1672), and people
/// turn to NPS when the traditional drugs grow scarce (L1538-L1540).
/// Where a stimulant is traded (<see cref="Stimulants.Traded"/>), a market of the labs (<see cref="StimulantStock"/>) keeps the stimulant they ship apart
/// from its opioid stock and clears it for the people who co-use stimulants (<see cref="RetailMarket.ClearStimulant"/>);
/// its served share then drives stimulant uptake and the co-users' extra hazard (L2054, L2176-L2180).
/// </summary>
public sealed class UserPopulationShard : Shard
{
    private readonly People _people;
    private readonly DealerStock _stock;
    private readonly Cutting _cutting;
    private readonly StimulantStock _stimulants;
    private readonly Register _register;
    [FixedByLayout] private readonly PopulationSpec _pop;
    [FixedByLayout] private readonly bool[] _isStimulant; // per substance: role stimulant
    [FixedByLayout] private readonly bool _stimulantMarket; // a stimulant is traded and the labs sell here
    [FixedByLayout] private readonly int _marketIndex; // this shard's row in Layout.MarketShards (what its people saw, HeldMarket)

    public UserPopulationShard(Layout layout, ShardInfo info) : base(layout, info)
    {
        _pop = Spec.Populations[info.Group];
        _cutting = new Cutting(layout, info, _pop);
        _stock = new DealerStock(Spec);
        _stimulants = new StimulantStock();
        _people = new People(_pop, info, Seed, countCoUsers: Stimulants.InCatalogue(Spec));
        _register = new Register(_pop, info, Seed, _people);
        _isStimulant = Array.ConvertAll(Spec.Substances, s => s.Role == SubstanceRole.Stimulant);
        _stimulantMarket = _pop.SuppliedByLabs && Stimulants.Traded(Spec);
        _people.CountCoUsers();
        _marketIndex = Array.IndexOf(layout.MarketShards, info);
        if (Spec.HeldMarket is { } held && (held.Shards != layout.MarketShards.Length || held.Ticks < Spec.Ticks))
            throw new InvalidDataException($"the held market has {held.Shards} market shards and {held.Ticks} ticks; this run has {layout.MarketShards.Length} and {Spec.Ticks}");
    }

    protected internal override IShardPart[] Parts => [_people, _stock, _cutting, _stimulants, _register];

    /// <summary>
    /// The month (docs/architecture.md#the-tick): receive the labs' consignments, clear the opioid and stimulant markets, pay the
    /// labs, step the people, keep the register, report, and move the dealers' cutting on.
    /// </summary>
    public override void Step(in StepContext ctx, ReadOnlySpan<Message> inbox, Outbox outbox, ShardReport report)
    {
        var pressure = ctx.Signals.Pressure[Info.Jurisdiction, Stage.Retail];
        Receive(inbox);
        var demand = Demand(ctx);
        var sale = _stock.SeizeAndSell(P, pressure, demand, _pop.SuppliedByLabs, Info.Jurisdiction, report);
        var stimulant = _stimulantMarket
            ? _stimulants.SeizeAndSell(P, pressure, _register.LessNps(_people.StimulantDemandDoses(P, _pop.Represents)), Info.Jurisdiction, report)
            : default;
        PayProceeds(inbox, sale.Market, stimulant, outbox, report);
        var seen = Seen(ctx, sale, _stimulantMarket ? stimulant.ServedShare : MarketSeen.NoStimulantMarket);
        seen.Write(report.MarketSeen.Row(_marketIndex));
        var rules = RulesFor(ctx, seen);
        // In the spin-up the market clears for the people of the start month, who neither move nor die (docs/model.md#spin-up).
        var (deaths, deathsStim) = ctx.SpinUp ? (0L, 0L) : _people.Step(rules);
        if (_pop.TracksRegistry && !ctx.SpinUp) Register.Report(_register.Pass(ctx, P, sale.Market, _people), _pop.Represents, Info.Jurisdiction, report);
        Report(report, sale, demand, rules.Hazard, deaths, deathsStim);
        if (!ctx.SpinUp) _cutting.Advance(ctx.Signals, P);
    }

    /// <summary>Consignments from the labs join the dealers' opioid stock, or the stimulant stock apart.</summary>
    private void Receive(ReadOnlySpan<Message> inbox)
    {
        foreach (ref readonly var msg in inbox)
        {
            if (msg.Kind is not (MessageKind.Drug or MessageKind.Pills)) continue;
            if (_isStimulant[msg.Substance]) _stimulants.Receive(msg.Kg);
            else _stock.Receive(Spec, P, msg.Substance, msg.Kg, msg.Kind == MessageKind.Pills);
        }
    }

    /// <summary>This month's opioid demand in doses, less the NPS buyers'; a closed market's outside supply follows it.</summary>
    private double Demand(in StepContext ctx)
    {
        var demand = _register.LessNps(_people.DemandDoses(P, _pop.Represents));
        if (_pop.OutsideSupplyKgPerMonth > 0)
            _stock.SupplyFromOutside(P, _pop.OutsideSupplyKgPerMonth, demand, ctx.Signals.LeverValue(Lever.OutsideSupply, Info.Jurisdiction));
        return demand;
    }

    /// <summary>Books the month's people, deaths and sales, scaled to the people each simulated person represents.</summary>
    private void Report(ShardReport report, in DealerStock.Sale sale, double demandDoses, in OverdoseHazard hazard, long deaths, long deathsStim)
    {
        var j = Info.Jurisdiction;
        var scale = _pop.Represents;
        var market = sale.Market;
        if (_people.CountsCoUsers) report.StimulantCoUsers[j] += _people.CoUserCount * scale;
        report.Deaths[j] += deaths * scale;
        report.DeathsWithXylazine[j] += deaths * scale * hazard.XylazineDeathShare;
        report.XylazineDoses[j] += _cutting.XylazineShare * market.DosesServed;
        report.PillMg[j] += market.SoldMg * sale.PillShare;
        report.DeathsWithNitazene[j] += deaths * scale * hazard.NitazeneDeathShare;
        for (var k = 0; k < 4; k++)
        {
            var share = hazard.CombinationShare(k);
            report.DeathsByCombination[j, ShardReport.Combination(false, k)] += (deaths - deathsStim) * scale * share;
            report.DeathsByCombination[j, ShardReport.Combination(true, k)] += deathsStim * scale * share;
        }
        report.NitazeneDoses[j] += sale.NitazeneShare * market.DosesServed;
        report.DeathsWithStimulant[j] += deathsStim * scale;
        report.SuppliedMg[j] += market.SoldMg;
        report.RevenueUsd[j] += market.RevenueUsd;
        report.DosesServed[j] += market.DosesServed;
        report.DosesDemanded[j] += demandDoses;
        report.PotencyMgTimesDoses[j] += market.PotencyMg * market.DosesServed;
        report.PotencySqMgTimesDoses[j] += market.PotencyMg * market.PotencyMg * sale.Spread.SecondMoment * market.DosesServed;
        for (var s = 0; s < _people.Counts.Length; s++) report.People[j, s] += _people.Counts[s] * scale;
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

    /// <summary>
    /// What this month's people see of the market: their own market's clearing, or in a "market held" run (a reported tick of a spec
    /// with <see cref="WorldSpec.HeldMarket"/>) what the baseline run's people saw (docs/experiments.md#direct-and-market-effects).
    /// </summary>
    private MarketSeen Seen(in StepContext ctx, in DealerStock.Sale sale, double stimulantServed)
        => Spec.HeldMarket is { } held && ctx.Tick >= 0
            ? held.At(ctx.Tick, _marketIndex)
            : new MarketSeen(sale.Market.PotencyMg, sale.Market.ServedShare, sale.PillShare, sale.NitazeneShare, sale.Spread.Hazard, stimulantServed, _cutting.XylazineShare);

    /// <summary>This tick's person rules from what the people see of the market.</summary>
    private PersonRules RulesFor(in StepContext ctx, in MarketSeen m)
        => Rules(ctx, new RetailMarket.Result(0, m.PotencyMg, 0, m.ServedShare, 0), m.PillShare, m.NitazeneShare, m.SpreadHazard, m.StimulantServedOrNull, m.XylazineShare);

    /// <summary>This tick's inputs of the person rules (shared with the object-per-agent reference). <c>stimulantServed</c> is the
    /// stimulant market's served share where one is traded (it then drives uptake and the co-users' extra hazard instead of the
    /// opioid market's served share); null elsewhere.</summary>
    internal PersonRules Rules(in StepContext ctx, in RetailMarket.Result market, double pillShare = 0, double nitazeneShare = 0, double potencySpread = 1, double? stimulantServed = null, double? xylazineShare = null)
    {
        var j = Info.Jurisdiction;
        var signals = ctx.Signals;
        // People who check their drugs use more safely when they find fentanyl (L1895): the hazard falls by coverage × effect.
        var checking = 1 - signals.LeverValue(Lever.DrugChecking, j) * P.DrugCheckingHazardReduction;
        var hazard = new OverdoseHazard(P, market.PotencyMg, market.ServedShare * _pop.OverdoseHazardScale * checking, signals.LeverValue(Lever.NaloxoneCoverage, j), xylazineShare ?? _cutting.XylazineShare, nitazeneShare, potencySpread, stimulantServed);
        var tickKey = _people.TickKey(ctx.Tick);
        var places = (long)Math.Round(signals.LeverValue(Lever.TreatmentCapacity, j) * Info.Count);
        var freePlaces = places - _people[PersonState.Moud];
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

    /// <summary>State and trait bytes (for the reference implementation and benchmarks).</summary>
    internal ReadOnlySpan<byte> States => _people.State;
    internal ReadOnlySpan<byte> Traits => _people.Traits;
}
