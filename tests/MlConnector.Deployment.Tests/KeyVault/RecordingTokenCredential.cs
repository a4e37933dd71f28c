using Azure.Core;

namespace MlConnector.Deployment.Tests.KeyVault;

/// <summary>Hands out a fixed bearer token and remembers what the client asked for (scope, tenant from the challenge).</summary>
internal sealed class RecordingTokenCredential(string token, TimeProvider time) : TokenCredential
{
    private readonly List<TokenRequestContext> requests = [];

    public IReadOnlyList<TokenRequestContext> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (requests)
        {
            requests.Add(requestContext);
        }

        return new AccessToken(token, time.GetUtcNow().AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
