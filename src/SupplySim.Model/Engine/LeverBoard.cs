using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.World;

namespace SupplySim.Model.Engine;

/// <summary>
/// The run-level state of policy levers and of trust between countries (docs/model.md#levers-interventions-and-trust): levers ramp
/// toward their targets, KYC quality decays without retraining, trust recovers slowly toward its starting
/// level and falls with shocks, and cooperative levers are published multiplied by the trust that gates
/// them (the trust ceiling, L1128-L1132). Part of the run's state, updated once per tick in a fixed order.
/// </summary>
public sealed class LeverBoard
{
    [FixedByLayout] private readonly WorldSpec _spec;
    [FixedByLayout] private readonly int _j, _c;
    private readonly double[] _value, _target, _step; // [lever * J + j]
    private readonly int[] _remaining;
    private readonly int[] _partner; // partner country of cooperative levers, -1 if none
    private readonly double[] _trust, _baseline, _building; // [a * C + b]
    private readonly bool[] _suspended;
    // Reciprocity ledger, directional (actor * c + partner): weight of the actor's acts of cooperation the partner has not
    // rewarded yet, and their weighted mean age in months (L2337-L2339).
    private readonly double[] _owed;
    private readonly double[] _owedAge;
    private readonly int[] _trio = [-1, -1, -1]; // countries of the trilateral mechanism, if one was set up

    public LeverBoard(WorldSpec spec)
    {
        _spec = spec;
        _j = spec.Jurisdictions.Length;
        _c = spec.Countries.Length;
        var n = TickSignals.LeverCount * _j;
        _value = new double[n];
        _target = new double[n];
        _step = new double[n];
        _remaining = new int[n];
        _partner = Enumerable.Repeat(-1, n).ToArray();
        for (var j = 0; j < _j; j++)
        {
            Set(Lever.KycShare, j, double.NaN);
            Set(Lever.KycQuality, j, double.NaN);
            Set(Lever.RouteMultiplier, j, 1);
            Set(Lever.InitiationMultiplier, j, 1);
            Set(Lever.TreatmentAccess, j, 1);
            Set(Lever.OutsideSupply, j, 1);
            var pop = spec.Populations.FirstOrDefault(p => p.Region == j);
            Set(Lever.TreatmentCapacity, j, pop?.MoudCapacityShare ?? 0);
            Set(Lever.NaloxoneCoverage, j, pop?.NaloxoneCoverage ?? 0);
        }
        _trust = new double[_c * _c];
        _baseline = new double[_c * _c];
        _building = new double[_c * _c];
        _suspended = new bool[_c * _c];
        _owed = new double[_c * _c];
        _owedAge = new double[_c * _c];
        for (var a = 0; a < _c; a++) _trust[a * _c + a] = _baseline[a * _c + a] = 1;
        foreach (var t in spec.Trust)
        {
            SetPair(_trust, t.CountryA, t.CountryB, t.Initial);
            SetPair(_baseline, t.CountryA, t.CountryB, t.Initial);
        }
    }

    public void Save(BinaryWriter w)
    {
        w.WriteArray(_value);
        w.WriteArray(_target);
        w.WriteArray(_step);
        w.WriteArray(_remaining);
        w.WriteArray(_partner);
        w.WriteArray(_trust);
        w.WriteArray(_baseline);
        w.WriteArray(_building);
        w.WriteArray(_suspended);
        w.WriteArray(_trio);
        w.WriteArray(_owed);
        w.WriteArray(_owedAge);
    }

    public void Load(BinaryReader r)
    {
        r.ReadArrayInto(_value);
        r.ReadArrayInto(_target);
        r.ReadArrayInto(_step);
        r.ReadArrayInto(_remaining);
        r.ReadArrayInto(_partner);
        r.ReadArrayInto(_trust);
        r.ReadArrayInto(_baseline);
        r.ReadArrayInto(_building);
        r.ReadArrayInto(_suspended);
        r.ReadArrayInto(_trio);
        r.ReadArrayInto(_owed);
        r.ReadArrayInto(_owedAge);
    }

    private int Slot(Lever lever, int j) => (int)lever * _j + j;

