using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SageX3.Auth;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

/// <summary>Cloud gateway: 5-minute access tokens, rotating 30-day refresh tokens, on one fake clock shared with the simulator.</summary>
public sealed class CloudTokenLifecycleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemorySecretStore _secrets = new();
    private SageX3Simulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SageX3Simulator.StartAsync(new SageX3SimulatorOptions { Time = _time });
        foreach (var (name, value) in X3Connector.Secrets(_simulator).Writes)
        {
            await _secrets.SetSecretAsync(name, value, CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    private int TokenRequests => _simulator.Journal.Entries.Count(e => e.Path == "/v1/token");

    private IReadOnlyList<string> SavedRefreshTokens => _secrets.Writes.Where(w => w.Name == SageX3SecretNames.CloudRefreshToken).Select(w => w.Value).ToList();

    [Fact]
    public async Task A_thirty_minute_sync_never_sends_an_expired_token_and_saves_every_rotation()
    {
        await using var connector = await X3Connector.BuildPairedCloudAsync(_simulator, _secrets, _time);

        for (var elapsed = TimeSpan.Zero; elapsed <= TimeSpan.FromMinutes(30); elapsed += TimeSpan.FromSeconds(20))
        {
            Assert.Equal(3, (await connector.ReadAllShipmentsAsync()).Count);
            _time.Advance(TimeSpan.FromSeconds(20));
        }

        var graphQlCalls = _simulator.Journal.Entries.Where(e => e.Path == "/v1/graphql").ToList();
        Assert.Equal(91, graphQlCalls.Count);
        Assert.DoesNotContain(graphQlCalls, e => e.Status == 401);

        // One pairing plus one refresh per 4 minutes of use (refreshed a minute before the 5-minute expiry).
        Assert.InRange(TokenRequests, 2, 1 + (30 / 4) + 1);
        Assert.Equal(TokenRequests, SavedRefreshTokens.Count);
        Assert.Equal(SavedRefreshTokens.Count, SavedRefreshTokens.Distinct().Count());
    }

    [Fact]
    public async Task Fifty_concurrent_callers_at_expiry_cause_exactly_one_refresh()
    {
        await using var connector = await X3Connector.BuildPairedCloudAsync(_simulator, _secrets, _time);
        await connector.ReadAllShipmentsAsync();
        _time.Advance(TimeSpan.FromMinutes(5));
        var before = TokenRequests;

        var reads = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => connector.ReadAllShipmentsAsync())));

        Assert.All(reads, shipments => Assert.Equal(3, shipments.Count));
        Assert.Equal(before + 1, TokenRequests);
        Assert.DoesNotContain(_simulator.Journal.Entries, e => e.Path == "/v1/graphql" && e.Status == 401);
    }

    [Fact]
    public async Task Two_instances_sharing_one_refresh_token_keep_working_after_one_rotates_it()
    {
        await using var first = await X3Connector.BuildPairedCloudAsync(_simulator, _secrets, _time);
        var pairedToken = SavedRefreshTokens[^1];
        var secondView = new StaleOnceSecretStore(_secrets);
        await using var second = X3Connector.Build(_simulator, SageX3Mode.Cloud, secondView, _time);

        // The first instance rotates the token; the second had read the old one just before.
        await first.ReadAllShipmentsAsync();
        secondView.ArmStaleRead(SageX3SecretNames.CloudRefreshToken, pairedToken);
        var fromSecond = await second.ReadAllShipmentsAsync();

        _time.Advance(TimeSpan.FromMinutes(5));
        var fromFirstLater = await first.ReadAllShipmentsAsync();

        Assert.Equal(3, fromSecond.Count);
        Assert.Equal(3, fromFirstLater.Count);
        Assert.Contains(_simulator.Journal.Entries, e => e.Path == "/v1/token" && e.Status == 403);
        Assert.DoesNotContain(_simulator.Journal.Entries, e => e.Path == "/v1/graphql" && e.Status == 401);
    }

    [Fact]
    public async Task A_dead_refresh_token_raises_a_re_pair_error_once_and_stops_calling_the_gateway()
    {
        await using var connector = await X3Connector.BuildPairedCloudAsync(_simulator, _secrets, _time);
        _simulator.RevokePairing();

        var error = await Assert.ThrowsAsync<SageX3RePairRequiredException>(() => connector.ReadAllShipmentsAsync());
        var requestsAfterFailure = TokenRequests;
        await Assert.ThrowsAsync<SageX3RePairRequiredException>(() => connector.ReadAllShipmentsAsync());

        Assert.Contains("paired again", error.Message, StringComparison.Ordinal);
        Assert.Contains("The request has expired.", error.Message, StringComparison.Ordinal);
        Assert.Equal(requestsAfterFailure, TokenRequests);
        Assert.DoesNotContain(_secrets.Writes.Select(w => w.Value), v => error.Message.Contains(v, StringComparison.Ordinal));

        // An operator re-pairs: the connector works again without a restart.
        await connector.GetRequiredService<SageX3CloudPairing>().CompleteAsync(_simulator.ApprovePairing(), CancellationToken.None);
        Assert.Equal(3, (await connector.ReadAllShipmentsAsync()).Count);
    }

    [Fact]
    public async Task Pairing_with_a_request_the_user_has_not_accepted_reports_the_gateway_message()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Cloud, _secrets, _time);

        var error = await Assert.ThrowsAsync<SageX3RePairRequiredException>(() =>
            connector.GetRequiredService<SageX3CloudPairing>().CompleteAsync(_simulator.PendingPairing(), CancellationToken.None));

        Assert.Contains("The pairing request has not been accepted.", error.Message, StringComparison.Ordinal);
        Assert.Empty(SavedRefreshTokens);
    }

    [Fact]
    public async Task An_expired_access_token_is_refused_with_the_gateway_body_and_the_connector_recovers()
    {
        await using var connector = await X3Connector.BuildPairedCloudAsync(_simulator, _secrets, _time);
        await connector.ReadAllShipmentsAsync();

        // The server-side token dies early (e.g. revoked): one 401, one refresh, one retry.
        _simulator.Faults.FailNext(401, pathContains: "/v1/graphql", body: "{\"message\":\"Unauthorised\"}");
        Assert.Equal(3, (await connector.ReadAllShipmentsAsync()).Count);

        Assert.Single(_simulator.Journal.Entries, e => e.Path == "/v1/graphql" && e.Status == 401);
    }
}
