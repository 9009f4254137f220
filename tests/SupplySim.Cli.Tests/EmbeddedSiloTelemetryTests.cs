using System.Net;
using System.Net.Sockets;
using SupplySim.Cli.Commands;
using SupplySim.Grains;
using SupplySim.Hosting;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>The embedded silo's side of the telemetry flags, in process.</summary>
public class EmbeddedSiloTelemetryTests
{
    public static TheoryData<string> Flags => ["prometheus", "dashboard"];

    [Theory]
    [MemberData(nameof(Flags))]
    public async Task Should_Report_A_Port_Taken_After_The_Check_As_A_User_Error(string flag)
    {
        // The command checks ports before starting; a port taken in between must still end as one line, not a crash.
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var settings = flag == "prometheus" ? new TelemetrySettings(PrometheusPort: port) : new TelemetrySettings(DashboardPort: port);

        var e = await Assert.ThrowsAsync<UserInputException>(async () =>
        {
            await using var silo = await EmbeddedSilo.StartAsync(settings, CancellationToken.None);
        });
        Assert.StartsWith($"port {port} is in use on 127.0.0.1", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }
}
