namespace MlConnector.Connectors.Http;

/// <summary>A bearer credential and the moment it stops working.</summary>
public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>Never log a token: records print their members, so this override hides the value.</summary>
    public override string ToString() => $"AccessToken(expires {ExpiresAt:O})";
}

/// <summary>Obtains a fresh token from the authority (one network call per invocation).</summary>
public interface IAccessTokenSource
{
    Task<AccessToken> AcquireAsync(CancellationToken cancellationToken);
}

/// <summary>Hands out a valid token, refreshing it when needed; told when the server rejected one.</summary>
public interface ITokenProvider
{
    ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>The server answered 401 to <paramref name="rejected"/>: forget it so the next call refreshes.</summary>
    void Invalidate(AccessToken rejected);
}
