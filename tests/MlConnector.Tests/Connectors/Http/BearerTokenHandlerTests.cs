using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using MlConnector.Connectors.Http;
using MlConnector.Tests.TestDoubles;

namespace MlConnector.Tests.Connectors.Http;

public sealed class BearerTokenHandlerTests : IDisposable
{
    private const string OrderJson = """{"orderNumber":"PO-7","quantity":3}""";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly CountingTokenSource _source;
    private readonly CachingTokenProvider _tokens;

    public BearerTokenHandlerTests()
    {
        _source = new CountingTokenSource(_time, TimeSpan.FromHours(1));
        _tokens = new CachingTokenProvider(_source, _time);
    }

    public void Dispose() => _tokens.Dispose();

    [Fact]
    public async Task Each_request_carries_the_token_as_a_bearer_credential()
    {
        var server = new RecordingServer(RecordingServer.Status(HttpStatusCode.OK), RecordingServer.Status(HttpStatusCode.OK));
        using var client = ClientFor(server);

        using var first = await client.GetAsync(new Uri("orders", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("orders", UriKind.Relative));

        Assert.All(server.Received, request => Assert.Equal("Bearer token-1", request.Authorization));
        Assert.Equal(1, _source.Calls);
    }

    [Fact]
    public async Task On_a_401_the_token_is_refreshed_and_the_post_is_resent_once_with_its_body()
    {
        var server = new RecordingServer(RecordingServer.Status(HttpStatusCode.Unauthorized), RecordingServer.Status(HttpStatusCode.Created));
        using var client = ClientFor(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("orders", UriKind.Relative))
        {
            Content = JsonContent.Create(new { orderNumber = "PO-7", quantity = 3 }),
        };
        request.Headers.Add("Idempotency-Key", "mlc-123");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Collection(
            server.Received,
            rejected => Assert.Equal("Bearer token-1", rejected.Authorization),
            resent =>
            {
                Assert.Equal(HttpMethod.Post, resent.Method);
                Assert.Equal("Bearer token-2", resent.Authorization);
                Assert.Equal(OrderJson, resent.Body);
                Assert.Equal("application/json; charset=utf-8", resent.ContentType);
                Assert.Equal("mlc-123", resent.Headers["Idempotency-Key"]);
            });
        Assert.Equal(OrderJson, server.Received[0].Body);
        Assert.Equal(2, _source.Calls);
    }

    [Fact]
    public async Task A_second_401_is_returned_to_the_caller_without_a_third_attempt()
    {
        var server = new RecordingServer(RecordingServer.Status(HttpStatusCode.Unauthorized), RecordingServer.Status(HttpStatusCode.Unauthorized));
        using var client = ClientFor(server);

        using var response = await client.PostAsync(new Uri("orders", UriKind.Relative), JsonContent.Create(new { orderNumber = "PO-7", quantity = 3 }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, server.Received.Count);
        Assert.Equal(2, _source.Calls);
    }

    [Fact]
    public async Task A_refused_request_other_than_401_is_not_resent()
    {
        var server = new RecordingServer(RecordingServer.Status(HttpStatusCode.Forbidden));
        using var client = ClientFor(server);

        using var response = await client.GetAsync(new Uri("orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(server.Received);
        Assert.Equal(1, _source.Calls);
    }

    private HttpClient ClientFor(RecordingServer server) =>
        new(new BearerTokenHandler(_tokens) { InnerHandler = server }) { BaseAddress = new Uri("https://erp.example.test/api/") };
}