    private void Set(Lever lever, int j, double v)
    {
        var i = Slot(lever, j);
        _value[i] = _target[i] = v;
        _remaining[i] = 0;
    }

    private void SetPair(double[] m, int a, int b, double v)
    {
        m[a * _c + b] = v;
        m[b * _c + a] = v;
    }

    public double Trust(int a, int b) => _suspended[a * _c + b] ? 0 : _trust[a * _c + b];

    /// <summary>The trilateral mechanism is as strong as its weakest pair (L166): min of the three trusts, 0 if none is set up.</summary>
    private double TrioTrust()
        => _trio[0] < 0 ? 0 : Math.Min(Trust(_trio[0], _trio[1]), Math.Min(Trust(_trio[0], _trio[2]), Trust(_trio[1], _trio[2])));

    /// <summary>
    /// Strength of the channel that carries intelligence from <paramref name="fromCountry"/> to jurisdiction <paramref name="j"/>
    /// (0..1): bilateral sharing with that country (× their trust; a lever without a partner carries any country's), or the
    /// trilateral mechanism when both countries are in it (× the weakest trust of its pairs), whichever is stronger.
    /// </summary>
    public double IntelligenceChannel(int j, int fromCountry)
    {
        var i = Slot(Lever.IntelligenceSharing, j);
        var partner = _partner[i];
        var bilateral = partner < 0 ? _value[i] : partner == fromCountry ? _value[i] * Trust(partner, _spec.CountryOf[j]) : 0;
        var trilateral = _value[Slot(Lever.Trilateral, j)];
        var inTrio = Array.IndexOf(_trio, fromCountry) >= 0 && Array.IndexOf(_trio, _spec.CountryOf[j]) >= 0;
        trilateral = trilateral != 0 && inTrio ? trilateral * TrioTrust() : 0;
        return Math.Max(bilateral, trilateral);
    }

    /// <summary>Applies a lever, trust or reciprocity item; other kinds are the run's (scheduling, budgets, early warning).</summary>
    public void Apply(Intervention item)
    {
        switch (item)
        {
            case SetLever l:
                foreach (var j in l.Jurisdictions)
                {
                    var i = Ramp(l.Lever, j, l.Value, l.RampMonths);
                    if (l.Partner >= 0) _partner[i] = l.Partner;
                }
                break;
            case Trilateral t:
                // Gated by its three countries, not a partner.
                foreach (var j in t.Jurisdictions) Ramp(Lever.Trilateral, j, t.Intensity, t.RampMonths);
                (_trio[0], _trio[1], _trio[2]) = (t.CountryA, t.CountryB, t.CountryC);
                break;
            case TrustShock s:
                SetPair(_trust, s.CountryA, s.CountryB, Math.Clamp(_trust[s.CountryA * _c + s.CountryB] - s.Drop, 0, 1));
                break;
            case TrustBuilding b:
                SetPair(_building, b.CountryA, b.CountryB, b.Rate);
                break;
            case SuspendCooperation s:
                _suspended[s.CountryA * _c + s.CountryB] = _suspended[s.CountryB * _c + s.CountryA] = true;
                break;
            case ResumeCooperation r:
                _suspended[r.CountryA * _c + r.CountryB] = _suspended[r.CountryB * _c + r.CountryA] = false;
                break;
            case CooperativeAct act:
            {
                // The act joins what the partner owes; the ledger's age is the weighted mean age of its acts.
                var i = act.By * _c + act.Toward;
                _owedAge[i] = _owed[i] + act.Weight > 0 ? _owed[i] * _owedAge[i] / (_owed[i] + act.Weight) : 0;
                _owed[i] += act.Weight;
                break;
            }
            case Reward reward:
            {
                // The rewarder settles what the rewarded is owed; the reward builds trust by less the longer it waited (L2337).
                var (a, b) = (reward.By, reward.To);
                var i = b * _c + a;
                var p = _spec.Parameters;
                var late = p.RewardHalfLifeMonths > 0 ? Math.Pow(2, -_owedAge[i] / p.RewardHalfLifeMonths) : _owedAge[i] > 0 ? 0 : 1;
                var gain = p.RewardTrustGain * reward.Intensity * late;
                var t = _trust[a * _c + b];
                SetPair(_trust, a, b, Math.Clamp(t + gain * (1 - t), 0, 1));
                _owed[i] = 0;
                _owedAge[i] = 0;
                break;
            }
        }
    }

