using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Access;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Stages;
using MlConnector.Runtime;
using MlConnector.Runtime.Azurite;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.OperatorConsole.Tests.Support;

/// <summary>
/// Demo-like data behind two consoles on one store: Azurite, the simulators, and the local runtime as `mlc demo` runs it
/// (loopback: the person at the machine is an Operator), plus a second runtime configured as in Azure, where the caller
/// is whoever the built-in authentication says (X-MS-CLIENT-PRINCIPAL), with authentication on (WEBSITE_AUTH_ENABLED).
/// Procurify purchase orders are synced once, a share of them rejected for an unmapped vendor or an unknown account.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private string? _secrets;

    public Sandbox.Sandbox Sandbox { get; private set; } = null!;

    public WebApplication Local { get; private set; } = null!;

    public WebApplication Azure { get; private set; } = null!;

    public Uri LocalAddress { get; private set; } = null!;

    public Uri AzureAddress { get; private set; } = null!;

    public SeedScenario Procurify { get; private set; } = null!;

    public IServiceProvider Services => Local.Services;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(dataDirectory: null);
        Sandbox = await MlConnector.Sandbox.Sandbox.StartAsync();
        var prefix = "console" + DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
        _secrets = Directory.CreateTempSubdirectory("mlc-console-secrets").FullName;
        var settings = new Dictionary<string, string?>(Sandbox.Settings(_azurite.ConnectionString, prefix, _secrets))
        {
            // Only manual syncs: a timer firing mid-test would make counts move under the assertions.
            ["ProcurifyX3_Schedule"] = "0 0 0 1 1 *",
            ["ProcurifyRequisitionsX3_Schedule"] = "0 0 0 1 1 *",
            ["JaggaerSuppliersX3_Schedule"] = "0 0 0 1 1 *",
            ["JaggaerX3_Schedule"] = "0 0 0 1 1 *",
            ["SpsX3_Schedule"] = "0 0 0 1 1 *",
            ["X3SpsAcks_Schedule"] = "0 0 0 1 1 *",
            ["X3SpsInvoices_Schedule"] = "0 0 0 1 1 *",
            ["X3AdobeFulfillment_Schedule"] = "0 0 0 1 1 *",
            ["X3Stedi_Schedule"] = "0 0 0 1 1 *",
            ["X3StediInvoices_Schedule"] = "0 0 0 1 1 *",
            ["Maintenance_Schedule"] = "0 0 0 1 1 *",
        };
        LocalAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        Local = LocalRuntime.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), LocalAddress.ToString().TrimEnd('/'));
        await Sandbox.StoreSecretsAsync(Local.Services.GetRequiredService<Core.Secrets.ISecretStore>(), CancellationToken.None);
        await Local.StartAsync();

        AzureAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var azureSettings = new Dictionary<string, string?>(settings) { [EasyAuthAccess.AuthEnabledSetting] = "True" };
        Azure = LocalRuntime.Build(
            new ConfigurationBuilder().AddInMemoryCollection(azureSettings).Build(),
            AzureAddress.ToString().TrimEnd('/'),
            services => services.AddSingleton<IOperatorAccess, EasyAuthAccess>());
        await Azure.StartAsync();

        Procurify = await Sandbox.SeedProcurifyAsync(new SeedRequest { PurchaseOrders = 20, LinesPerOrder = 2, UnmappableShare = 0.2, ApprovedRequisitions = 0 }, Services.GetRequiredService<TableMappingTables>(), CancellationToken.None);
        await SyncAsync("procurify-x3");
    }

    public async Task SyncAsync(string flow)
    {
        await Services.GetRequiredService<FlowPoller>().PollAsync(flow, CancellationToken.None);
        await DrainAsync();
    }

    /// <summary>Waits until the local runtime's workers have nothing left in the map and write queues.</summary>
    public async Task DrainAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Services.GetRequiredService<PipelineBacklog>().WaitUntilEmptyAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await Azure.DisposeAsync();
        await Local.DisposeAsync();
        await Sandbox.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (_secrets is not null)
        {
            Directory.Delete(_secrets, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "Console";
}
