using MlConnector.Connectors.Http;

namespace MlConnector.Tests.TestDoubles;

/// <summary>
/// A token authority that counts its calls and issues "token-1", "token-2", ... valid for <c>lifetime</c>.
/// Calls can be held open with <see cref="Hold"/> to make concurrent callers overlap.
/// </summary>
public sealed class CountingTokenSource(TimeProvider time, TimeSpan lifetime) : IAccessTokenSource
{
    private int _calls;
    private TaskCompletionSource? _hold;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Until <see cref="Release"/>, each acquisition waits (a slow authority).</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold?.TrySetResult();

    public async Task<AccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _calls);
        if (_hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        return new AccessToken($"token-{number}", time.GetUtcNow() + lifetime);
    }
}
