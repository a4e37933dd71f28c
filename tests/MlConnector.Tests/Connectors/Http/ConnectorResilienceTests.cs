using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.Http;
using MlConnector.Core.Flows;
using MlConnector.Tests.TestDoubles;

namespace MlConnector.Tests.Connectors.Http;

public sealed class ConnectorResilienceTests : IDisposable
{
    private static readonly Uri Orders = new("https://shop.example.test/orders");
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose() => _providers.ForEach(provider => provider.Dispose());

    [Fact]
    public async Task A_get_answered_503_is_retried_and_succeeds()
    {
        var server = new RecordingServer(RecordingServer.Status(HttpStatusCode.ServiceUnavailable), RecordingServer.Status(HttpStatusCode.OK));
        var client = ClientFor(server);

        using var response = await client.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task A_get_that_keeps_failing_gives_up_after_the_configured_retries()
    {
        var server = new RecordingServer(
            RecordingServer.Status(HttpStatusCode.ServiceUnavailable),
            RecordingServer.Status(HttpStatusCode.BadGateway),
            RecordingServer.Status(HttpStatusCode.ServiceUnavailable));
        var client = ClientFor(server, maxRetryAttempts: 2);

        using var response = await client.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, server.Received.Count);
    }

    [Fact]
    public async Task A_post_is_not_retried_unless_marked_idempotent()
    {
        var server = new RecordingServer(RecordingServer.Status(HttpStatusCode.ServiceUnavailable), RecordingServer.Status(HttpStatusCode.Created));
        var client = ClientFor(server);

        using var response = await client.PostAsync(Orders, new StringContent("""{"order":"PO-7"}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_post_marked_idempotent_is_retried_with_its_body()
    {
        var server = new RecordingServer(RecordingServer.Status(HttpStatusCode.ServiceUnavailable), RecordingServer.Status(HttpStatusCode.Created));
        var client = ClientFor(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, Orders) { Content = new StringContent("""{"order":"PO-7"}""") };

        using var response = await client.SendAsync(request.MarkIdempotent());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, server.Received.Count);
        Assert.All(server.Received, received => Assert.Equal("""{"order":"PO-7"}""", received.Body));
    }

    [Fact]
    public async Task A_429_with_retry_after_waits_that_long_before_retrying()
    {
        var server = new RecordingServer(
            () => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { { "Retry-After", "1" } } },
            RecordingServer.Status(HttpStatusCode.OK));
        var client = ClientFor(server);
        var stopwatch = Stopwatch.StartNew();

        using var response = await client.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Received.Count);
        var wait = server.Received[1].ArrivedAt - server.Received[0].ArrivedAt;
        Assert.True(wait >= TimeSpan.FromSeconds(0.9), $"retried after {wait.TotalMilliseconds:F0} ms, before the server's Retry-After of 1 s");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        var server = new RecordingServer(RecordingServer.Status(HttpStatusCode.BadRequest), RecordingServer.Status(HttpStatusCode.OK));
        var client = ClientFor(server);

        using var response = await client.GetAsync(Orders);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(server.Received);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_write_told_to_retry_later_reports_a_busy_target_with_the_servers_delay(HttpStatusCode status)
    {
        var server = new RecordingServer(() => new HttpResponseMessage(status) { Headers = { { "Retry-After", "7" } } });
        var client = ClientFor(server);

        var busy = await Assert.ThrowsAsync<TargetBusyException>(() => client.PostAsync(Orders, new StringContent("""{"order":"PO-7"}""")));

        Assert.Equal(TimeSpan.FromSeconds(7), busy.RetryAfter);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), busy.Message, StringComparison.Ordinal);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task An_open_circuit_reports_a_busy_target_until_its_break_ends_without_calling_the_server()
    {
        var failures = Enumerable.Range(0, 4).Select(_ => RecordingServer.Status(HttpStatusCode.InternalServerError)).ToArray();
        var server = new RecordingServer(failures);
        var client = ClientFor(server, maxRetryAttempts: 1, minimumThroughput: 2, breakDuration: TimeSpan.FromSeconds(20));
        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.PostAsync(Orders, new StringContent("{}"));
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        var busy = await Assert.ThrowsAsync<TargetBusyException>(() => client.PostAsync(Orders, new StringContent("{}")));

        Assert.InRange(busy.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Contains("circuit open", busy.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Received.Count);
    }

    /// <summary>The real pipeline the connectors use, with the remote API replaced by <paramref name="server"/>.</summary>
    private HttpClient ClientFor(RecordingServer server, int maxRetryAttempts = 4, int minimumThroughput = 20, TimeSpan? breakDuration = null)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("x")
            .ConfigurePrimaryHttpMessageHandler(() => server)
            .AddConnectorResilience(new ConnectorResilienceOptions
            {
                BaseDelay = TimeSpan.FromMilliseconds(10),
                MaxRetryAttempts = maxRetryAttempts,
                CircuitBreakerMinimumThroughput = minimumThroughput,
                CircuitBreakDuration = breakDuration ?? TimeSpan.FromSeconds(30),
            });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IHttpClientFactory>().CreateClient("x");
    }
}
