using SupplySim.Model.Engine;
using SupplySim.Model.Metrics;
using SupplySim.Model.World;

namespace SupplySim.Model.Rules;

/// <summary>
/// Foreign intelligence as leads that wait in an agency's queue (docs/model.md#the-six-actor-kinds, enforcement agency). A partner's seizure of
/// what left a jurisdiction (precursor a broker there shipped, drug a lab there shipped) is a lead about the sellers
/// there; it reaches that jurisdiction's agency in proportion to the trust-gated sharing channel between the two countries
/// (information exchanged for joint cases, L259, L267; trust gates it, L1046). Only leads about sales that are illegal
/// where the sellers are, or for which a legal basis exists, can be acted on (L480, L1044, L1050); the rest are dropped.
/// The agency works its queue with the spend of the stages the leads point at, with diminishing returns (L904-L906);
/// leads left waiting go stale with a half-life. Worked leads become detection pressure on those stages.
/// </summary>
public static class IntelligenceQueue
{
    /// <summary>What a lead is about: precursor (the suppliers and brokers that sold it) or finished drug (the labs that made it).</summary>
    public const int Kinds = 2;
    public const int Precursor = 0, Drug = 1;

    /// <summary>The states a lead is counted in, per agency and tick: the last is the stock still waiting at the end of the tick.</summary>
    public const int States = 5;
    public const int Received = 0, Unactionable = 1, Worked = 2, Expired = 3, Waiting = 4;
    public static readonly string[] StateNames = ["received", "unactionable", "worked", "expired"];

    private static readonly Stage[] PrecursorStages = [Stage.Supplier, Stage.Broker];
    private static readonly Stage[] DrugStages = [Stage.Lab];

    /// <summary>The stages a lead of this kind points at (where working it adds pressure, and whose spend works it).</summary>
    public static ReadOnlySpan<Stage> StagesOf(int kind) => kind == Precursor ? PrecursorStages : DrugStages;

    /// <summary>
    /// Leads worked this month out of <paramref name="waiting"/> with <paramref name="capacity"/> leads' worth of spend:
    /// Q (1 − e^(−C/Q)), about C while the queue is long and about Q when it is short; each extra USD works fewer leads.
    /// </summary>
    public static double Work(double waiting, double capacity)
        => waiting <= 0 || capacity <= 0 ? 0 : waiting * (1 - Math.Exp(-capacity / waiting));

    /// <summary>Leads of <paramref name="waiting"/> that go stale this month at a half-life of <paramref name="halfLifeMonths"/>.</summary>
    public static double Expire(double waiting, double halfLifeMonths)
        => waiting <= 0 ? 0 : waiting * (1 - Math.Pow(2, -1 / halfLifeMonths));

    /// <summary>
    /// One month of one queue: actionable arrivals join, the capacity works what it can, and what is left ages.
    /// Returns the leads worked; adds received, unactionable, worked and expired leads to <paramref name="counts"/>.
    /// </summary>
    public static double Step(ref double waiting, double received, double actionable, double capacity, double halfLifeMonths, Span<double> counts)
    {
        actionable = Math.Clamp(actionable, 0, received);
        waiting += actionable;
        var worked = Work(waiting, capacity);
        waiting -= worked;
        var expired = Expire(waiting, halfLifeMonths);
        waiting -= expired;
        counts[Received] += received;
        counts[Unactionable] += received - actionable;
        counts[Worked] += worked;
        counts[Expired] += expired;
        return worked;
    }

    /// <summary>Detection probability that <paramref name="worked"/> leads add at a stage with <paramref name="targets"/> agents.</summary>
    public static double Pressure(double worked, double targets, double maxPressure, double targetsPerLead)
        => Detection.Probability(worked, targets, maxPressure, targetsPerLead);

    /// <summary>
    /// Books the part of a seizure in transit made at the destination's import checks (the share <see cref="SeizureValue.AddRoute"/>
    /// gives it) as a possible lead about <paramref name="from"/>, and the part of it that is actionable there: the seized
    /// chemical's or drug's illegality where it left (scheduled: 1, else the legal basis).
    /// </summary>
    public static void BookSeizure(ShardReport report, int from, int to, int kind, double amount, double illegality)
    {
        report.ForeignSeizedKg[from, to, kind] += amount;
        report.ActionableSeizedKg[from, to, kind] += amount * illegality;
    }
}
