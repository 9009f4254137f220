using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Workshop;

/// <summary>The workshop server's contract without a browser: loopback only, and one clear 400 for every malformed lever value.</summary>
[Collection(WorkshopCollection.Name)]
public class WorkshopServerTests(WorkshopFixture workshop) : IClassFixture<WorkshopFixture>
{
    /// <summary>The page has no login and runs code on request: it must never be reachable from another machine.</summary>
    [Fact]
    public async Task Should_Listen_On_Loopback_Only()
    {
        // Given the server started with --port 0
        var addresses = workshop.Server.Addresses;

        // Then every address Kestrel listens on is 127.0.0.1
        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.StartsWith("http://127.0.0.1:", a));
        var port = new Uri(addresses[0]).Port;

        // And the port answers on 127.0.0.1 but refuses this machine's other addresses
        using (var ok = new TcpClient()) await ok.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToArray();
        foreach (var address in others)
        {
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(address, port, TestContext.Current.CancellationToken).AsTask());
        }
    }

    /// <summary>A web page elsewhere must not drive the workshop through the browser: other host names and non-JSON posts are refused.</summary>
    [Fact]
    public async Task Should_Refuse_Other_Host_Names_And_Non_Json_Posts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "api/scenario");
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await workshop.Http.SendAsync(rebound, ct)).StatusCode);

        var form = await workshop.Http.PostAsync("api/run", new StringContent("""{"levers":{}}""", Encoding.UTF8, "text/plain"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("send the request body as JSON", await form.Content.ReadAsStringAsync(ct));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { """{"levers":{"added.naloxone":"1.5"}}""", "lever 'added.naloxone' (Naloxone coverage): 1.5 is out of range; allowed: 0 to 1" },
        { """{"levers":{"agency2.budget":-5}}""", "lever 'agency2.budget' (US-CBP budget): -5 is out of range; allowed: 0 to 1000000000" },
        { """{"levers":{"added.naloxone":"lots"}}""", "lever 'added.naloxone' (Naloxone coverage): 'lots' is not a number; allowed: 0 to 1 or off" },
        { """{"levers":{"agency0.budget":"1e400"}}""", "lever 'agency0.budget' (CN-MPS budget): '1e400' is not a number" },
        { """{"levers":{"i2.date":"2031-01"}}""", "2031-01 is outside the run; allowed: 2017-01 to 2021-12" },
        { """{"levers":{"i2.date":"May 2019"}}""", "'May 2019' is not a month; write YYYY-MM" },
        { """{"levers":{"i2.on":"maybe"}}""", "'maybe' is not a switch position; allowed: on, off" },
        { """{"levers":{"kyc":"0.5"}}""", "unknown lever 'kyc'; this scenario's levers: i0.on, " },
        { """{"levers":{"added.naloxone":0.5},"delayMs":-1}""", "delayMs must be a whole number of milliseconds from 0 to 2000" },
        { """{"levers": 7}""", "the request body is not the JSON expected" },
    };

    /// <summary>A room types and clicks fast: a bad value must come back as a sentence naming the lever and what is allowed, never a stack trace.</summary>
    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Should_Reject_A_Malformed_Lever_Value_With_400_And_A_Clear_Message(string body, string expected)
    {
        var response = await workshop.Http.PostAsync("api/run", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error").GetString();
        Assert.Contains(expected, error);
        Assert.DoesNotContain("   at ", error);
    }

    /// <summary>Step, pause, resume and reset drive the run between ticks only: a stepped run advances one month per step, then runs to the end.</summary>
    [Fact]
    public async Task Should_Step_A_Paused_Run_One_Month_At_A_Time_Then_Resume_And_Reset()
    {
        var ct = TestContext.Current.CancellationToken;
        async Task<JsonElement> Post(string path, string body = "{}")
        {
            var r = await workshop.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), ct);
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync(ct));
            return JsonDocument.Parse(await r.Content.ReadAsStringAsync(ct)).RootElement;
        }
        async Task<JsonElement> Until(Func<JsonElement, bool> done)
        {
            for (var i = 0; i < 600; i++)
            {
                var state = JsonDocument.Parse(await workshop.Http.GetStringAsync("api/run", ct)).RootElement;
                if (done(state)) return state;
                await Task.Delay(50, ct);
            }
            throw new TimeoutException("the run did not reach the expected state in 30 s");
        }

        // Given a run started paused, stepped twice
        var id = (await Post("api/run", """{"levers":{},"paused":true}""")).GetProperty("id").GetInt32();
        await Post("api/run/step");
        await Post("api/run/step");

        // Then it stops after two months and says it is paused
        await Until(s => s.GetProperty("id").GetInt32() == id && s.GetProperty("ticks").GetArrayLength() == 2);
        await Task.Delay(300, ct); // time for a third month, were the pause not holding
        var paused = JsonDocument.Parse(await workshop.Http.GetStringAsync("api/run", ct)).RootElement;
        Assert.Equal("paused", paused.GetProperty("status").GetString());
        Assert.Equal(2, paused.GetProperty("ticks").GetArrayLength());
        Assert.Equal("2017-02", paused.GetProperty("ticks")[1].GetProperty("date").GetString());

        // When resumed it runs to the end; when reset there is no run
        await Post("api/run/resume");
        var done = await Until(s => s.GetProperty("status").GetString() == "done");
        Assert.Equal(60, done.GetProperty("ticks").GetArrayLength());
        Assert.True(done.GetProperty("headline").GetProperty("overdose_deaths_total").GetDouble() > 0);
        await Post("api/run/reset");
        Assert.Equal("idle", JsonDocument.Parse(await workshop.Http.GetStringAsync("api/run", ct)).RootElement.GetProperty("status").GetString());
    }

    public static TheoryData<string, string> MalformedSweeps => new()
    {
        { """{"lever":"i2.on","from":0,"to":1}""", "is a switch; pick a number lever to sweep" },
        { """{"lever":"added.naloxone","from":0,"to":3}""", "3 is out of range; allowed: 0 to 1" },
        { """{"lever":"added.naloxone","from":0,"to":1,"points":40}""", "sweep points must be a whole number from 3 to 11, got 40" },
        { """{"lever":"nope","from":0,"to":1}""", "unknown lever 'nope'" },
    };

    [Theory]
    [MemberData(nameof(MalformedSweeps))]
    public async Task Should_Reject_A_Malformed_Sweep_With_400(string body, string expected)
    {
        var response = await workshop.Http.PostAsync("api/sweep", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The page loads with no internet: every script and style it names is served by the workshop itself.</summary>
    [Fact]
    public async Task Should_Serve_Every_Asset_Of_The_Page_Itself()
    {
        var ct = TestContext.Current.CancellationToken;
        var html = await workshop.Http.GetStringAsync("", ct);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""));
        Assert.DoesNotContain("https://", html);
        foreach (var asset in new[] { "workshop.js", "workshop.css" })
        {
            Assert.Contains($"/{asset}", html);
            var text = await workshop.Http.GetStringAsync(asset, ct);
            Assert.DoesNotContain("https://", text);
        }
    }
}
