namespace MlConnector.Connectors.Http;

/// <summary>
/// Caches a token until shortly before it expires and refreshes it proactively, one refresh at a time per
/// process (single flight): 50 concurrent callers at expiry cause one token request, not 50.
/// </summary>
public sealed class CachingTokenProvider : ITokenProvider, IDisposable
{
    private readonly IAccessTokenSource _source;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshBefore;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile AccessToken? _current;

    /// <param name="refreshBefore">How long before expiry a token counts as stale (default 60 s).</param>
    public CachingTokenProvider(IAccessTokenSource source, TimeProvider time, TimeSpan? refreshBefore = null)
    {
        _source = source;
        _time = time;
        _refreshBefore = refreshBefore ?? TimeSpan.FromSeconds(60);
    }

    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = _current;
        if (token is not null && IsFresh(token))
        {
            return token;
        }

        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited.
            token = _current;
            if (token is not null && IsFresh(token))
            {
                return token;
            }

            token = await _source.AcquireAsync(cancellationToken);
            _current = token;
            return token;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public void Invalidate(AccessToken rejected) =>
        Interlocked.CompareExchange(ref _current, null, rejected);

    public void Dispose() => _refreshGate.Dispose();

    private bool IsFresh(AccessToken token)
    {
        var lifetimeLeft = token.ExpiresAt - _time.GetUtcNow();
        return lifetimeLeft > _refreshBefore;
    }
}
