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

    private static readonly TokenFailureWording Wording = new(
        "Procurify",
        $"{ProcurifyOptions.SectionName}__ClientId and the secret '{ProcurifySecretNames.ClientSecret}'",
        $"{ProcurifyOptions.SectionName}__Domain",
        BadRequestIsRefusal: false);

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
            var failure = TokenFailure.Of(answer, endpoint, Wording);
            throw failure.CredentialRefused
                ? new ProcurifyAuthenticationException(failure.Message, answer.StatusCode, answer.Detail)
                : new ProcurifyApiException(failure.Message, answer.StatusCode, answer.Detail);
        }

        return answer.ToAccessToken(requestedAt, DefaultLifetime);
    }

    public ValueTask<string?> FingerprintAsync(CancellationToken cancellationToken) =>
        CredentialFingerprints.OfStoredSecretAsync(_secrets, _options.Value.ClientId, ProcurifySecretNames.ClientSecret, cancellationToken);

}
