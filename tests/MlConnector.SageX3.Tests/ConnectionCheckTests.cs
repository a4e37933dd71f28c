using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Core.Diagnostics;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

/// <summary><c>mlc ping</c> names the part of the X3 settings that is wrong.</summary>
public sealed class ConnectionCheckTests : IAsyncLifetime
{
    private SageX3Simulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await SageX3Simulator.StartAsync();

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Theory]
    [InlineData(SageX3Mode.Rest)]
    [InlineData(SageX3Mode.GraphQl)]
    public async Task A_correct_configuration_passes(SageX3Mode mode)
    {
        var result = await CheckAsync(X3Connector.Build(_simulator, mode));

        Assert.True(result.Succeeded, result.Detail);
        Assert.Contains("X3 folder SEED", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_as_the_url()
    {
        var result = await CheckAsync(X3Connector.Build(_simulator, SageX3Mode.Rest, overrides: new Dictionary<string, string?> { ["ServerUrl"] = "http://127.0.0.1:1/" }));

        Assert.Equal(ConnectionPart.Url, result.FailingPart);
        Assert.Contains("Cannot reach X3 at http://127.0.0.1:1/", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SageX3Mode.Rest)]
    [InlineData(SageX3Mode.GraphQl)]
    public async Task An_unknown_folder_is_reported_as_the_folder(SageX3Mode mode)
    {
        var result = await CheckAsync(X3Connector.Build(_simulator, mode, overrides: new Dictionary<string, string?> { ["Endpoint"] = "SEEDX" }));

        Assert.Equal(ConnectionPart.Folder, result.FailingPart);
        Assert.Contains("SEEDX", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_as_the_credential()
    {
        var secrets = X3Connector.Secrets(_simulator);
        await secrets.SetSecretAsync(SageX3SecretNames.RestPassword, "not-the-password", CancellationToken.None);

        var result = await CheckAsync(X3Connector.Build(_simulator, SageX3Mode.Rest, secrets));

        Assert.Equal(ConnectionPart.Credential, result.FailingPart);
        Assert.DoesNotContain("not-the-password", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_connected_app_secret_is_reported_as_the_credential()
    {
        var secrets = X3Connector.Secrets(_simulator);
        await secrets.SetSecretAsync(SageX3SecretNames.GraphQlClientSecret, "wrong-secret", CancellationToken.None);

        var result = await CheckAsync(X3Connector.Build(_simulator, SageX3Mode.GraphQl, secrets));

        Assert.Equal(ConnectionPart.Credential, result.FailingPart);
    }

    [Fact]
    public async Task An_unknown_representation_is_reported_as_the_representation()
    {
        var result = await CheckAsync(X3Connector.Build(_simulator, SageX3Mode.Rest, overrides: new Dictionary<string, string?> { ["SupplierInvoiceRepresentation"] = "YPIHX" }));

        Assert.Equal(ConnectionPart.Representation, result.FailingPart);
        Assert.Contains("YPIHX", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cloud_app_that_was_never_paired_is_reported_as_the_credential_needing_a_pairing()
    {
        var result = await CheckAsync(X3Connector.Build(_simulator, SageX3Mode.Cloud));

        Assert.Equal(ConnectionPart.Credential, result.FailingPart);
        Assert.Contains("paired again", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_cloud_client_secret_is_reported_as_the_credential()
    {
        var secrets = X3Connector.Secrets(_simulator);
        await using var paired = await X3Connector.BuildPairedCloudAsync(_simulator, secrets);
        await secrets.SetSecretAsync(SageX3SecretNames.CloudClientSecret, "wrong", CancellationToken.None);

        var result = await CheckAsync(X3Connector.Build(_simulator, SageX3Mode.Cloud, secrets));

        Assert.Equal(ConnectionPart.Credential, result.FailingPart);
        Assert.Contains(SageX3SecretNames.CloudClientSecret, result.Detail, StringComparison.Ordinal);
    }

    private static async Task<ConnectionCheckResult> CheckAsync(ServiceProvider provider)
    {
        await using (provider)
        {
            var check = provider.GetRequiredService<IConnectionCheck>();
            return await check.CheckAsync(CancellationToken.None);
        }
    }
}
