using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MlConnector.Simulators.Common;

/// <summary>
/// Runs one simulated external system as a real ASP.NET Core app on loopback (Kestrel, port chosen by the OS
/// unless given), with the shared fault switches and request journal in front of its endpoints.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorServer(WebApplication app, Uri baseAddress, FaultSwitches faults, RequestJournal journal, AnswerRewrites rewrites)
    {
        Rewrites = rewrites;
        _app = app;
        BaseAddress = baseAddress;
        Faults = faults;
        Journal = journal;
    }

    /// <summary>Root of the simulator, always ending in a slash, e.g. <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseAddress { get; }

    public FaultSwitches Faults { get; }

    public RequestJournal Journal { get; }

    /// <summary>Test hook: rewrites rows of this simulator's JSON answers (off while empty).</summary>
    public AnswerRewrites Rewrites { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="name">Shown in logs and the journal.</param>
    /// <param name="configureServices">Registers the simulator's state (singletons).</param>
    /// <param name="mapEndpoints">Maps the simulated API.</param>
    /// <param name="url">Listen address; loopback with an OS-chosen port by default.</param>
    public static async Task<SimulatorServer> StartAsync(
        string name,
        Action<IServiceCollection> configureServices,
        Action<WebApplication> mapEndpoints,
        string url = "http://127.0.0.1:0",
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var faults = new FaultSwitches();
        var journal = new RequestJournal(name);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(journal);
        var rewrites = new AnswerRewrites();
        builder.Services.AddSingleton(rewrites);
        configureServices(builder.Services);

        var app = builder.Build();
        app.UseMiddleware<SimulatorMiddleware>();
        SimulatorAdminEndpoints.Map(app);
        mapEndpoints(app);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SimulatorServer(app, new Uri(address.TrimEnd('/') + "/"), faults, journal, rewrites);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
