using Microsoft.Extensions.Time.Testing;
using MlConnector.Connectors.Http;

namespace MlConnector.Tests.Connectors.Http;

/// <summary>A refused credential is not sent again by every caller: the refusal is cached until its hold ends or the credential changes.</summary>
public sealed class TokenRefusalCachingTests : IDisposable
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly RefusingSource _source;
    private readonly CachingTokenProvider _provider;

    public TokenRefusalCachingTests()
    {
        _source = new RefusingSource(_time);
        _provider = new CachingTokenProvider(_source, _time, TimeSpan.FromSeconds(30), Hold);
    }

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task Twenty_callers_after_a_refusal_get_the_same_refusal_from_one_request()
    {
        _source.Secret = "wrong";

        var failures = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Assert.ThrowsAsync<RefusedException>(() => _provider.GetTokenAsync(CancellationToken.None).AsTask())));

        Assert.Equal(1, _source.Calls);
        Assert.All(failures, failure => Assert.Equal("client refused (secret fingerprint F-wrong)", failure.Message));
    }

    [Fact]
    public async Task After_the_hold_one_caller_asks_again()
    {
        _source.Secret = "wrong";
        await Assert.ThrowsAsync<RefusedException>(() => _provider.GetTokenAsync(CancellationToken.None).AsTask());

        _time.Advance(Hold - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<RefusedException>(() => _provider.GetTokenAsync(CancellationToken.None).AsTask());
        _time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<RefusedException>(() => _provider.GetTokenAsync(CancellationToken.None).AsTask());

        Assert.Equal(2, _source.Calls);
    }

    [Fact]
    public async Task A_credential_stored_again_is_tried_at_once_even_inside_the_hold()
    {
        _source.Secret = "wrong";
        await Assert.ThrowsAsync<RefusedException>(() => _provider.GetTokenAsync(CancellationToken.None).AsTask());

        _source.Secret = "right";
        var token = await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", token.Value);
        Assert.Equal(2, _source.Calls);
    }

    [Fact]
    public async Task A_failure_that_is_not_a_refusal_is_not_cached()
    {
        _source.Unreachable = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => _provider.GetTokenAsync(CancellationToken.None).AsTask());

        _source.Unreachable = false;
        var token = await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", token.Value);
    }

    private sealed class RefusedException(string message) : Exception(message), ICredentialRefusal;

    /// <summary>An authority that refuses any secret but "right", and can be unreachable.</summary>
    private sealed class RefusingSource(TimeProvider time) : IAccessTokenSource, ICredentialFingerprint
    {
        private int _calls;

        public string Secret { get; set; } = "right";

        public bool Unreachable { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public async Task<AccessToken> AcquireAsync(CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref _calls);
            await Task.Delay(20, cancellationToken);
            return Unreachable ? throw new HttpRequestException("connection refused")
                : Secret == "right" ? new AccessToken($"token-{number}", time.GetUtcNow() + TimeSpan.FromMinutes(10))
                : throw new RefusedException($"client refused (secret fingerprint F-{Secret})");
        }

        public ValueTask<string?> FingerprintAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>("F-" + Secret);
    }
}
