using SupplySim.Testing;
using Xunit;

namespace SupplySim.Scenarios.Tests;

/// <summary>The top-level <c>intelligence-queues:</c> list: one item opts one agency into the queue; mistakes are one located line.</summary>
public class IntelligenceQueueLoaderTests
{
    private static readonly string Quickstart = File.ReadAllText(Repo.Scenario("quickstart.yaml"));

    /// <summary>The quickstart world with its <c>intelligence-queues:</c> list written as <paramref name="queues"/>.</summary>
    private static ScenarioDocument With(string queues) => ScenarioDocument.Parse(Quickstart, "s.yaml").SetYaml("intelligence-queues", queues);

    private static Scenario Parse(string queues) => With(queues).Compile();

    [Fact]
    public void Should_Give_Only_The_Named_Agency_A_Queue_With_Defaults_For_Missing_Keys()
    {
        Assert.All(ScenarioLoader.Parse(Quickstart, "s.yaml").Spec.Agencies, a => Assert.Null(a.IntelligenceQueue));
        var spec = Parse("[{ agency: CN-MPS, half-life-months: 3 }]").Spec;
        var cn = spec.Agencies.Single(a => a.Id == "CN-MPS");
        Assert.Equal(new Model.World.IntelligenceQueueSpec(2, 1_000_000, 3, 1), cn.IntelligenceQueue);
        Assert.All(spec.Agencies.Where(a => a.Id != "CN-MPS"), a => Assert.Null(a.IntelligenceQueue));
        // The queue travels to the grains with the rest of the specification.
        Assert.Equal(cn.IntelligenceQueue, Model.World.SpecJson.Deserialize(Model.World.SpecJson.Serialize(spec)).Agencies.Single(a => a.Id == "CN-MPS").IntelligenceQueue);
    }

    [Fact]
    public void Should_Reject_An_Unknown_Agency_At_Its_Line()
    {
        var unknown = With("[{ agency: CN-XYZ }]");
        var e = Assert.Throws<ScenarioException>(() => unknown.Compile());
        Assert.Equal(unknown.Locate("intelligence-queues[0].agency").Line, e.Line);
        Assert.Contains("intelligence-queues[0].agency: unknown agency 'CN-XYZ'; allowed: ", e.Problem);
        Assert.Single(e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Should_Reject_A_Second_Queue_For_One_Agency_And_Values_Out_Of_Range()
    {
        var twice = Assert.Throws<ScenarioException>(() => Parse("[{ agency: CN-MPS }, { agency: CN-MPS }]"));
        Assert.Contains("intelligence-queues[1].agency: CN-MPS already has an intelligence queue", twice.Problem);
        var zero = Assert.Throws<ScenarioException>(() => Parse("[{ agency: CN-MPS, half-life-months: 0 }]"));
        Assert.Contains("intelligence-queues[0].half-life-months is 0; allowed: 0.1 to 1200 months", zero.Problem);
        var typo = Assert.Throws<ScenarioException>(() => Parse("[{ agency: CN-MPS, half-life: 3 }]"));
        Assert.Contains("unknown key 'half-life' in intelligence-queues[0]", typo.Problem);
    }
}
