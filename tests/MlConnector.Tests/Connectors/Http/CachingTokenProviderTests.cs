using Microsoft.Extensions.Time.Testing;
using MlConnector.Connectors.Http;
using MlConnector.Tests.TestDoubles;

namespace MlConnector.Tests.Connectors.Http;

public sealed class CachingTokenProviderTests : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly CountingTokenSource _source;
    private readonly CachingTokenProvider _provider;

    public CachingTokenProviderTests()
    {
        _source = new CountingTokenSource(_time, Lifetime);
        _provider = new CachingTokenProvider(_source, _time, RefreshBefore);
    }

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task A_token_is_reused_until_shortly_before_it_expires()
    {
        var first = await _provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(Lifetime - RefreshBefore - TimeSpan.FromSeconds(1));

        var later = await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Same(first, later);
        Assert.Equal(1, _source.Calls);
    }

    [Fact]
    public async Task A_token_inside_the_refresh_window_is_replaced_before_it_expires()
    {
        var first = await _provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(Lifetime - RefreshBefore + TimeSpan.FromSeconds(1));
        Assert.True(first.ExpiresAt > _time.GetUtcNow(), "the old token has not expired yet");

        var refreshed = await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", refreshed.Value);
        Assert.Equal(_time.GetUtcNow() + Lifetime, refreshed.ExpiresAt);
        Assert.Equal(2, _source.Calls);
    }

    [Fact]
    public async Task Fifty_concurrent_callers_on_an_empty_cache_cause_one_token_request()
    {
        _source.Hold();

        var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(() => _provider.GetTokenAsync(CancellationToken.None).AsTask())).ToArray();
        await WaitUntilAsync(() => _source.Calls >= 1);
        await Task.Delay(100); // every caller has had time to arrive while the authority is still answering
        Assert.All(callers, caller => Assert.False(caller.IsCompleted));
        _source.Release();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, _source.Calls);
        Assert.All(tokens, token => Assert.Equal("token-1", token.Value));
    }

    [Fact]
    public async Task Fifty_concurrent_callers_on_a_stale_cache_cause_one_refresh()
    {
        await _provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(Lifetime - RefreshBefore + TimeSpan.FromSeconds(1));
        _source.Hold();

        var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(() => _provider.GetTokenAsync(CancellationToken.None).AsTask())).ToArray();
        await WaitUntilAsync(() => _source.Calls >= 2);
        await Task.Delay(100);
        _source.Release();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(2, _source.Calls);
        Assert.All(tokens, token => Assert.Equal("token-2", token.Value));
    }

    [Fact]
    public async Task Invalidating_the_current_token_forces_a_refresh()
    {
        var rejected = await _provider.GetTokenAsync(CancellationToken.None);

        _provider.Invalidate(rejected);
        var next = await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", next.Value);
        Assert.Equal(2, _source.Calls);
    }

    [Fact]
    public async Task Invalidating_an_older_token_keeps_the_newer_one()
    {
        var old = await _provider.GetTokenAsync(CancellationToken.None);
        _provider.Invalidate(old);
        var current = await _provider.GetTokenAsync(CancellationToken.None);

        _provider.Invalidate(old); // a late 401 for a request that still carried the old token
        var afterLate401 = await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Same(current, afterLate401);
        Assert.Equal(2, _source.Calls);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the token source to be called");
            await Task.Delay(5);
        }
    }
}
