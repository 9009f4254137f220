using SupplySim.Model.Engine.Checkpoints;
using SupplySim.Model.Metrics;
using SupplySim.Model.Rules;
using SupplySim.Model.World;

namespace SupplySim.Model.Agents;

/// <summary>
/// The retail dealers' stimulant stock of one region, where a stimulant is traded (<see cref="Stimulants.Traded"/>): the labs'
/// stimulant is kept apart from the opioid stock (no fentanyl-equivalent, no lot of the potency spread) and cleared for the
/// people who co-use stimulants (<see cref="RetailMarket.ClearStimulant"/>; L2054, L2176-L2180).
/// </summary>
internal sealed class StimulantStock : IShardPart
{
    private double _kg; // pure stimulant kg held

    public void Receive(double kg) => _kg += kg;

    /// <summary>
    /// Seizes the stock at the retail share and pressure like the opioid stock, then sells into <paramref name="demandDoses"/>
    /// (the co-users' doses, less the NPS buyers' share).
    /// </summary>
    public RetailMarket.Result SeizeAndSell(ModelParameters p, double pressure, double demandDoses, int jurisdiction, ShardReport report)
    {
        var seized = _kg * p.RetailSeizureShare * pressure;
        _kg -= seized;
        report.StimulantSeizedKg[Stage.Retail] += seized;
        var market = RetailMarket.ClearStimulant(_kg * 1e6, demandDoses, p);
        _kg -= market.SoldMg / 1e6;
        report.StimulantSuppliedMg[jurisdiction] += market.SoldMg;
        report.StimulantRevenueUsd[jurisdiction] += market.RevenueUsd;
        report.StimulantDosesServed[jurisdiction] += market.DosesServed;
        report.StimulantDosesDemanded[jurisdiction] += demandDoses;
        return market;
    }

    public void Save(BinaryWriter w) => w.Write(_kg);

    public void Load(BinaryReader r) => _kg = r.ReadDouble();
}
