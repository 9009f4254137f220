using System.Globalization;
using SupplySim.Experiments;
using SupplySim.Experiments.Analysis;
using SupplySim.Experiments.Running;
using SupplySim.Model.Metrics;
using SupplySim.Scenarios;

namespace SupplySim.Workshop;

/// <summary>What the page asks the dose-response panel for: one number lever over a range, with replicates.</summary>
public sealed record DoseRequest(string Lever, double From, double To, int Points, int Replicates);

/// <summary>The panel's answer: per point the effect, per step the marginal effect and whether returns diminished there, and the explanation.</summary>
public sealed record DoseResult(string Lever, string Label, string Path, string Outcome, IReadOnlyList<DosePointView> Points, IReadOnlyList<DoseStepView> Steps,
    int? DiminishingStep, IReadOnlyList<string> Explanation, string CommandLine);

public sealed record DosePointView(double X, double? Mean, double? Low, double? High);

public sealed record DoseStepView(int Step, double From, double To, double? Marginal, double? Low, double? High, double? ShareOfFirst, bool Diminished);

/// <summary>
/// The dose-response panel's sweep, run by the same machinery as `supplysim sweep`: the current levers written
/// as one scenario file, the chosen lever varied by its YAML path (<see cref="ExperimentPlan.ForSweep"/>), every
/// point × replicate on common seeds (<see cref="ExperimentRunner"/>), and <see cref="DoseResponse"/> for the
/// marginal effects and where returns diminish. The reactions are read from each run's own metrics.csv.
/// </summary>
public sealed class DoseSweep : IExperimentProgress, IRunProgress
{
    public const int MaxPoints = 11, MaxReplicates = 10;

