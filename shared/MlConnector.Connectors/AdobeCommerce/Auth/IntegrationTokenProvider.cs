using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.AdobeCommerce.Auth;

/// <summary>
/// The integration access token used as a bearer token. It never expires, so it is read from the secret store
/// each time (the store caches) and a 401 means the admin has not allowed integration tokens as bearer.
/// </summary>
public sealed class IntegrationTokenProvider : ITokenProvider
{
    private readonly ISecretStore _secrets;

    public IntegrationTokenProvider(ISecretStore secrets) => _secrets = secrets;

    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = await _secrets.GetSecretAsync(AdobeCommerceSecretNames.IntegrationToken, cancellationToken);
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException($"Secret '{AdobeCommerceSecretNames.IntegrationToken}' must be in the secret store for IntegrationBearer.");
        }

        return new AccessToken(token, DateTimeOffset.MaxValue);
    }

    public void Invalidate(AccessToken rejected)
    {
        // Nothing cached to drop: the next call reads the secret store again.
    }
}
