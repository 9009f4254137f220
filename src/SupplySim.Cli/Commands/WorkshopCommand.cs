using System.CommandLine;
using Spectre.Console;
using SupplySim.Grains;
using SupplySim.Hosting;
using SupplySim.Workshop;

namespace SupplySim.Cli.Commands;

/// <summary>
/// `supplysim workshop [SCENARIO] [--port N]`: serves the workshop page on 127.0.0.1 (docs/workshop.md): the
/// scenario's question, its levers, live charts tick by tick, a dose-response panel and side-by-side runs, on
/// an embedded silo, with the same engine and numbers as `supplysim run`.
/// </summary>
public static class WorkshopCommand
{
    public const int DefaultPort = 5080;

    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Argument<string?>("scenario") { Description = "Scenario file (.yaml); default: scenarios/quickstart.yaml.", Arity = ArgumentArity.ZeroOrOne };
        var port = new Option<int?>("--port")
        {
            Description = $"Port on 127.0.0.1 (default {DefaultPort}; 0 picks a free one). The page is served on loopback only.",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p <= 65535) return p;
                r.AddError($"--port must be a whole number from 0 to 65535, got '{text}'");
                return null;
            },
        };
        var cmd = new Command("workshop", "Serve a workshop page on 127.0.0.1: the scenario's question, sliders for its levers, live charts, dose-response and side-by-side runs (docs/workshop.md).");
        cmd.Arguments.Add(scenario);
        cmd.Options.Add(port);
        cmd.SetAction(async (parse, cancellation) =>
        {
            var file = parse.GetValue(scenario) ?? DefaultScenario();
            var catalogue = LeverCatalogue.For(file); // a mistake in the file is one located line, before anything starts
            var p = parse.GetValue(port) ?? DefaultPort;
            if (p != 0) ListenPort.EnsureFree(p, "--port");
            var work = Path.Combine(Path.GetTempPath(), $"supplysim-workshop-{Environment.ProcessId}");
            await using var silo = await EmbeddedSilo.StartAsync(cancellation);
            WorkshopServer server;
            try { server = await WorkshopServer.StartAsync(catalogue, silo.Grains, p, work, cancellation); }
            catch (Exception e) when (ListenPort.IsAddressInUse(e))
            {
                throw new UserInputException($"--port {p}: port {p} is in use on 127.0.0.1; choose another port or stop what listens there");
            }
            await using (server)
            {
                console.MarkupLineInterpolated($"[bold]{catalogue.Scenario.Spec.Name}[/]: {catalogue.Scenario.Spec.Question}");
                console.Profile.Out.Writer.WriteLine($"workshop ready: {server.Url}  (open it in a browser; Ctrl+C stops)");
                console.Profile.Out.Writer.Flush();
                try { await Task.Delay(Timeout.Infinite, cancellation); }
                catch (OperationCanceledException) { }
            }
            try { Directory.Delete(work, recursive: true); }
            catch (IOException) { }
            console.WriteLine("workshop stopped");
            return SupplySimCommand.Ok;
        });
        return cmd;
    }

    private static string DefaultScenario()
    {
        var dir = ScenariosCommand.Shipped() ?? throw new UserInputException("no scenario given and no scenarios/ folder here or beside supplysim; give a scenario file, e.g. supplysim workshop scenarios/quickstart.yaml");
        return Path.Combine(dir, "quickstart.yaml");
    }
}
