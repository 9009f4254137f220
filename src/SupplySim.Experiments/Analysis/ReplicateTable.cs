using SupplySim.Experiments;
using SupplySim.Experiments.Results;
using SupplySim.Grains;

namespace SupplySim.Experiments.Analysis;

/// <summary>
/// The headline outcomes of every run of an experiment, read back from replicates.csv: arms × outcomes ×
/// replicates numbers (a few per run, never per tick), which is all the statistics and tables need.
/// </summary>
public sealed class ReplicateTable
{
    private readonly double[][][] _values; // [arm][outcome][replicate]

    public ExperimentPlan Plan { get; }

    private ReplicateTable(ExperimentPlan plan, double[][][] values)
    {
        Plan = plan;
        _values = values;
    }

    /// <summary>The replicate values of a headline outcome for one arm, in replicate order (NaN where undefined).</summary>
    public double[] Values(int arm, Outcome outcome)
    {
        var i = Outcomes.Headline.ToList().FindIndex(o => o.Key == outcome.Key);
        return i >= 0 ? _values[arm][i] : throw new ArgumentException($"{outcome.Key} is not a headline outcome");
    }

    public static ReplicateTable Read(string outDir, ExperimentPlan plan)
    {
        var path = Path.Combine(outDir, ResultsAssembly.ReplicatesFile);
        if (!File.Exists(path)) throw new UserInputException($"{path} is missing; the experiment did not complete (rerun it)");
        var arms = plan.Arms.Select((a, i) => (a.Run, i)).ToDictionary(x => x.Run, x => x.i, StringComparer.Ordinal);
        var outcomes = Outcomes.Headline.Select((o, i) => (o.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var values = plan.Arms.Select(_ => Outcomes.Headline.Select(_ => Enumerable.Repeat(double.NaN, plan.Replicates).ToArray()).ToArray()).ToArray();
        using var reader = new StreamReader(path);
        if (reader.ReadLine() != ResultsAssembly.ReplicatesHeader) throw new UserInputException($"{path} does not start with the line {ResultsAssembly.ReplicatesHeader}");
        while (reader.ReadLine() is { } line)
        {
            var f = CsvLine.Split(line);
            if (f.Length != 5 || !arms.TryGetValue(f[0], out var arm) || !outcomes.TryGetValue(f[3], out var o) || !int.TryParse(f[1], out var r) || r < 0 || r >= plan.Replicates)
                throw new UserInputException($"{path}: a line does not match the experiment in manifest.json: {line}");
            values[arm][o][r] = CsvLine.Number(f[4]);
        }
        return new ReplicateTable(plan, values);
    }
}
