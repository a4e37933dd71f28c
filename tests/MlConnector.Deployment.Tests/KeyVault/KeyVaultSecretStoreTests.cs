using Azure.Security.KeyVault.Secrets;
using MlConnector.Pipeline.Secrets;

namespace MlConnector.Deployment.Tests.KeyVault;

public sealed class KeyVaultSecretStoreTests : IAsyncLifetime
{
    private readonly TimeProvider time = TimeProvider.System;
    private FakeKeyVaultServer server = null!;
    private RecordingTokenCredential credential = null!;
    private KeyVaultSecretStore store = null!;

    public async Task InitializeAsync()
    {
        server = await FakeKeyVaultServer.StartAsync(time);
        credential = new RecordingTokenCredential(FakeKeyVaultServer.AccessToken, time);
        store = new KeyVaultSecretStore(server.VaultUri, credential, server.ClientOptions());
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Set_then_get_returns_the_value()
    {
        await store.SetSecretAsync("procurify-client-secret", "s3cret-value", CancellationToken.None);

        string? value = await store.GetSecretAsync("procurify-client-secret", CancellationToken.None);

        Assert.Equal("s3cret-value", value);
    }

    [Fact]
    public async Task First_request_is_challenged_then_a_vault_scoped_token_is_used()
    {
        await store.SetSecretAsync("x3-rest-password", "pw", CancellationToken.None);

        IReadOnlyList<ObservedRequest> requests = server.Requests;
        Assert.False(requests[0].HadAuthorization);
        Assert.All(requests.Skip(1), r => Assert.True(r.HadAuthorization));
        Assert.Contains(requests, r => r is { Method: "PUT", Path: "/secrets/x3-rest-password", HadAuthorization: true });

        Azure.Core.TokenRequestContext tokenRequest = Assert.Single(credential.Requests);
        Assert.Equal(["https://vault.azure.net/.default"], tokenRequest.Scopes);
        Assert.Equal(FakeKeyVaultServer.TenantId, tokenRequest.TenantId);
    }

    [Fact]
    public async Task Rotated_refresh_token_written_twice_keeps_two_versions_and_reads_the_newest()
    {
        const string name = "x3-cloud-refresh-token";
        await store.SetSecretAsync(name, "refresh-token-1", CancellationToken.None);
        await store.SetSecretAsync(name, "refresh-token-2", CancellationToken.None);

        IReadOnlyList<StoredSecretVersion> versions = server.Versions(name);
        Assert.Equal(2, versions.Count);
        Assert.NotEqual(versions[0].Version, versions[1].Version);
        Assert.Equal("refresh-token-2", await store.GetSecretAsync(name, CancellationToken.None));

        // The older version stays readable by its version id (GET /secrets/{name}/{version}).
        var client = new SecretClient(server.VaultUri, credential, server.ClientOptions());
        KeyVaultSecret first = (await client.GetSecretAsync(name, versions[0].Version)).Value;
        Assert.Equal("refresh-token-1", first.Value);
        Assert.Equal(versions[0].Version, first.Properties.Version);
    }

    [Fact]
    public async Task Missing_secret_reads_as_null()
    {
        string? value = await store.GetSecretAsync("x3-cloud-client-secret", CancellationToken.None);

        Assert.Null(value);
        Assert.Contains(server.Requests, r => r is { Method: "GET", Path: "/secrets/x3-cloud-client-secret", HadAuthorization: true });
    }

    [Theory]
    [InlineData("x3_rest_password")]
    [InlineData("x3 rest password")]
    [InlineData("adobe/commerce")]
    [InlineData("")]
    public async Task Invalid_name_fails_with_a_clear_error_before_any_call(string name)
    {
        ArgumentException getError = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => store.GetSecretAsync(name, CancellationToken.None));
        ArgumentException setError = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => store.SetSecretAsync(name, "value", CancellationToken.None));

        Assert.Contains("Secret name", getError.Message, StringComparison.Ordinal);
        Assert.Contains("Secret name", setError.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Name_longer_than_key_vault_allows_is_rejected()
    {
        ArgumentException error = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => store.GetSecretAsync(new string('a', 128), CancellationToken.None));

        Assert.Contains("1 to 127", error.Message, StringComparison.Ordinal);
    }
}
