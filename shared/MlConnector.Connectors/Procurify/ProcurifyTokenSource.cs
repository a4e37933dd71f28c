using System.Net;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.Procurify;

/// <summary>
/// OAuth2 client credentials against the tenant's <c>/oauth/token</c>, through the shared <see cref="OAuth2TokenClient"/>:
/// a JSON body with the audience (as Procurify documents it), answered with a bearer token valid for <c>expires_in</c>
/// seconds (86,400) and no refresh token.
/// </summary>
public sealed class ProcurifyTokenSource : IAccessTokenSource, ICredentialFingerprint
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(86_400);

    private readonly OAuth2TokenClient _tokens;
    private readonly IOptions<ProcurifyOptions> _options;
    private readonly ISecretStore _secrets;
    private readonly TimeProvider _time;

    public ProcurifyTokenSource(OAuth2TokenClient tokens, IOptions<ProcurifyOptions> options, ISecretStore secrets, TimeProvider time)
    {
        _tokens = tokens;
        _options = options;
        _secrets = secrets;
        _time = time;
    }

    public async Task<AccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var secret = await _secrets.GetSecretAsync(ProcurifySecretNames.ClientSecret, cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new ProcurifyAuthenticationException(
                $"The secret '{ProcurifySecretNames.ClientSecret}' is not set: store the Procurify API client secret under that name.",
                null,
                null);
        }

        var tokenUri = new Uri(options.ResolveBaseAddress(), "oauth/token");
        var endpoint = new OAuth2Endpoint(
            ProcurifyNames.TokenHttpClient, tokenUri, options.ClientId, TokenRequestEncoding.Json, new Dictionary<string, string> { ["audience"] = options.Audience });
        var requestedAt = _time.GetUtcNow();
        var answer = await _tokens.ClientCredentialsAsync(endpoint, secret, cancellationToken);
        if (answer.IsError)
        {
            throw Failure(answer, tokenUri, options.ClientId);
        }

        return answer.ToAccessToken(requestedAt, DefaultLifetime);
    }

    public ValueTask<string?> FingerprintAsync(CancellationToken cancellationToken) =>
        CredentialFingerprints.OfStoredSecretAsync(_secrets, _options.Value.ClientId, ProcurifySecretNames.ClientSecret, cancellationToken);

    private static ProcurifyApiException Failure(OAuth2TokenResult answer, Uri tokenUri, string clientId)
    {
        var status = (int)answer.StatusCode;
        return answer.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ProcurifyAuthenticationException(
                $"Procurify refused client id '{clientId}' ({status}: {answer.Detail ?? "no detail"}): check {ProcurifyOptions.SectionName}__ClientId " +
                $"and the secret '{ProcurifySecretNames.ClientSecret}'.",
                answer.StatusCode,
                answer.Detail),
            HttpStatusCode.NotFound => new ProcurifyApiException(
                $"No Procurify token endpoint at {tokenUri} (404): check {ProcurifyOptions.SectionName}__Domain.", answer.StatusCode, answer.Detail),
            HttpStatusCode.OK when !answer.IsJson => new ProcurifyApiException(
                $"{tokenUri} did not answer with a Procurify token (not JSON): check {ProcurifyOptions.SectionName}__Domain.", answer.StatusCode, null),
            HttpStatusCode.OK => new ProcurifyApiException(
                $"{tokenUri} answered without an access_token: check {ProcurifyOptions.SectionName}__Domain.", answer.StatusCode, null),
            _ => new ProcurifyApiException($"Procurify token request failed ({status}: {answer.Detail ?? "no detail"}).", answer.StatusCode, answer.Detail),
        };
    }
}
