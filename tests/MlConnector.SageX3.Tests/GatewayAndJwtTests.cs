using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlConnector.Connectors.SageX3;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

/// <summary>The simulator's token API and JWT checks answer as the real ones document.</summary>
public sealed class GatewayAndJwtTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _serverTime = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private SageX3Simulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await SageX3Simulator.StartAsync(new SageX3SimulatorOptions { Time = _serverTime });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Theory]
    [InlineData("{\"client_id\":\"ml-connector-cloud\",\"grant_type\":\"refresh_token\"}", 400, "Missing required request parameters")]
    [InlineData("{\"client_id\":\"ml-connector-cloud\",\"client_secret\":\"cloud-client-secret\",\"grant_type\":\"password\"}", 400, "Invalid grant type")]
    [InlineData("{\"client_id\":\"ml-connector-cloud\",\"client_secret\":\"cloud-client-secret\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"rt-unknown\"}", 403, "The request has expired.")]
    public async Task The_token_endpoint_answers_with_the_documented_bodies(string body, int status, string message)
    {
        using var http = new HttpClient { BaseAddress = _simulator.BaseAddress };

        using var response = await http.PostAsync("v1/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(message, (await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.ToString());
    }

    [Fact]
    public async Task An_expired_or_unknown_access_token_gets_401_Unauthorised()
    {
        using var http = new HttpClient { BaseAddress = _simulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/graphql") { Content = JsonContent.Create(new { query = "{ x3Purchasing { purchaseOrder { query { totalCount } } } }" }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "expired");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"message\":\"Unauthorised\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_connected_app_token_signed_on_the_server_clock_is_accepted()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.GraphQl, time: new FakeTimeProvider(_serverTime.GetUtcNow()));

        Assert.Equal(3, (await connector.ReadAllShipmentsAsync()).Count);
        var call = _simulator.Journal.Entries.Last(e => e.Path == "/xtrem/api");
        Assert.Equal("SEED", call.Headers["x-xtrem-endpoint"]);
    }

    [Fact]
    public async Task A_connected_app_token_issued_in_the_future_is_rejected()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.GraphQl, time: new FakeTimeProvider(_serverTime.GetUtcNow().AddMinutes(2)));

        var error = await Assert.ThrowsAsync<SageX3ApiException>(() => connector.ReadAllShipmentsAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("future", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connected_app_token_longer_than_the_allowed_validity_is_rejected()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.GraphQl, time: new FakeTimeProvider(_serverTime.GetUtcNow()),
            overrides: new Dictionary<string, string?> { ["TokenValidity"] = "00:30:00" });

        var error = await Assert.ThrowsAsync<SageX3ApiException>(() => connector.ReadAllShipmentsAsync());

        Assert.Contains("validity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_GraphQL_field_is_a_clear_GraphQL_error()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.GraphQl, time: new FakeTimeProvider(_serverTime.GetUtcNow()));
        var client = connector.GetRequiredService<MlConnector.Connectors.SageX3.GraphQl.SageX3GraphQlClient>();

        var error = await Assert.ThrowsAsync<SageX3ApiException>(() =>
            client.ExecuteAsync("{ x3Purchasing { purchaseOrder { query { edges { node { _id colour } } } } } }", [], CancellationToken.None));

        Assert.Equal("Cannot query field \"colour\" on type \"PurchaseOrder\".", Assert.Single(error.Diagnoses));
    }
}
