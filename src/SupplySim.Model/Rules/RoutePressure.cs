using SupplySim.Model.Engine;
using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// Detection of a shipment in transit: export checks where it leaves and import checks where it arrives,
/// each scaled by the jurisdiction's route lever (border interdiction, mail and courier monitoring, L139,
/// L361), combined as independent checkpoints.
/// </summary>
public static class RoutePressure
{
    public static double At(TickSignals signals, int jurisdiction)
        => Math.Min(0.99, signals.Pressure[jurisdiction, Stage.Route] * signals.LeverValue(Lever.RouteMultiplier, jurisdiction));

    public static double Between(TickSignals signals, int from, int to) => Detection.Either(At(signals, from), At(signals, to));
}
