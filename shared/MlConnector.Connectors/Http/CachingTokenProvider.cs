using System.Runtime.ExceptionServices;

namespace MlConnector.Connectors.Http;

/// <summary>
/// The token provider of every connector. Caches a token until shortly before it expires and refreshes it proactively,
/// one refresh at a time per process (single flight): 50 concurrent callers at expiry cause one token request, not 50.
/// A refusal (the source threw an <see cref="ICredentialRefusal"/>: a wrong secret, a revoked pairing) is cached too,
/// for <c>refusalHold</c>: callers meanwhile get the same exception at once instead of each asking the authority again
/// with a credential it has just refused. The hold ends early when the credential changes (a source that is an
/// <see cref="ICredentialFingerprint"/> says so: a secret stored again, a new pairing), and after it one caller tries
/// again.
/// </summary>
public sealed class CachingTokenProvider : ITokenProvider, IDisposable
{
    /// <summary>How long a refusal is answered from the cache unless told otherwise.</summary>
    public static readonly TimeSpan DefaultRefusalHold = TimeSpan.FromSeconds(60);

    private readonly IAccessTokenSource _source;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshBefore;
    private readonly TimeSpan _refusalHold;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile AccessToken? _current;
    private volatile Refusal? _refusal;

    /// <param name="refreshBefore">How long before expiry a token counts as stale (default 60 s).</param>
    /// <param name="refusalHold">How long a refusal is answered from the cache (default <see cref="DefaultRefusalHold"/>).</param>
    public CachingTokenProvider(IAccessTokenSource source, TimeProvider time, TimeSpan? refreshBefore = null, TimeSpan? refusalHold = null)
    {
        _source = source;
        _time = time;
        _refreshBefore = refreshBefore ?? TimeSpan.FromSeconds(60);
        _refusalHold = refusalHold ?? DefaultRefusalHold;
    }

    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = _current;
        if (token is not null && IsFresh(token))
        {
            return token;
        }

        await ThrowIfRefusedRecentlyAsync(cancellationToken);
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed, or been refused, while this one waited.
            token = _current;
            if (token is not null && IsFresh(token))
            {
                return token;
            }

            await ThrowIfRefusedRecentlyAsync(cancellationToken);
            try
            {
                token = await _source.AcquireAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is ICredentialRefusal)
            {
                _refusal = new Refusal(ExceptionDispatchInfo.Capture(exception), _time.GetUtcNow() + _refusalHold, await FingerprintAsync(cancellationToken));
                throw;
            }

            _refusal = null;
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

    private async ValueTask ThrowIfRefusedRecentlyAsync(CancellationToken cancellationToken)
    {
        if (_refusal is not { } refusal || _time.GetUtcNow() >= refusal.Until)
        {
            return;
        }

        if (refusal.Fingerprint is not null && await FingerprintAsync(cancellationToken) != refusal.Fingerprint)
        {
            // The credential was replaced since it was refused: the new one deserves a try.
            Interlocked.CompareExchange(ref _refusal, null, refusal);
            return;
        }

        refusal.Exception.Throw();
    }

    private async ValueTask<string?> FingerprintAsync(CancellationToken cancellationToken) =>
        _source is ICredentialFingerprint fingerprint ? await fingerprint.FingerprintAsync(cancellationToken) : null;

    private bool IsFresh(AccessToken token)
    {
        var lifetimeLeft = token.ExpiresAt - _time.GetUtcNow();
        return lifetimeLeft > _refreshBefore;
    }

    private sealed record Refusal(ExceptionDispatchInfo Exception, DateTimeOffset Until, string? Fingerprint);
}

/// <summary>
/// Marks an exception that says the authority refused the credential itself (not a network or server fault): asking
/// again with the same credential would be refused again, so <see cref="CachingTokenProvider"/> caches it for a while.
/// </summary>
public interface ICredentialRefusal;

/// <summary>A token source that can tell whether its credential changed, without asking the authority.</summary>
public interface ICredentialFingerprint
{
    /// <summary>A value that changes whenever the credential does (a hash, never the secret itself); null when there is none.</summary>
    ValueTask<string?> FingerprintAsync(CancellationToken cancellationToken);
}
