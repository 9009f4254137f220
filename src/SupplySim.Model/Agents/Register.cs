using SupplySim.Model.Engine;
using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Metrics;
using SupplySim.Model.Randomness;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// China's register of people who use drugs, kept by a population with <c>tracks-registry</c>: the police identify people who use
/// drugs and the register counts them until three years without use (L807, L1504, L1512, L1672), and people turn to NPS when the
/// traditional drugs grow scarce (L1538-L1540). Its state is the months since each registered person last used, the share of last
/// month's buyers on NPS and the scarcity of the first month with sales; the registered and NPS bits live in the people's traits.
/// A population without a register keeps this part empty: no one on NPS, nothing counted.
/// </summary>
internal sealed class Register : IShardPart
{
    private readonly byte[] _clean;  // months since a registered person last used (capped at 255); empty without a registry
    private double _npsBuyers;       // share of last month's buyers (use, OUD, MOUD) on NPS, who buy nothing here
    private double _scarcityRef = double.NaN; // scarcity of the first month with sales (NaN before): the NPS reference
    [FixedByLayout] private readonly PopulationSpec _pop;
    [FixedByLayout] private readonly ShardInfo _info;
    [FixedByLayout] private readonly ulong _seed;

    /// <summary>Counts of one month's pass (simulated people).</summary>
    public readonly record struct Counts(long Registered, long Hidden, long Newly, long Nps);

    public Register(PopulationSpec pop, ShardInfo info, ulong seed, People people)
    {
        _pop = pop;
        _info = info;
        _seed = seed;
        _clean = pop.TracksRegistry ? new byte[info.Count] : [];
        if (pop.TracksRegistry) Open(people);
    }

    /// <summary>The share of demand left once the NPS buyers, who buy none of this market's drugs, are taken out.</summary>
    public double LessNps(double demand) => _npsBuyers > 0 ? demand * (1 - _npsBuyers) : demand;

    /// <summary>
    /// The register at the start: everyone in treatment, and a share <c>initial-registered-share</c> of people using drugs and of
    /// those in remission is registered (those in remission with 0 to twice <c>register-clean-months</c> months without use,
    /// uniformly, so about half have already left the count); <c>nps-share</c> of people using are on NPS.
    /// </summary>
    private void Open(People people)
    {
        var key = CounterRng.TickKey(_seed, CounterRng.Stream.PersonRegistryInit, _info.Group, 0);
        var span = 2 * _pop.RegisterCleanMonths;
        long users = 0, nps = 0;
        var state = people.State;
        var traits = people.Traits;
        for (var i = 0; i < state.Length; i++)
        {
            var person = _info.FirstInGroup + i;
            var s = (PersonState)state[i];
            var using_ = s is PersonState.Use or PersonState.Oud or PersonState.Moud;
            if (!using_ && s != PersonState.Remission) continue;
            // People in treatment are known to the state (L1572); others are registered at the starting share.
            if (s == PersonState.Moud || CounterRng.UniformAt(key, 3 * person) < _pop.InitialRegisteredShare)
            {
                traits[i] |= People.RegisteredFlag;
                if (!using_) _clean[i] = (byte)Math.Min(255, (int)(CounterRng.UniformAt(key, 3 * person + 1) * span));
            }
            if (!using_) continue;
            users++;
            if (CounterRng.UniformAt(key, 3 * person + 2) < _pop.NpsShare) { traits[i] |= People.NpsFlag; nps++; }
        }
        _npsBuyers = users > 0 ? (double)nps / users : 0;
    }

    /// <summary>
    /// One month's pass over the people, after their transitions:
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
    public Counts Pass(in StepContext ctx, ModelParameters p, in RetailMarket.Result market, People people)
    {
        var key = CounterRng.TickKey(_seed, CounterRng.Stream.PersonRegistry, _info.Group, ctx.Tick);
        var pReg = Math.Min(1, _pop.RegistrationRate * ctx.Signals.Pressure[_info.Jurisdiction, Stage.Retail]);
        var served = market.ServedShare;
        var scarcity = market.SoldMg > 0 && served > 0 ? market.RevenueUsd / market.SoldMg / served : double.NaN;
        if (double.IsNaN(_scarcityRef) && !double.IsNaN(scarcity)) _scarcityRef = scarcity;
        var rel = double.IsNaN(scarcity) ? 1 : scarcity / _scarcityRef;
        // Listed NPS (the controlled share of the NPS market) are not taken up, and their users go back (L1540).
        var control = ctx.Signals.LeverValue(Lever.NpsControl, _info.Jurisdiction);
        double toNps = _pop.NpsSubstitution * Math.Max(0, rel - 1) * (1 - control);
        double fromNps = Math.Min(1, _pop.NpsSubstitution * Math.Max(0, 1 - rel) + control * p.NpsControlDeterrence);
        var limit = _pop.RegisterCleanMonths;
        var state = people.State;
        var traits = people.Traits;
        var counts = people.Counts;
        long registered = 0, hidden = 0, newly = 0, nps = 0, buyers = 0;
        for (var i = 0; i < state.Length; i++)
        {
            var s = (PersonState)state[i];
            if (s == PersonState.Dead) continue;
            var t = traits[i];
            var person = _info.FirstInGroup + i;
            var active = s is PersonState.Use or PersonState.Oud;
            if (active || s == PersonState.Moud)
            {
                _clean[i] = 0;
                if ((t & People.RegisteredFlag) == 0)
                {
                    if (s == PersonState.Moud || CounterRng.UniformAt(key, 3 * person) < pReg)
                    {
                        t |= People.RegisteredFlag;
                        newly++;
                    }
                }
                else if (s == PersonState.Use && CounterRng.UniformAt(key, 3 * person) < _pop.RegisteredCessationRate)
                {
                    // Supervised: stops this month (the draw that registers the unregistered, so no person uses it twice).
                    state[i] = (byte)PersonState.NoUse;
                    counts[(int)PersonState.Use]--;
                    counts[(int)PersonState.NoUse]++;
                    _clean[i] = 1;
                    traits[i] = t;
                    if (limit > 1) registered++;
                    continue;
                }
                var u = CounterRng.UniformAt(key, 3 * person + 1);
                if ((t & People.NpsFlag) == 0 ? u < toNps : u < fromNps) t ^= People.NpsFlag;
                buyers++;
                if ((t & People.NpsFlag) != 0) nps++;
                if ((t & People.RegisteredFlag) == 0) hidden++;
                traits[i] = t;
            }
            else if ((t & People.RegisteredFlag) != 0 && _clean[i] < 255) _clean[i]++;
            if ((t & People.RegisteredFlag) != 0 && _clean[i] < limit) registered++;
        }
        _npsBuyers = buyers > 0 ? (double)nps / buyers : 0;
        return new Counts(registered, hidden, newly, nps);
    }

    /// <summary>Books one month's pass, scaled to the people each simulated person represents.</summary>
    public static void Report(in Counts c, double scale, int jurisdiction, ShardReport report)
    {
        report.RegisteredUsers[jurisdiction] += c.Registered * scale;
        report.HiddenUsers[jurisdiction] += c.Hidden * scale;
        report.NewlyRegistered[jurisdiction] += c.Newly * scale;
        report.NpsUsers[jurisdiction] += c.Nps * scale;
    }

    public void Save(BinaryWriter w)
    {
        w.WriteArray(_clean);
        w.Write(_npsBuyers);
        w.Write(_scarcityRef);
    }

    public void Load(BinaryReader r)
    {
        r.ReadArrayInto(_clean);
        _npsBuyers = r.ReadDouble();
        _scarcityRef = r.ReadDouble();
    }
}
