using System.Net;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MlConnector.Deployment.Tests.KeyVault;

/// <summary>
/// Kestrel on 127.0.0.1 (random port, HTTPS with a throw-away certificate) speaking the Key Vault secrets
/// protocol, so the store is exercised through the real <see cref="SecretClient"/> pipeline: challenge,
/// token, retries, serialization and error mapping.
/// </summary>
internal sealed class FakeKeyVaultServer : IAsyncDisposable
{
    internal const string AccessToken = "fake-vault-access-token";
    internal const string TenantId = "00000000-0000-0000-0000-0000000000aa";

    private readonly WebApplication app;
    private readonly X509Certificate2 certificate;
    private readonly SecretVersionStore store;
    private readonly KeyVaultSecretsProtocol protocol;

    private FakeKeyVaultServer(WebApplication app, X509Certificate2 certificate, SecretVersionStore store, KeyVaultSecretsProtocol protocol, Uri vaultUri)
    {
        this.app = app;
        this.certificate = certificate;
        this.store = store;
        this.protocol = protocol;
        VaultUri = vaultUri;
    }

    internal Uri VaultUri { get; }

    internal IReadOnlyList<ObservedRequest> Requests => protocol.Observed;

    internal IReadOnlyList<StoredSecretVersion> Versions(string name) => store.Versions(name);

    /// <summary>
    /// SecretClient caches each vault's challenge per host and port for the whole process, so a server on a port an
    /// earlier test used would skip the challenge; every server here gets a port this process has not used yet.
    /// </summary>
    private static readonly HashSet<string> UsedAddresses = [];

    internal static async Task<FakeKeyVaultServer> StartAsync(TimeProvider time)
    {
        while (true)
        {
            FakeKeyVaultServer server = await StartOnAnyPortAsync(time);
            lock (UsedAddresses)
            {
                if (UsedAddresses.Add(server.VaultUri.Authority))
                {
                    return server;
                }
            }

            await server.DisposeAsync();
        }
    }

    private static async Task<FakeKeyVaultServer> StartOnAnyPortAsync(TimeProvider time)
    {
        X509Certificate2 certificate = LoopbackCertificate.Create(time);
        var store = new SecretVersionStore();
        var protocol = new KeyVaultSecretsProtocol(store, AccessToken, TenantId, time);

        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        WebApplication app = builder.Build();
        app.Run(protocol.HandleAsync);
        await app.StartAsync();

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new FakeKeyVaultServer(app, certificate, store, protocol, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Client options whose transport trusts only this server's certificate.</summary>
    internal SecretClientOptions ClientOptions()
    {
        byte[] trusted = certificate.RawData;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(trusted);

        var options = new SecretClientOptions
        {
            Transport = new HttpClientTransport(handler),
            // The challenge names vault.azure.net while the host is 127.0.0.1; real vaults pass this check.
            DisableChallengeResourceVerification = true,
        };
        options.Retry.MaxRetries = 0;
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        certificate.Dispose();
    }
}
