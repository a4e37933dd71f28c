using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.Procurify;

/// <summary>
/// OAuth2 client credentials against the tenant's <c>/oauth/token</c>: a JSON body with the audience, answered
/// with a bearer token valid for <c>expires_in</c> seconds (86,400) and no refresh token.
/// </summary>
public sealed class ProcurifyTokenSource : IAccessTokenSource
{
    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<ProcurifyOptions> _options;
    private readonly ISecretStore _secrets;
    private readonly TimeProvider _time;

    public ProcurifyTokenSource(IHttpClientFactory httpClients, IOptions<ProcurifyOptions> options, ISecretStore secrets, TimeProvider time)
    {
        _httpClients = httpClients;
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
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUri)
        {
            Content = JsonContent.Create(new TokenRequest(options.ClientId, secret, options.Audience, "client_credentials")),
        };

        // Asking for a token twice is harmless, so throttling and server errors may be retried.
        request.MarkIdempotent();
        var requestedAt = _time.GetUtcNow();
        using var response = await _httpClients.CreateClient(ProcurifyNames.TokenHttpClient).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, tokenUri, options.ClientId, cancellationToken);
        }

        TokenResponse? token;
        try
        {
            token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new ProcurifyApiException(
                $"{tokenUri} did not answer with a Procurify token (not JSON): check {ProcurifyOptions.SectionName}__Domain.",
                response.StatusCode,
                null,
                exception);
        }

        if (token is null || string.IsNullOrEmpty(token.AccessToken))
        {
            throw new ProcurifyApiException($"{tokenUri} answered without an access_token: check {ProcurifyOptions.SectionName}__Domain.", response.StatusCode, null);
        }

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn is > 0 ? token.ExpiresIn.Value : 86_400);
        return new AccessToken(token.AccessToken, requestedAt + lifetime);
    }

    private static async Task<ProcurifyApiException> FailureAsync(HttpResponseMessage response, Uri tokenUri, string clientId, CancellationToken cancellationToken)
    {
        var detail = await ProcurifyErrors.ReadDetailAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ProcurifyAuthenticationException(
                $"Procurify refused client id '{clientId}' ({status}: {detail ?? "no detail"}): check {ProcurifyOptions.SectionName}__ClientId " +
                $"and the secret '{ProcurifySecretNames.ClientSecret}'.",
                response.StatusCode,
                detail),
            HttpStatusCode.NotFound => new ProcurifyApiException(
                $"No Procurify token endpoint at {tokenUri} (404): check {ProcurifyOptions.SectionName}__Domain.", response.StatusCode, detail),
            _ => new ProcurifyApiException($"Procurify token request failed ({status}: {detail ?? "no detail"}).", response.StatusCode, detail),
        };
    }

    private sealed record TokenRequest(
        [property: JsonPropertyName("client_id")] string ClientId,
        [property: JsonPropertyName("client_secret")] string ClientSecret,
        [property: JsonPropertyName("audience")] string Audience,
        [property: JsonPropertyName("grant_type")] string GrantType);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("token_type")] string? TokenType);
}
