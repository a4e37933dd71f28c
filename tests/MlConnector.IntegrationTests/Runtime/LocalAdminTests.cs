using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using MlConnector.Pipeline.Secrets;
using MlConnector.Runtime;
using MlConnector.Runtime.Admin;

namespace MlConnector.IntegrationTests.Runtime;

/// <summary>The local runtime's admin endpoints: open to this machine on a loopback listener, token-only beyond it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalAdminTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _secrets = Path.Combine(Path.GetTempPath(), "mlc-admin-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_secrets))
        {
            Directory.Delete(_secrets, recursive: true);
        }
    }

    [Fact]
    public async Task On_a_loopback_listener_admin_calls_from_this_machine_need_no_token()
    {
        var port = FreePort();
        await using var app = LocalRuntime.Build(Configuration(_secrets), $"http://127.0.0.1:{port}");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var status = await http.GetAsync("api/admin/status");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task On_a_listener_open_to_the_network_admin_calls_need_the_token_that_the_first_run_created_and_webhooks_stay_open()
    {
        var port = FreePort();
        await using var app = LocalRuntime.Build(Configuration(_secrets), $"http://0.0.0.0:{port}");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var token = await new EncryptedFileSecretStore(_secrets).GetSecretAsync(AdminAccess.SecretName, CancellationToken.None);

        using var anonymous = await http.PostAsync("api/admin/replay", content: null);
        using var wrong = await SendAsync(http, HttpMethod.Get, "api/admin/status", "guess");
        using var withToken = await SendAsync(http, HttpMethod.Get, "api/admin/status", token);
        using var webhook = await http.PostAsync("api/webhooks/adobe-commerce", new StringContent("{}"));

        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("mlc admin token", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode); // reached the webhook endpoint (no such flow here), not the admin guard
        await app.StopAsync();
    }

    [Fact]
    public async Task A_listener_open_to_the_network_without_a_usable_secret_store_refuses_to_start()
    {
        var notAFolder = Path.Combine(_secrets, "file");
        Directory.CreateDirectory(_secrets);
        await File.WriteAllTextAsync(notAFolder, "a file where the secret folder should be");
        var port = FreePort();
        await using var app = LocalRuntime.Build(Configuration(Path.Combine(notAFolder, "secrets")), $"http://0.0.0.0:{port}");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("admin endpoints need a token", refused.Message, StringComparison.Ordinal);
    }

    private IConfiguration Configuration(string secretsFolder) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Pipeline:NamePrefix"] = "a" + Guid.NewGuid().ToString("N")[..10],
        ["SecretStore:LocalPath"] = secretsFolder,
    }).Build();

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? bearer)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return http.SendAsync(request);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
