using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlConnector.Connectors.Http;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core.Diagnostics;
using MlConnector.Core.Flows;
using MlConnector.Core.Secrets;
using MlConnector.Simulators.Common;
using MlConnector.Simulators.SpsCommerce;

namespace MlConnector.SpsCommerce.Tests.Support;

/// <summary>An SPS Commerce simulator on loopback and a real client container pointed at it.</summary>
internal sealed class SpsHarness : IAsyncDisposable
{
    private SpsHarness(SpsCommerceSimulator simulator, ServiceProvider services)
    {
        Simulator = simulator;
        Services = services;
    }

    public SpsCommerceSimulator Simulator { get; }

    public ServiceProvider Services { get; }

    public SpsCommerceClient Client => Services.GetRequiredService<SpsCommerceClient>();

    public ISourceStream Orders => Services.GetRequiredKeyedService<ISourceStream>(SpsCommerceNames.OrderStream);

    public IConnectionCheck ConnectionCheck => Services.GetServices<IConnectionCheck>().OfType<SpsCommerceConnectionCheck>().Single();

    public static async Task<SpsHarness> StartAsync(
        string? secret = null,
        int pageSize = 100,
        string? audience = null,
        string? ordersFolder = null,
        SpsCommerceSimulatorOptions? simulatorOptions = null,
        TimeProvider? time = null)
    {
        var simulator = await SpsCommerceSimulator.StartAsync(simulatorOptions ?? new SpsCommerceSimulatorOptions { Time = time ?? TimeProvider.System });
        var settings = new Dictionary<string, string?>
        {
            ["SpsCommerce:ApiUrl"] = simulator.BaseAddress.ToString(),
            ["SpsCommerce:TokenUrl"] = simulator.TokenAddress.ToString(),
            ["SpsCommerce:ClientId"] = simulator.Options.ClientId,
            ["SpsCommerce:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (audience is not null)
        {
            settings["SpsCommerce:Audience"] = audience;
        }

        if (ordersFolder is not null)
        {
            settings["SpsCommerce:OrdersFolder"] = ordersFolder;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var secrets = new InMemorySecretStore();
        await secrets.SetSecretAsync(SpsCommerceSecretNames.ClientSecret, secret ?? simulator.Options.ClientSecret, CancellationToken.None);
        var services = new ServiceCollection().AddSingleton<ISecretStore>(secrets).AddLogging(logging => logging.AddProvider(Log));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSpsCommerce(configuration, resilience =>
        {
            resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
            resilience.MaxRetryAttempts = 3;
        });
        return new SpsHarness(simulator, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    /// <summary>Every log line the connector wrote (to check no secret leaks).</summary>
    public static CapturingLoggerProvider Log { get; } = new();

    public async Task<List<SourceRecord>> ReadAllAsync()
    {
        var records = new List<SourceRecord>();
        await foreach (var page in Orders.ReadAsync(StreamPosition.Beginning, CancellationToken.None))
        {
            records.AddRange(page.Records);
        }

        return records;
    }

    /// <summary>The Transaction API calls the simulator saw (token requests excluded).</summary>
    public List<JournalEntry> ApiCalls(string method = "GET") =>
        [.. Simulator.Journal.Entries.Where(entry => entry.Method == method && entry.Path.StartsWith("/transactions/v5/", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
    }
}
