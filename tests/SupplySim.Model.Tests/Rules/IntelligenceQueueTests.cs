using SupplySim.Model.Engine;
using SupplySim.Model.Metrics;
using SupplySim.Model.Rules;
using SupplySim.Model.World;
using Xunit;
using static SupplySim.Model.Tests.BaselineWorld;

namespace SupplySim.Model.Tests.Rules;

/// <summary>
/// The intelligence queue's rules (Rules/IntelligenceQueue.cs): leads arrive only as far as they are actionable where the sellers
/// are (L480, L1044), the agency's spend works them with diminishing returns (L904-L906), leads left waiting age with a half-life,
/// and the channel that carries them is the trust-gated sharing lever between the two countries (L1046).
/// </summary>
public class IntelligenceQueueTests
{

    [Fact]
    public void Should_Queue_Only_The_Actionable_Leads_And_Count_The_Rest_As_Unactionable()
    {
        var counts = new double[IntelligenceQueue.States];
        var waiting = 0.0;
        var worked = IntelligenceQueue.Step(ref waiting, received: 10, actionable: 4, capacity: 0, halfLifeMonths: 6, counts);
        Assert.Equal(0, worked);
        Assert.Equal(10, counts[IntelligenceQueue.Received]);
        Assert.Equal(6, counts[IntelligenceQueue.Unactionable], 12);
        // The four actionable leads joined the queue and a month of ageing took 1 - 2^(-1/6) of them.
        Assert.Equal(4 * Math.Pow(2, -1 / 6.0), waiting, 12);
        Assert.Equal(4 - waiting, counts[IntelligenceQueue.Expired], 12);
    }

    [Fact]
    public void Should_Take_No_Action_On_A_Lead_About_A_Sale_That_Is_Legal_Where_It_Happened()
    {
        // A partner seized 5 fentanyl-equivalent kg of an unscheduled chemical, with no legal basis at the origin (illegality 0).
        var layout = new Layout(Baseline);
        var report = new ReportLayout(layout).New();
        IntelligenceQueue.BookSeizure(report, J("CN"), J("MX"), IntelligenceQueue.Precursor, 5, illegality: 0);
        Assert.Equal(5, report.ForeignSeizedKg[J("CN"), J("MX"), IntelligenceQueue.Precursor]);
        Assert.Equal(0, report.ActionableSeizedKg[J("CN"), J("MX"), IntelligenceQueue.Precursor]);

        var counts = new double[IntelligenceQueue.States];
        var waiting = 0.0;
        var worked = IntelligenceQueue.Step(ref waiting, 5, report.ActionableSeizedKg[J("CN"), J("MX"), IntelligenceQueue.Precursor], capacity: 1e9, halfLifeMonths: 6, counts);
        Assert.Equal(0, worked);
        Assert.Equal(0, waiting);
        Assert.Equal(5, counts[IntelligenceQueue.Unactionable]);
        Assert.Equal(0, IntelligenceQueue.Pressure(worked, targets: 80, maxPressure: 0.3, targetsPerLead: 1));

        // A legal basis of 0.2 makes a fifth of it actionable, and the worked leads buy pressure.
        IntelligenceQueue.BookSeizure(report, J("CN"), J("MX"), IntelligenceQueue.Precursor, 5, illegality: 0.2);
        Assert.Equal(1, report.ActionableSeizedKg[J("CN"), J("MX"), IntelligenceQueue.Precursor], 12);
        worked = IntelligenceQueue.Step(ref waiting, 5, 1, capacity: 1e9, halfLifeMonths: 6, counts);
        Assert.Equal(1, worked, 9);
        Assert.True(IntelligenceQueue.Pressure(worked, 80, 0.3, 1) > 0);
    }

    [Fact]
    public void Should_Work_About_The_Capacity_Of_A_Long_Queue_And_All_Of_A_Short_One_With_Diminishing_Returns()
    {
        Assert.Equal(10, IntelligenceQueue.Work(1000, 10), 0);           // long queue: capacity-bound (9.95)
        Assert.InRange(IntelligenceQueue.Work(2, 1000), 1.999, 2);        // short queue: all of it
        Assert.Equal(0, IntelligenceQueue.Work(0, 10));
        Assert.Equal(0, IntelligenceQueue.Work(10, 0));
        // Each extra USD works fewer leads: doubling the capacity on a queue of 20 less than doubles what is worked.
        var one = IntelligenceQueue.Work(20, 10);
        var two = IntelligenceQueue.Work(20, 20);
        Assert.True(two > one && two < 2 * one, $"{one} then {two}");
    }

    [Fact]
    public void Should_Age_Waiting_Leads_With_Their_Half_Life()
    {
        var counts = new double[IntelligenceQueue.States];
        var waiting = 100.0;
        for (var month = 0; month < 6; month++) IntelligenceQueue.Step(ref waiting, 0, 0, capacity: 0, halfLifeMonths: 6, counts);
        Assert.Equal(50, waiting, 9);
        Assert.Equal(50, counts[IntelligenceQueue.Expired], 9);
        Assert.Equal(0, counts[IntelligenceQueue.Worked]);
    }

    [Fact]
    public void Should_Carry_A_Partners_Leads_Only_Over_A_Channel_With_That_Partner_Gated_By_Trust()
    {
        var board = new LeverBoard(Baseline);
        // Bilateral sharing into CN from the US at 0.5: carries US seizures (times US-CN trust), not Mexican ones.
        board.Apply(new SetLever(0, "sharing", Lever.IntelligenceSharing, [J("CN")], 0.5, 0, C("US")));
        var trust = board.Trust(C("US"), C("CN"));
        Assert.True(trust > 0);
        Assert.Equal(0.5 * trust, board.IntelligenceChannel(J("CN"), C("US")), 12);
        Assert.Equal(0, board.IntelligenceChannel(J("CN"), C("MX")));
        // The trilateral mechanism also carries Mexican seizures, at the weakest trust of its three pairs (L1044, L166).
        board.Apply(new Trilateral(0, "trilateral", [J("CN"), J("MX")], 1, 0, C("US"), C("CN"), C("MX")));
        var weakest = new[] { board.Trust(C("US"), C("CN")), board.Trust(C("US"), C("MX")), board.Trust(C("CN"), C("MX")) }.Min();
        Assert.True(weakest > 0);
        Assert.Equal(weakest, board.IntelligenceChannel(J("CN"), C("MX")), 12);
        // A suspension of US-CN cooperation closes both channels into CN.
        board.Apply(new SuspendCooperation(0, "suspend", C("US"), C("CN")));
        Assert.Equal(0, board.IntelligenceChannel(J("CN"), C("US")));
        Assert.Equal(0, board.IntelligenceChannel(J("CN"), C("MX")));
    }
}
