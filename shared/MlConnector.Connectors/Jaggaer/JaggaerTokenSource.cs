using System.Net;
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
        var answer = await _tokens.ClientCredentialsAsync(new OAuth2Endpoint(JaggaerNames.TokenHttpClient, tokenUri, options.ClientId, TokenRequestEncoding.Form), secret, cancellationToken);
        if (answer.IsError)
        {
            throw Failure(answer, tokenUri, options.ClientId);
        }

        return answer.ToAccessToken(requestedAt, DefaultLifetime);
    }

    public ValueTask<string?> FingerprintAsync(CancellationToken cancellationToken) =>
        CredentialFingerprints.OfStoredSecretAsync(_secrets, _options.Value.ClientId, JaggaerSecretNames.ClientSecret, cancellationToken);

    private static JaggaerApiException Failure(OAuth2TokenResult answer, Uri tokenUri, string clientId)
    {
        var status = (int)answer.StatusCode;

        // Keycloak answers a wrong client id or secret with 401 (invalid_client) and a client not allowed this grant with 400.
        return answer.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest => new JaggaerAuthenticationException(
                $"JAGGAER refused client id '{clientId}' ({status}: {answer.Detail ?? "no detail"}): check {JaggaerOptions.SectionName}__ClientId " +
                $"and the secret '{JaggaerSecretNames.ClientSecret}'.",
                answer.StatusCode,
                answer.Detail),
            HttpStatusCode.NotFound => new JaggaerApiException(
                $"No JAGGAER token endpoint at {tokenUri} (404): check {JaggaerOptions.SectionName}__BaseUrl and __Realm.", answer.StatusCode, answer.Detail),
            HttpStatusCode.OK when !answer.IsJson => new JaggaerApiException(
                $"{tokenUri} did not answer with a token (not JSON): check {JaggaerOptions.SectionName}__BaseUrl and __Realm.", answer.StatusCode, null),
            HttpStatusCode.OK => new JaggaerApiException(
                $"{tokenUri} answered without an access_token: check {JaggaerOptions.SectionName}__BaseUrl and __Realm.", answer.StatusCode, null),
            _ => new JaggaerApiException($"JAGGAER token request failed ({status}: {answer.Detail ?? "no detail"}).", answer.StatusCode, answer.Detail),
        };
    }
}
