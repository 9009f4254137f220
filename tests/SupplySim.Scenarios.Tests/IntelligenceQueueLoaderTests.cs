using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>The top-level <c>intelligence-queues:</c> list: one item opts one agency into the queue; mistakes are one located line.</summary>
public class IntelligenceQueueLoaderTests
{
    private static readonly string Quickstart = File.ReadAllText(Repo.Scenario("quickstart.yaml"));

    private static Scenario Parse(string block) => ScenarioLoader.Parse(Quickstart.TrimEnd() + "\n" + block, "s.yaml");

    private static int Line(string block, string fragment)
    {
        var text = Quickstart.TrimEnd() + "\n" + block;
        return text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
    }

    [Fact]
    public void Should_Give_Only_The_Named_Agency_A_Queue_With_Defaults_For_Missing_Keys()
    {
        Assert.All(ScenarioLoader.Parse(Quickstart, "s.yaml").Spec.Agencies, a => Assert.Null(a.IntelligenceQueue));
        var spec = Parse("intelligence-queues:\n  - { agency: CN-MPS, half-life-months: 3 }\n").Spec;
        var cn = spec.Agencies.Single(a => a.Id == "CN-MPS");
        Assert.Equal(new Model.World.IntelligenceQueueSpec(2, 1_000_000, 3, 1), cn.IntelligenceQueue);
        Assert.All(spec.Agencies.Where(a => a.Id != "CN-MPS"), a => Assert.Null(a.IntelligenceQueue));
        // The queue travels to the grains with the rest of the specification.
        Assert.Equal(cn.IntelligenceQueue, Model.World.SpecJson.Deserialize(Model.World.SpecJson.Serialize(spec)).Agencies.Single(a => a.Id == "CN-MPS").IntelligenceQueue);
    }

    [Fact]
    public void Should_Reject_An_Unknown_Agency_At_Its_Line()
    {
        const string block = "intelligence-queues:\n  - { agency: CN-XYZ }\n";
        var e = Assert.Throws<ScenarioException>(() => Parse(block));
        Assert.Equal(Line(block, "CN-XYZ"), e.Line);
        Assert.Contains("intelligence-queues[0].agency: unknown agency 'CN-XYZ'; allowed: ", e.Problem);
        Assert.Single(e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Should_Reject_A_Second_Queue_For_One_Agency_And_Values_Out_Of_Range()
    {
        var twice = Assert.Throws<ScenarioException>(() => Parse("intelligence-queues:\n  - { agency: CN-MPS }\n  - { agency: CN-MPS }\n"));
        Assert.Contains("intelligence-queues[1].agency: CN-MPS already has an intelligence queue", twice.Problem);
        var zero = Assert.Throws<ScenarioException>(() => Parse("intelligence-queues:\n  - { agency: CN-MPS, half-life-months: 0 }\n"));
        Assert.Contains("intelligence-queues[0].half-life-months is 0; allowed: 0.1 to 1200 months", zero.Problem);
        var typo = Assert.Throws<ScenarioException>(() => Parse("intelligence-queues:\n  - { agency: CN-MPS, half-life: 3 }\n"));
        Assert.Contains("unknown key 'half-life' in intelligence-queues[0]", typo.Problem);
    }
}
