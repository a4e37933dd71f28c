using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.Jaggaer;

/// <summary>
/// OAuth2 client credentials against the instance's Keycloak, through the shared <see cref="OAuth2TokenClient"/>: a form
/// post of <c>client_id</c>, <c>client_secret</c> and <c>grant_type</c> to
/// <c>{host}/auth/realms/J1p-integrations/protocol/openid-connect/token</c>. Keycloak answers <c>access_token</c> and
/// <c>expires_in</c> (its default is 300 s; JAGGAER does not publish the lifetime).
/// </summary>
public sealed class JaggaerTokenSource : IAccessTokenSource, ICredentialFingerprint
{
    /// <summary>Used when Keycloak omits <c>expires_in</c>: its default access-token lifespan.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(300);

    // Keycloak answers a wrong client id or secret with 401 (invalid_client) and a client not allowed this grant with 400.
    private static readonly TokenFailureWording Wording = new(
        "JAGGAER",
        $"{JaggaerOptions.SectionName}__ClientId and the secret '{JaggaerSecretNames.ClientSecret}'",
        $"{JaggaerOptions.SectionName}__BaseUrl and __Realm",
        BadRequestIsRefusal: true);

    private readonly OAuth2TokenClient _tokens;
    private readonly IOptions<JaggaerOptions> _options;
    private readonly ISecretStore _secrets;
    private readonly TimeProvider _time;

    public JaggaerTokenSource(OAuth2TokenClient tokens, IOptions<JaggaerOptions> options, ISecretStore secrets, TimeProvider time)
    {
        _tokens = tokens;
        _options = options;
        _secrets = secrets;
        _time = time;
    }

    public async Task<AccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var secret = await _secrets.GetSecretAsync(JaggaerSecretNames.ClientSecret, cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new JaggaerAuthenticationException(
                $"The secret '{JaggaerSecretNames.ClientSecret}' is not set: store the JAGGAER integration client secret under that name.", null, null);
        }

        var tokenUri = options.ResolveTokenAddress();
        var requestedAt = _time.GetUtcNow();
        var endpoint = new OAuth2Endpoint(JaggaerNames.TokenHttpClient, tokenUri, options.ClientId, TokenRequestEncoding.Form);
        var answer = await _tokens.ClientCredentialsAsync(endpoint, secret, cancellationToken);
        if (answer.IsError)
        {
            var failure = TokenFailure.Of(answer, endpoint, Wording);
            throw failure.CredentialRefused
                ? new JaggaerAuthenticationException(failure.Message, answer.StatusCode, answer.Detail)
                : new JaggaerApiException(failure.Message, answer.StatusCode, answer.Detail);
        }

        return answer.ToAccessToken(requestedAt, DefaultLifetime);
    }

    public ValueTask<string?> FingerprintAsync(CancellationToken cancellationToken) =>
        CredentialFingerprints.OfStoredSecretAsync(_secrets, _options.Value.ClientId, JaggaerSecretNames.ClientSecret, cancellationToken);

}
