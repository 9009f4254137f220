using System.CommandLine;
using Spectre.Console;
using SupplySim.Grains;
using SupplySim.Scenarios;

namespace SupplySim.Cli.Commands;

/// <summary>
/// The `supplysim` command line. Exit codes (docs/experiments.md#exit-codes): 0 done, 1 internal error (a bug), 2 bad
/// input or an unusable cluster, 3 the results could not be stored (disk full, read-only or forbidden folder),
/// 130 interrupted by Ctrl+C (SIGINT), 143 stopped by SIGTERM.
/// </summary>
public static class SupplySimCommand
{
    public const int Ok = 0, Bug = 1, BadInput = 2, OutputFailed = 3, Interrupted = 130, Terminated = 143;

    public const string ExitCodes = "Exit codes: 0 done, 1 a bug, 2 bad input or an unusable cluster, 3 results could not be stored (disk full, read-only or forbidden folder), 130 Ctrl+C, 143 SIGTERM.";

    /// <summary>The command tree, every subcommand and option (also read by the tests of deploy/'s command lines).</summary>
    public static RootCommand Create(IAnsiConsole console)
    {
        var root = new RootCommand("SupplySim: an agent-based simulation of the synthetic-opioid supply chain, from chemical supplier to overdose. " + ExitCodes);
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(CompareCommand.Create(console));
        root.Subcommands.Add(SweepCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(ScenariosCommand.Create(console));
        root.Subcommands.Add(SchemaCommand.Create(console));
        root.Subcommands.Add(CalibrateCommand.Create(console));
        root.Subcommands.Add(HindcastCommand.Create(console));
        root.Subcommands.Add(SiloCommand.Create(console));
        root.Subcommands.Add(WorkshopCommand.Create(console));
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, IAnsiConsole? console = null)
    {
        if (console is null)
        {
            console = AnsiConsole.Console;
            // Redirected to a file or pipe there is no terminal to fit: do not wrap tables and lines at 80 columns.
            if (Console.IsOutputRedirected) console.Profile.Width = 200;
        }
        var root = Create(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // An unrecognised word says more than the "command not provided" that accompanies it.
            var error = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
            var command = parsed.CommandResult.Command == root ? "supplysim" : $"supplysim {parsed.CommandResult.Command.Name}";
            Error(console, $"{error.Message.TrimEnd('.')} (see `{command} --help`)");
            return BadInput;
        }
        using var signals = new TerminationSignals();
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, signals.Token);
        }
        catch (ScenarioException e)
        {
            Error(console, e.Message);
            return BadInput;
        }
        catch (UserInputException e)
        {
            Error(console, e.Message);
            return BadInput;
        }
        catch (Experiments.Running.ClusterLostException e)
        {
            Error(console, e.Message);
            return BadInput;
        }
        catch (Experiments.Results.OutputFailureException e)
        {
            Error(console, e.Message);
            return OutputFailed;
        }
        catch (OperationCanceledException e)
        {
            Error(console, e is Experiments.ExperimentInterruptedException ? e.Message : "interrupted");
            return signals.Terminated ? Terminated : Interrupted;
        }
        catch (Exception e) when (Experiments.Results.OutputFailure.Describe(e) is { } line)
        {
            Error(console, line);
            return OutputFailed;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable(DebugVariable) is not "1")
        {
            // A bug, or a failure of the cluster nobody foresaw: still one line (set SUPPLYSIM_DEBUG=1 for the stack trace).
            Error(console, $"internal error: {Grains.SerializableExceptions.Describe(e)} (set {DebugVariable}=1 for details)");
            return Bug;
        }
    }

    /// <summary>Set to 1 to let an internal error end the process with its stack trace.</summary>
    public const string DebugVariable = "SUPPLYSIM_DEBUG";

    public static void Error(IAnsiConsole console, string message)
        => Console.Error.WriteLine($"error: {message}");
}
