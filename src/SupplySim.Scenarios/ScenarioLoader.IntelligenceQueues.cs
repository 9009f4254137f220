using SupplySim.Model.World;

namespace SupplySim.Scenarios;

public static partial class ScenarioLoader
{
    /// <summary>The top-level key that gives agencies an intelligence queue (docs/scenarios.md#intelligence-queues).</summary>
    public const string IntelligenceQueuesKey = "intelligence-queues";

    private sealed partial class Compiler
    {
        /// <summary>
        /// Reads <c>intelligence-queues:</c>, one item per agency that keeps a queue, and returns the agencies with their queue
        /// set. A top-level list rather than a key of the agency, so a scenario that extends another can opt an agency in.
        /// </summary>
        private AgencySpec[] IntelligenceQueues(Map root, AgencySpec[] agencies)
        {
            var items = root.ListOr(IntelligenceQueuesKey);
            var seen = new HashSet<int>();
            for (var i = 0; i < items.Count; i++)
            {
                var path = $"{IntelligenceQueuesKey}[{i}]";
                var m = r.Map(items[i], path);
                var agencyNode = m.Need("agency");
                var id = r.Text(agencyNode, $"{path}.agency");
                if (!_agencies.TryGetValue(id, out var a))
                    throw r.Error(agencyNode, $"{path}.agency: unknown agency '{id}'; allowed: {string.Join(", ", _agencies.Keys)}");
                if (!seen.Add(a)) throw r.Error(agencyNode, $"{path}.agency: {id} already has an intelligence queue; give each agency one item");
                var queue = new IntelligenceQueueSpec(
                    LeadsPerKg: m.NumberOr("leads-per-kg", 2, 0, 1e6, "0 to 1e6 leads per kg"),
                    UsdPerLead: m.NumberOr("usd-per-lead", 1_000_000, 1, 1e12, "1 to 1e12 USD per lead"),
                    HalfLifeMonths: m.NumberOr("half-life-months", 6, 0.1, 1200, "0.1 to 1200 months"),
                    TargetsPerLead: m.NumberOr("targets-per-lead", 1, 0, 1000, "0 to 1000 targets per lead"));
                m.Done();
                agencies[a] = agencies[a] with { IntelligenceQueue = queue };
            }
            return agencies;
        }
    }
}