    /// <summary>Starts a lever's move to <paramref name="value"/> over <paramref name="months"/>; returns its slot.</summary>
    private int Ramp(Lever lever, int j, double value, int months)
    {
        var i = Slot(lever, j);
        // An unset KYC share (each group keeps its own) ramps up from no policy floor.
        var from = double.IsNaN(_value[i]) ? (lever == Lever.KycShare ? 0 : value) : _value[i];
        _value[i] = from;
        _target[i] = value;
        _remaining[i] = Math.Max(0, months);
        _step[i] = months > 0 ? (value - from) / months : 0;
        if (months <= 0) _value[i] = value;
        return i;
    }

    /// <summary>Weight of <paramref name="actor"/>'s acts of cooperation that <paramref name="partner"/> has not rewarded yet.</summary>
    public double Owed(int actor, int partner) => _owed[actor * _c + partner];

    /// <summary>Advances ramps, quality decay and trust by one month (called after the tick's items are applied).</summary>
    public void Advance(ModelParameters p)
    {
        for (var i = 0; i < _value.Length; i++)
        {
            if (_remaining[i] <= 0) continue;
            _remaining[i]--;
            _value[i] = _remaining[i] == 0 ? _target[i] : _value[i] + _step[i];
        }
        for (var j = 0; j < _j; j++)
        {
            // New NPS appear that no list names: the controlled share of the NPS market erodes (L853, L2470).
            var c = Slot(Lever.NpsControl, j);
            if (_value[c] > 0 && _remaining[c] == 0) _value[c] *= 1 - p.NpsNovelty;
            var q = Slot(Lever.KycQuality, j);
            if (!double.IsNaN(_value[q]) && _value[Slot(Lever.KycRetraining, j)] <= 0 && _remaining[q] == 0)
                _value[q] *= 1 - p.KycQualityDecay;
        }
        for (var a = 0; a < _c; a++)
            for (var b = a + 1; b < _c; b++)
            {
                var i = a * _c + b;
                if (_suspended[i]) continue;
                var t = _trust[i] + p.TrustRecoveryRate * (_baseline[i] - _trust[i]) + _building[i] * (1 - _trust[i]);
                // Acts left unrewarded past the patience wear trust down (extinction, L2337-L2339), from either side.
                t *= 1 - p.TrustExtinctionRate * (Unrewarded(a, b, p) + Unrewarded(b, a, p));
                SetPair(_trust, a, b, Math.Clamp(t, 0, 1));
            }
        for (var i = 0; i < _owed.Length; i++)
            if (_owed[i] > 0) _owedAge[i]++;
    }

    /// <summary>Weight (at most 1) of acts <paramref name="actor"/> made toward <paramref name="partner"/> that waited past the patience.</summary>
    private double Unrewarded(int actor, int partner, ModelParameters p)
    {
        var i = actor * _c + partner;
        return _owed[i] > 0 && _owedAge[i] > p.RewardPatienceMonths ? Math.Min(1, _owed[i]) : 0;
    }

    /// <summary>Writes levers (cooperative ones gated by trust) and trust into the tick's signals.</summary>
    public void Publish(TickSignals signals)
    {
        for (var l = 0; l < TickSignals.LeverCount; l++)
            for (var j = 0; j < _j; j++)
            {
                var i = l * _j + j;
                var v = _value[i];
                if (_partner[i] >= 0) v *= Trust(_partner[i], _spec.CountryOf[j]);
                if (l == (int)Lever.Trilateral && v != 0) v *= TrioTrust();
                signals.SetLeverValue((Lever)l, j, v);
            }
        for (var a = 0; a < _c; a++)
            for (var b = a; b < _c; b++)
                signals.SetTrust(a, b, Trust(a, b));
    }
}
