using System.Net;
using System.Net.Sockets;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Workshop;

/// <summary>`supplysim workshop` as a user starts it: mistakes are one line and exit code 2.</summary>
[Collection(WorkshopCollection.Name)]
public class WorkshopCommandTests
{
    [Fact]
    public async Task Should_Report_An_Unknown_Scenario_File_In_One_Line()
    {
        var r = await CliProcess.Run("workshop", "scenarios/no-such-file.yaml", "--port", "0");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: scenarios/no-such-file.yaml:1:1: file not found; give the path of a scenario .yaml file (see `scenarios/`)", r.StdErr.Trim());
    }

    [Fact]
    public async Task Should_Report_A_Port_In_Use_In_One_Line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var r = await CliProcess.Run("workshop", Repo.Scenario("quickstart.yaml"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: --port {port}: port {port} is in use on 127.0.0.1; choose another port or stop what listens there", r.StdErr.Trim());
    }
}
