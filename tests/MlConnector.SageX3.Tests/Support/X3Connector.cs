using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.Http;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SageX3.Auth;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Core.Documents;
using MlConnector.Core.Secrets;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests.Support;

/// <summary>Builds the connector as a host would (AddSageX3 from configuration) pointed at a simulator.</summary>
public static class X3Connector
{
    public static ServiceProvider Build(SageX3Simulator simulator, SageX3Mode mode, ISecretStore? secrets = null, TimeProvider? time = null, IDictionary<string, string?>? overrides = null, TimeSpan? attemptTimeout = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SageX3:ServerUrl"] = simulator.BaseAddress.ToString(),
            ["SageX3:Endpoint"] = "SEED",
            ["SageX3:Mode"] = mode.ToString(),
            ["SageX3:User"] = "admin",
            ["SageX3:ClientId"] = mode == SageX3Mode.Cloud ? simulator.Options.CloudClientId : simulator.Options.ConnectedAppClientId,
            ["SageX3:CloudGatewayUrl"] = simulator.CloudGatewayAddress.ToString(),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings["SageX3:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton(secrets ?? Secrets(simulator));
        services.AddSageX3(configuration, new ConnectorResilienceOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(10), AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(30) });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public static InMemorySecretStore Secrets(SageX3Simulator simulator)
    {
        var store = new InMemorySecretStore();
        store.SetSecretAsync(SageX3SecretNames.RestPassword, simulator.Options.Users["admin"], default).GetAwaiter().GetResult();
        store.SetSecretAsync(SageX3SecretNames.GraphQlClientSecret, simulator.Options.ConnectedAppSecret, default).GetAwaiter().GetResult();
        store.SetSecretAsync(SageX3SecretNames.CloudClientSecret, simulator.Options.CloudClientSecret, default).GetAwaiter().GetResult();
        return store;
    }

    /// <summary>Builds a Cloud-mode connector and completes the pairing with a code the simulated X3 user approved.</summary>
    public static async Task<ServiceProvider> BuildPairedCloudAsync(SageX3Simulator simulator, ISecretStore secrets, TimeProvider? time = null)
    {
        var provider = Build(simulator, SageX3Mode.Cloud, secrets, time);
        await provider.GetRequiredService<SageX3CloudPairing>().CompleteAsync(simulator.ApprovePairing(), CancellationToken.None);
        return provider;
    }

    public static async Task<List<PurchaseOrder>> ReadAllPurchaseOrdersAsync(this IServiceProvider provider, DateTimeOffset? since = null)
    {
        var orders = new List<PurchaseOrder>();
        await foreach (var page in provider.GetRequiredService<SageX3Reader>().ReadPurchaseOrdersAsync(since, CancellationToken.None))
        {
            orders.AddRange(page.Items.Select(i => i.Document));
        }

        return orders;
    }

    public static async Task<List<Shipment>> ReadAllShipmentsAsync(this IServiceProvider provider)
    {
        var shipments = new List<Shipment>();
        await foreach (var page in provider.GetRequiredService<SageX3Reader>().ReadShipmentsAsync(null, CancellationToken.None))
        {
            shipments.AddRange(page.Items.Select(i => i.Document));
        }

        return shipments;
    }
}
