using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Metrics;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// The retail dealers' opioid stock of one region, in pure fentanyl-equivalent kg, with what of it is pressed into counterfeit pills
/// and what is nitazenes, and the moments of its lots' potencies (Σm, Σm·p², Σm·p^κ over the mass m of each lot of potency p,
/// <see cref="PotencySpread"/>). Each month it is seized at the retail share and pressure, then sold into the month's demand
/// (<see cref="RetailMarket.Clear(double, double, ModelParameters)"/>); pills, nitazenes and every lot are seized and sold alike.
/// In a market of the labs only the street's part of the stock is seized and sold in a month (<c>distribution-cover-months</c>).
/// </summary>
internal sealed class DealerStock : IShardPart
{
    private double _kg;          // pure fentanyl-equivalent kg held
    private double _pillKg;      // of which pressed into counterfeit pills
    private double _nitazeneKg;  // of which nitazenes, on which naloxone works less well
    private double _massKg;      // the same stock as mass of its opioids (Σm), and Σm·p², Σm·p^κ over its lots
    private double _massPotSq;
    private double _massPotK;
    private double _demandRef = double.NaN; // doses demanded in the first month: an outside supply follows demand against it
    [FixedByLayout] private readonly bool[] _nitazene; // per substance: of class nitazene-related

    public DealerStock(WorldSpec spec) => _nitazene = Array.ConvertAll(spec.Substances, s => s.Classes.Contains(OverdoseHazard.NitazeneClass));

    /// <summary>What one month's clearing sold, with the shares and potency spread of the stock it sold from.</summary>
    public readonly record struct Sale(RetailMarket.Result Market, double PillShare, double NitazeneShare, (double Hazard, double SecondMoment) Spread);

    /// <summary>A consignment of <paramref name="kg"/> of opioid <paramref name="substance"/> from a lab, as powder or pills.</summary>
    public void Receive(WorldSpec spec, ModelParameters p, int substance, double kg, bool pills)
    {
        var potency = spec.Substances[substance].Potency;
        var equivalent = kg * potency;
        _kg += equivalent;
        AddLot(p, kg, potency);
        if (pills) _pillKg += equivalent;
        if (_nitazene[substance]) _nitazeneKg += equivalent;
    }

    /// <summary>
    /// A closed market's outside supply (<c>outside-supply-kg-per-month</c>): suppliers from abroad deliver in proportion to the
    /// market's demand against the first month's (a market that shrinks gets less); the lever carries shocks to that trade (L1532).
    /// </summary>
    public void SupplyFromOutside(ModelParameters p, double kgPerMonth, double demandDoses, double lever)
    {
        if (double.IsNaN(_demandRef)) _demandRef = demandDoses;
        var follow = _demandRef > 0 ? demandDoses / _demandRef : 1;
        var outside = kgPerMonth * follow * lever;
        _kg += outside;
        AddLot(p, outside, 1);
    }

    /// <summary>Seizes the retail share at <paramref name="pressure"/>, then sells into <paramref name="demandDoses"/>.</summary>
    public Sale SeizeAndSell(ModelParameters p, double pressure, double demandDoses, bool suppliedByLabs, int jurisdiction, ShardReport report)
    {
        var pillShare = _kg > 0 ? Math.Clamp(_pillKg / _kg, 0, 1) : 0;
        var nitazeneShare = _kg > 0 ? Math.Clamp(_nitazeneKg / _kg, 0, 1) : 0;
        var spread = PotencySpread.Of(p, _massKg, _kg, _massPotSq, _massPotK, pillShare);
        var before = _kg;
        // Distributors between import and street hold stock (docs/model.md#distribution-stock): only part of it is on the street
        // this month, and seizures and sales take from that part. A closed market's outside supply arrives at the street.
        var street = suppliedByLabs && p.DistributionCoverMonths > 0 ? _kg / (1 + p.DistributionCoverMonths) : _kg;
        var seized = street * p.RetailSeizureShare * pressure;
        _kg -= seized;
        // A closed market's drugs are not the labs' opioids: their seizures are counted apart.
        (suppliedByLabs ? ref report.SeizedDrugKg[Stage.Retail] : ref report.OutsideSeizedKg[jurisdiction]) += seized;
        if (suppliedByLabs) report.SeizedValue[jurisdiction, Stage.Retail] += seized; // fentanyl-equivalent kg only
        var market = RetailMarket.Clear((street - seized) * 1e6, demandDoses, p);
        _kg -= market.SoldMg / 1e6;
        _pillKg = _kg * pillShare; // pills and powder are seized and sold alike
        _nitazeneKg = _kg * nitazeneShare; // and so are nitazenes and fentanyl
        var left = before > 0 ? _kg / before : 0; // and every lot alike
        _massKg *= left;
        _massPotSq *= left;
        _massPotK *= left;
        return new Sale(market, pillShare, nitazeneShare, spread);
    }

    /// <summary>A lot of <paramref name="kg"/> of an opioid of potency <paramref name="potency"/> joins the stock's moments.</summary>
    private void AddLot(ModelParameters p, double kg, double potency)
    {
        _massKg += kg;
        _massPotSq += kg * potency * potency;
        _massPotK += kg * Math.Pow(potency, p.DoseSurpriseExponent);
    }

    public void Save(BinaryWriter w)
    {
        w.Write(_kg);
        w.Write(_pillKg);
        w.Write(_nitazeneKg);
        w.Write(_massKg);
        w.Write(_massPotSq);
        w.Write(_massPotK);
        w.Write(_demandRef);
    }

    public void Load(BinaryReader r)
    {
        _kg = r.ReadDouble();
        _pillKg = r.ReadDouble();
        _nitazeneKg = r.ReadDouble();
        _massKg = r.ReadDouble();
        _massPotSq = r.ReadDouble();
        _massPotK = r.ReadDouble();
        _demandRef = r.ReadDouble();
    }
}
