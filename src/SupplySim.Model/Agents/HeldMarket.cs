namespace SupplySim.Model.Agents;

/// <summary>
/// What the people of each market shard saw of their retail market in each reported tick of another run (the baseline), for a
/// "market held" run: its people face these values instead of their own market's, while that market still clears
/// (docs/experiments.md#direct-and-market-effects). <see cref="Values"/> is laid out [tick][market shard][field], market shards
/// in <see cref="World.Layout.MarketShards"/> order, fields as <see cref="MarketSeen"/> lists them.
/// </summary>
public sealed record HeldMarket(int Shards, int Ticks, double[] Values)
{
    /// <summary>What the people of market shard <paramref name="shard"/> see at <paramref name="tick"/> (a reported tick).</summary>
    public MarketSeen At(int tick, int shard) => MarketSeen.Read(Values.AsSpan((tick * Shards + shard) * MarketSeen.Fields, MarketSeen.Fields));

    /// <summary>Stacks the per-tick captures of a run (<see cref="Engine.RunCoordinator.MarketSeen"/>), tick 0 first.</summary>
    public static HeldMarket Of(IReadOnlyList<double[]> ticks)
    {
        var shards = ticks.Count > 0 ? ticks[0].Length / MarketSeen.Fields : 0;
        return new HeldMarket(shards, ticks.Count, ticks.SelectMany(t => t).ToArray());
    }
}

/// <summary>
/// The inputs of the person rules that the retail market sets (<see cref="UserPopulationShard.Rules"/>): potency per dose, the
/// share of demand served, the shares of counterfeit pills and of nitazenes, the potency spread's hazard factor, the stimulant
/// market's served share (negative where no stimulant is traded: reports fold by summation and stay finite) and the dealers' xylazine share.
/// </summary>
public readonly record struct MarketSeen(double PotencyMg, double ServedShare, double PillShare, double NitazeneShare, double SpreadHazard, double StimulantServed, double XylazineShare)
{
    public const int Fields = 7;

    public double? StimulantServedOrNull => StimulantServed < 0 ? null : StimulantServed;

    public const double NoStimulantMarket = -1;

    public void Write(Span<double> into)
    {
        into[0] = PotencyMg; into[1] = ServedShare; into[2] = PillShare; into[3] = NitazeneShare;
        into[4] = SpreadHazard; into[5] = StimulantServed; into[6] = XylazineShare;
    }

    public static MarketSeen Read(ReadOnlySpan<double> from) => new(from[0], from[1], from[2], from[3], from[4], from[5], from[6]);
}
