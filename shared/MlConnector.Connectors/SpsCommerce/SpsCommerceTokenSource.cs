using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.SpsCommerce;

/// <summary>
/// Auth0 client credentials through the shared <see cref="OAuth2TokenClient"/>: <c>POST https://auth.spscommerce.com/oauth/token</c>
/// with a JSON body of <c>grant_type</c>, <c>client_id</c>, <c>client_secret</c> and <c>audience</c>; the answer's
/// <c>expires_in</c> is honoured (SPS is shortening lifetimes). The token is treated as opaque.
/// </summary>
public sealed class SpsCommerceTokenSource(OAuth2TokenClient tokens, IOptions<SpsCommerceOptions> options, ISecretStore secrets, TimeProvider time) : IAccessTokenSource, ICredentialFingerprint
{
    /// <summary>Used when the answer has no <c>expires_in</c>: the lifetime SPS has been observed to give.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(3600);

    private static readonly TokenFailureWording Wording = new(
        "SPS Commerce",
        $"{SpsCommerceOptions.SectionName}__ClientId, __Audience and the secret '{SpsCommerceSecretNames.ClientSecret}' (the app must be a Machine-to-Machine app)",
        $"{SpsCommerceOptions.SectionName}__TokenUrl",
        BadRequestIsRefusal: true);

    public ValueTask<string?> FingerprintAsync(CancellationToken cancellationToken) =>
        CredentialFingerprints.OfStoredSecretAsync(secrets, options.Value.ClientId, SpsCommerceSecretNames.ClientSecret, cancellationToken);

    public async Task<AccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var secret = await secrets.GetSecretAsync(SpsCommerceSecretNames.ClientSecret, cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new SpsCommerceAuthenticationException(
                $"The secret '{SpsCommerceSecretNames.ClientSecret}' is not set: store the SPS Commerce app's client secret under that name.", null, null);
        }

        var tokenUri = settings.ResolveTokenAddress();
        var endpoint = new OAuth2Endpoint(
            SpsCommerceNames.TokenHttpClient, tokenUri, settings.ClientId, TokenRequestEncoding.Json, new Dictionary<string, string> { ["audience"] = settings.Audience });
        var requestedAt = time.GetUtcNow();
        var answer = await tokens.ClientCredentialsAsync(endpoint, secret, cancellationToken);
        if (!answer.IsError)
        {
            return answer.ToAccessToken(requestedAt, DefaultLifetime);
        }

        var failure = TokenFailure.Of(answer, endpoint, Wording);
        throw failure.CredentialRefused
            ? new SpsCommerceAuthenticationException(failure.Message, answer.StatusCode, answer.Detail)
            : new SpsCommerceApiException(failure.Message, answer.StatusCode, answer.Detail);
    }
}
