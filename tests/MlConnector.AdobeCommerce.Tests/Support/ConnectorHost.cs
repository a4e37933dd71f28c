using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Core.Secrets;
using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.AdobeCommerce.Tests.Support;

/// <summary>The connector wired exactly as the hosts wire it (AddAdobeCommerce), pointed at a simulator.</summary>
internal sealed class ConnectorHost : IAsyncDisposable
{
    private ConnectorHost(ServiceProvider services, InMemorySecretStore secrets)
    {
        Services = services;
        Secrets = secrets;
    }

    public ServiceProvider Services { get; }

    public InMemorySecretStore Secrets { get; }

    public static ConnectorHost Create(AdobeCommerceSimulator? simulator, Dictionary<string, string?> settings, Action<InMemorySecretStore>? secrets = null)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AdobeCommerce:BaseUrl"] = simulator?.RestBaseAddress.AbsoluteUri ?? "http://127.0.0.1:9/rest/default/",
            ["AdobeCommerce:ConsumerKey"] = simulator?.Options.ConsumerKey ?? "key",
            ["AdobeCommerce:AccessToken"] = simulator?.Options.AccessToken ?? "token",
            ["AdobeCommerce:ImsClientId"] = simulator?.Options.ImsClientId,
            ["AdobeCommerce:ImsOrgId"] = simulator?.Options.ImsOrgId,
        };
        if (simulator is not null)
        {
            all["AdobeCommerce:ImsTokenUrl"] = simulator.ImsTokenUrl.AbsoluteUri;
        }

        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var store = new InMemorySecretStore();
        if (simulator is not null)
        {
            store.Set(AdobeCommerceSecretNames.ConsumerSecret, simulator.Options.ConsumerSecret)
                .Set(AdobeCommerceSecretNames.AccessTokenSecret, simulator.Options.AccessTokenSecret)
                .Set(AdobeCommerceSecretNames.IntegrationToken, simulator.Options.AccessToken)
                .Set(AdobeCommerceSecretNames.ImsClientSecret, simulator.Options.ImsClientSecret);
        }

        secrets?.Invoke(store);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<ISecretStore>(store)
            .AddAdobeCommerce(configuration);
        return new ConnectorHost(services.BuildServiceProvider(), store);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public T Keyed<T>(string key)
        where T : notnull => Services.GetRequiredKeyedService<T>(key);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
