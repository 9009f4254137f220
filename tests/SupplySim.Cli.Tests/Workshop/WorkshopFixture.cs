using SupplySim.Hosting;
using SupplySim.Testing;
using SupplySim.Workshop;
using Xunit;

namespace SupplySim.Cli.Tests.Workshop;

/// <summary>A workshop server on the quickstart, in process: an embedded silo and Kestrel on a free 127.0.0.1 port.</summary>
public sealed class WorkshopFixture : IAsyncLifetime
{
    private EmbeddedSilo? _silo;

    public WorkshopServer Server { get; private set; } = null!;
    public LeverCatalogue Catalogue { get; private set; } = null!;
    public string WorkDir { get; } = Repo.TempDir("workshop");
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask InitializeAsync()
    {
        Catalogue = LeverCatalogue.For(Repo.Scenario("quickstart.yaml"));
        _silo = await EmbeddedSilo.StartAsync(CancellationToken.None);
        Server = await WorkshopServer.StartAsync(Catalogue, _silo.Grains, 0, WorkDir, CancellationToken.None);
        Http.BaseAddress = new Uri(Server.Url);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        if (_silo is not null) await _silo.DisposeAsync();
        try { Directory.Delete(WorkDir, recursive: true); }
        catch (IOException) { }
    }
}