    private int _done, _total;
    public int Done => _done;
    public int Total => _total;
    public DoseResult? Result { get; private set; }
    public string? Error { get; private set; }
    public Task Completion { get; private set; } = Task.CompletedTask;
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Checks the request (a <see cref="LeverValueException"/> names what is wrong) and starts the sweep in <paramref name="directory"/>.</summary>
    public static DoseSweep Start(IGrainFactory grains, LeverCatalogue catalogue, IReadOnlyDictionary<string, string> levers, DoseRequest request, ulong seed, string directory)
    {
        var lever = catalogue.Find(request.Lever) ?? throw new LeverValueException($"unknown lever '{request.Lever}'; this scenario's levers: {string.Join(", ", catalogue.Levers.Select(l => l.Id))}");
        if (!lever.Sweepable) throw new LeverValueException($"lever '{lever.Id}' ({lever.Label}) is a {lever.Kind.ToString().ToLowerInvariant()}; pick a number lever to sweep");
        var from = lever.Check(LeverSlider.Format(request.From), catalogue.Start, catalogue.End);
        var to = lever.Check(LeverSlider.Format(request.To), catalogue.Start, catalogue.End);
        if (request.From == request.To) throw new LeverValueException($"sweep of '{lever.Id}': from and to are both {from}; give a range");
        if (request.Points is < 3 or > MaxPoints) throw new LeverValueException($"sweep points must be a whole number from 3 to {MaxPoints}, got {request.Points}");
        if (request.Replicates is < 1 or > MaxReplicates) throw new LeverValueException($"sweep replicates must be a whole number from 1 to {MaxReplicates}, got {request.Replicates}");

        var values = new Dictionary<string, string>(levers, StringComparer.Ordinal) { [lever.Id] = from };
        System.IO.Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, LiveRun.ScenarioFile);
        File.WriteAllText(file, catalogue.Edit(values).Write(catalogue.ScenarioFile));
        var path = catalogue.SweepPath(lever, values);
        var xs = Enumerable.Range(0, request.Points).Select(i => LeverSlider.Format(Math.Round(request.From + i * (request.To - request.From) / (request.Points - 1), 12))).ToArray();
        var sweep = SweepDefinition.Of([SweepAxis.List(path, xs)]);
        var command = $"supplysim sweep {LiveRun.ScenarioFile} --vary {path}={string.Join(",", xs)} --replicates {request.Replicates} --seed {seed}";
        var plan = ExperimentPlan.ForSweep(file, sweep, seed, request.Replicates, command);
        var run = new DoseSweep { _total = plan.Runs };
        run.Completion = Task.Run(() => run.Execute(grains, plan, lever, directory));
        return run;
    }

    public Task StopAsync() => _stop.CancelAsync();

    private async Task Execute(IGrainFactory grains, ExperimentPlan plan, LeverSlider lever, string dir)
    {
        try
        {
            await ExperimentRunner.RunAsync(grains, plan, dir, Math.Max(1, Environment.ProcessorCount), this, _stop.Token);
            var reactions = new RunReactions[plan.Arms.Count][];
            for (var a = 0; a < plan.Arms.Count; a++)
                reactions[a] = Enumerable.Range(0, plan.Replicates).Select(r => RunReactions.Read(Path.Combine(plan.RunDirectory(dir, a, r), ResultsAssembly.MetricsFile))).ToArray();
            ResultsAssembly.Assemble(plan, dir);
            var table = ReplicateTable.Read(dir, plan);
            var deaths = Outcomes.Find(Outcomes.Deaths)!;
            var line = DoseResponse.Of(table, plan.Sweep!, deaths)[0];
            double Mean(int arm, string key) => table.Values(arm, Outcomes.Find(key)!).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
            var points = line.Points.Select(p => new PointReactions(p.X, p.Outcome.Mean, Mean(p.Arm, Outcomes.Key(MetricCatalog.SupplyReachingUsersKg)),
                Mean(p.Arm, Outcomes.Key(MetricCatalog.SubstitutionIndex)), Mean(p.Arm, Outcomes.Key(MetricCatalog.DisplacementIndex, "origin")),
                Mean(p.Arm, Outcomes.Key(MetricCatalog.DisplacementIndex, "lab")),
                Mean(p.Arm, Outcomes.Key(MetricCatalog.RetailPotency)), Mean(p.Arm, Outcomes.Key(MetricCatalog.RetailPricePerMg)),
                reactions[p.Arm].Average(x => x.PrecursorKg), reactions[p.Arm].Average(x => x.ProductionKg),
                reactions[p.Arm].Select(x => x.TrustFinal).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average(),
                reactions[p.Arm].Select(x => x.ResidualShare).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average())).ToArray();
            Result = new DoseResult(lever.Id, lever.Label, plan.Sweep!.Axes[0].Path, deaths.Label,
                line.Points.Select(p => new DosePointView(p.X, N(p.Outcome.Mean), N(p.Outcome.CiLow), N(p.Outcome.CiHigh))).ToArray(),
                line.Steps.Select(s => new DoseStepView(s.Step, X(s.From), X(s.To), N(s.Marginal.Mean), N(s.Marginal.CiLow), N(s.Marginal.CiHigh), N(s.ShareOfFirst), s.Diminished)).ToArray(),
                line.DiminishingStep, ReactionExplanation.Explain(lever.Label, points, line.DiminishingStep), plan.CommandLine);
        }
        catch (Exception e)
        {
            Error = e is OperationCanceledException ? "stopped" : e.Message;
        }
    }

    internal static double? N(double v) => double.IsFinite(v) ? v : null;

    private static double X(string v) => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture);

    void IExperimentProgress.Started(ExperimentPlan plan, int parallel) { }

    IRunProgress IExperimentProgress.For(int job) => this;

    void IExperimentProgress.Completed(int job, RunOutcome outcome) => Interlocked.Increment(ref _done);

    void IRunProgress.Started(int ticks, int shards, long agents) { }

    void IRunProgress.Ticked(int tick, string date, IReadOnlyList<string> applied) { }
}
