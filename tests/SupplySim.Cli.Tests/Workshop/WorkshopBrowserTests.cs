using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Playwright;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Workshop;

/// <summary>
/// The workshop page in headless Chromium (Debian's chromium, driven by Playwright's bundled driver, so
/// nothing is downloaded): a facilitator's path through the page, checked against `supplysim run`.
/// </summary>
[Collection(WorkshopCollection.Name)]
public class WorkshopBrowserTests(WorkshopFixture workshop) : IClassFixture<WorkshopFixture>
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>
    /// Load the page, move a slider, run, watch the charts grow tick by tick, take a screenshot; the deaths the
    /// page shows, and the downloaded results folder, equal `supplysim run` of the downloaded scenario.yaml.
    /// Then pin the run, change a lever, run again and see both on the same charts; then sweep a lever.
    /// </summary>
    [Fact]
    public async Task Should_Run_A_Moved_Lever_Live_And_Show_The_Numbers_Of_Supplysim_Run()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing; install Debian's chromium (./test.sh does: apt-get install -y chromium)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1300 }, AcceptDownloads = true });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        // Given the page, loaded from the workshop server
        var loading = System.Diagnostics.Stopwatch.StartNew();
        await page.GotoAsync(workshop.Server.Url);
        await page.WaitForSelectorAsync("body[data-ready=true]");
        TestContext.Current.SendDiagnosticMessage($"page ready in {loading.ElapsedMilliseconds} ms");
        Assert.Equal(workshop.Catalogue.Scenario.Spec.Question, await page.InnerTextAsync("#question"));

        // When a facilitator adds naloxone and moves its slider with the keyboard, and runs at the fast speed
        await page.CheckAsync("#add-added\\.naloxone");
        await page.FocusAsync("#lever-added\\.naloxone");
        for (var i = 0; i < 20; i++) await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("0.45", await page.InputValueAsync("#lever-added\\.naloxone"));
        await page.SelectOptionAsync("#speed", "40");
        await page.ClickAsync("#run");

        // Then the charts grow month by month while it runs, and it ends
        await page.WaitForFunctionAsync("() => { const n = +document.getElementById('chart-0').dataset.points; return n > 3 && n < 60; }");
        await page.WaitForSelectorAsync("#status[data-run='1'][data-status=done]", new() { Timeout = 60_000 });
        Assert.Equal("60", await page.GetAttributeAsync("#chart-0", "data-points"));
        Assert.True(await page.Locator("#chart-0 path").CountAsync() >= 1);
        Assert.Contains("coverage: 0.45", await page.InnerTextAsync("#edits"));
        TestContext.Current.SendDiagnosticMessage(await page.InnerTextAsync("#status"));
        var screenshot = Path.Combine(AppContext.BaseDirectory, "workshop-screenshots", "quickstart-run.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });

        // And the deaths it shows are those of `supplysim run` on the scenario as run, with the same seed
        var shownText = await page.InnerTextAsync("#deaths-total");
        var shown = double.Parse((await page.GetAttributeAsync("#deaths-total", "data-value"))!, CultureInfo.InvariantCulture);
        Assert.Equal("true", await page.GetAttributeAsync("#deaths-total", "data-final"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        var folder = Repo.TempDir("workshop-download");
        var cliOut = Repo.TempDir("workshop-cli");
        try
        {
            var zip = Path.Combine(folder, "run.zip");
            await download.SaveAsAsync(zip);
            ZipFile.ExtractToDirectory(zip, Path.Combine(folder, "run"));
            Assert.Equal(["manifest.json", "metrics.csv", "scenario.yaml", "summary.json"], Directory.GetFiles(Path.Combine(folder, "run")).Select(Path.GetFileName).Order().ToArray());
            var cli = await CliProcess.Run("run", Path.Combine(folder, "run", "scenario.yaml"), "--seed", workshop.Catalogue.Scenario.Spec.Seed.ToString(CultureInfo.InvariantCulture), "--out", cliOut);
            Assert.True(cli.ExitCode == 0, cli.StdErr);
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(cliOut, "summary.json")));
            var cliDeaths = summary.RootElement.GetProperty("headline").GetProperty("overdose_deaths_total").GetDouble(); // one replicate: the run's own value
            Assert.Equal(cliDeaths, shown);
            Assert.Equal(Math.Round(cliDeaths, MidpointRounding.AwayFromZero).ToString("#,0", CultureInfo.InvariantCulture), shownText);
            Assert.Equal(File.ReadAllBytes(Path.Combine(cliOut, "metrics.csv")), File.ReadAllBytes(Path.Combine(folder, "run", "metrics.csv")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            Directory.Delete(cliOut, recursive: true);
        }

        // When the run is pinned, class scheduling is switched off, and the scenario runs again
        await page.ClickAsync("#pin");
        await page.UncheckAsync("#lever-i2\\.on");
        await page.SelectOptionAsync("#speed", "0");
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#status[data-run='2'][data-status=done]", new() { Timeout = 60_000 });

        // Then both runs are on the same charts (the pinned one dashed) and the numbers show the difference
        Assert.Equal(2, await page.Locator("#chart-0 path").CountAsync());
        Assert.Equal(1, await page.Locator("#chart-0 path[stroke-dasharray='5 4']").CountAsync());
        Assert.Contains("pinned:", await page.InnerTextAsync(".number"));
        Assert.Equal(1, await page.Locator("#deaths-total-diff").CountAsync());

        // When the dose-response panel sweeps US border interdiction over three points
        await page.SelectOptionAsync("#dose-lever", "added.border");
        await page.FillAsync("#dose-from", "0");
        await page.FillAsync("#dose-to", "4");
        await page.FillAsync("#dose-points", "3");
        await page.FillAsync("#dose-replicates", "1");
        await page.ClickAsync("#dose-run");
        await page.WaitForSelectorAsync("#dose-explanation h2", new() { Timeout = 90_000 });

        // Then it draws the effect and the marginal effect of each step, and explains them in words
        Assert.Equal(3, await page.Locator("#dose-effect circle").CountAsync());
        Assert.Equal(2, await page.Locator("#dose-marginal rect").CountAsync());
        Assert.Contains("Moving US border interdiction from 0 to 4", await page.InnerTextAsync("#dose-explanation"));
        Assert.Contains("What ate the effect:", await page.InnerTextAsync("#dose-explanation"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetDirectoryName(screenshot)!, "quickstart-pinned-and-dose.png"), FullPage = true });
        Assert.Empty(errors);
    }
}
