using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.Jaggaer;

/// <summary>
/// OAuth2 client credentials against the instance's Keycloak: a form post of <c>client_id</c>, <c>client_secret</c>
/// and <c>grant_type</c> to <c>{host}/auth/realms/J1p-integrations/protocol/openid-connect/token</c>. Keycloak answers
/// <c>access_token</c> and <c>expires_in</c> (its default is 300 s; JAGGAER does not publish the lifetime).
/// </summary>
public sealed class JaggaerTokenSource : IAccessTokenSource
{
    /// <summary>Used when Keycloak omits <c>expires_in</c>: its default access-token lifespan.</summary>
    private const int DefaultLifetimeSeconds = 300;

    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<JaggaerOptions> _options;
    private readonly ISecretStore _secrets;
    private readonly TimeProvider _time;

    public JaggaerTokenSource(IHttpClientFactory httpClients, IOptions<JaggaerOptions> options, ISecretStore secrets, TimeProvider time)
    {
        _httpClients = httpClients;
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
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUri)
        {
            Content = new FormUrlEncodedContent(
            [
                new("client_id", options.ClientId),
                new("client_secret", secret),
                new("grant_type", "client_credentials"),
            ]),
        };

        // Asking for a token twice is harmless, so throttling and server errors may be retried.
        request.MarkIdempotent();
        var requestedAt = _time.GetUtcNow();
        using var response = await _httpClients.CreateClient(JaggaerNames.TokenHttpClient).SendAsync(request, cancellationToken);
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
            throw new JaggaerApiException(
                $"{tokenUri} did not answer with a token (not JSON): check {JaggaerOptions.SectionName}__BaseUrl and __Realm.", response.StatusCode, null, null, exception);
        }

        if (token is null || string.IsNullOrEmpty(token.AccessToken))
        {
            throw new JaggaerApiException($"{tokenUri} answered without an access_token: check {JaggaerOptions.SectionName}__BaseUrl and __Realm.", response.StatusCode, null);
        }

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn is > 0 ? token.ExpiresIn.Value : DefaultLifetimeSeconds);
        return new AccessToken(token.AccessToken, requestedAt + lifetime);
    }

    private static async Task<JaggaerApiException> FailureAsync(HttpResponseMessage response, Uri tokenUri, string clientId, CancellationToken cancellationToken)
    {
        var detail = await JaggaerErrors.ReadDetailAsync(response, cancellationToken);
        var status = (int)response.StatusCode;

        // Keycloak answers a wrong client id or secret with 401 (invalid_client) and a client not allowed this grant with 400.
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest => new JaggaerAuthenticationException(
                $"JAGGAER refused client id '{clientId}' ({status}: {detail ?? "no detail"}): check {JaggaerOptions.SectionName}__ClientId " +
                $"and the secret '{JaggaerSecretNames.ClientSecret}'.",
                response.StatusCode,
                detail),
            HttpStatusCode.NotFound => new JaggaerApiException(
                $"No JAGGAER token endpoint at {tokenUri} (404): check {JaggaerOptions.SectionName}__BaseUrl and __Realm.", response.StatusCode, detail),
            _ => new JaggaerApiException($"JAGGAER token request failed ({status}: {detail ?? "no detail"}).", response.StatusCode, detail),
        };
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("token_type")] string? TokenType);
}
