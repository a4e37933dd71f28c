using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;

namespace MlConnector.Connectors.SageX3.Auth;

/// <summary>
/// The bearer tokens of the configured mode (self-signed JWTs or Cloud gateway tokens), cached and refreshed
/// proactively one at a time per process.
/// </summary>
public sealed class SageX3TokenProvider : ITokenProvider, IDisposable
{
    private readonly CachingTokenProvider _inner;

    public SageX3TokenProvider(IOptionsMonitor<SageX3Options> options, ConnectedAppTokenSource connectedApp, CloudGatewayTokenSource cloud, TimeProvider time)
    {
        var settings = options.CurrentValue;
        IAccessTokenSource source = settings.Mode == SageX3Mode.Cloud ? cloud : connectedApp;

        // A fifth of the lifetime, at most a minute: a 5-minute token is renewed at 4 minutes.
        var lifetime = settings.Mode == SageX3Mode.Cloud ? TimeSpan.FromMinutes(5) : settings.TokenValidity;
        var refreshBefore = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, lifetime.Ticks / 5));
        _inner = new CachingTokenProvider(source, time, refreshBefore);
    }

    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => _inner.GetTokenAsync(cancellationToken);

    public void Invalidate(AccessToken rejected) => _inner.Invalidate(rejected);

    public void Dispose() => _inner.Dispose();
}
