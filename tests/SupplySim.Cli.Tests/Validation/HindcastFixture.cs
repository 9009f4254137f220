using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests.Validation;

/// <summary>
/// One `supplysim hindcast` of the two-year tiny world (3 replicates, holdout from 2018) against a small observed
/// folder whose series exercise each fold: a yearly sum over the US regions, a quarter and a month of one region, a
/// relative change, a weighted mean of shares, a year outside the run and a series the scenario does not produce.
/// </summary>
public sealed class HindcastFixture : IAsyncLifetime
{
    public const string Mapping = """
        series,metric,filter,months,regions,weight,scale,transform
        overdose_deaths,overdose_deaths,,sum,sum,,1,level
        overdose_deaths_change,overdose_deaths,,sum,sum,,1,change
        moud_coverage,moud_coverage,,mean,mean,people{state=oud|moud},1,level
        registered_users,registered_users,,last,sum,,1,level
        """;

    public const string Data = """
        series,region,period,value,unit,definition,source,status
        overdose_deaths,US,2017,4000,people per year,test value,chosen for the test,final
        overdose_deaths,US,2018,9000,people per year,test value,chosen for the test,final
        overdose_deaths,US-NE,2018-Q1,800,people per quarter,test value,chosen for the test,final
        overdose_deaths,US-S,2018-03,30,people per month,test value,chosen for the test,provisional
        overdose_deaths_change,US,2018,0.1,relative change,test value,chosen for the test,final
        moud_coverage,US,2017,0.25,share,test value,chosen for the test,final
        overdose_deaths,US,2019,1000,people per year,after the run ends,chosen for the test,final
        registered_users,CN,2017,5,people,tiny has no register,chosen for the test,final
        """;

    public string Observed { get; } = Repo.TempDir("observed");
    public string Out { get; } = Repo.TempDir("hindcast");
    public CliProcess.Result Result { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        File.WriteAllText(Path.Combine(Observed, "mapping.csv"), Mapping);
        File.WriteAllText(Path.Combine(Observed, "test.csv"), Data);
        Result = await CliProcess.Run("hindcast", Path.Combine("tests", "Scenarios", "tiny.yaml"), "--replicates", "3",
            "--observed", Observed, "--out", Out, "--holdout-from", "2018");
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Observed, true);
        Directory.Delete(Out, true);
        return ValueTask.CompletedTask;
    }
}
