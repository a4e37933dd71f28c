using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.SpsCommerce;

/// <summary>
/// Auth0 client credentials: <c>POST https://auth.spscommerce.com/oauth/token</c> with a JSON body of
/// <c>grant_type</c>, <c>client_id</c>, <c>client_secret</c> and <c>audience</c>; the answer's <c>expires_in</c> is
/// honoured (SPS is shortening lifetimes). The token is treated as opaque.
/// </summary>
public sealed class SpsCommerceTokenSource(IHttpClientFactory httpClients, IOptions<SpsCommerceOptions> options, ISecretStore secrets, TimeProvider time) : IAccessTokenSource
{
    /// <summary>Used when the answer has no <c>expires_in</c>: the lifetime SPS has been observed to give.</summary>
    private const int DefaultLifetimeSeconds = 3600;

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
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUri)
        {
            Content = JsonContent.Create(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.ClientId,
                ["client_secret"] = secret,
                ["audience"] = settings.Audience,
            }),
        };

        // Asking for a token twice is harmless, so throttling and server errors may be retried.
        request.MarkIdempotent();
        var requestedAt = time.GetUtcNow();
        using var response = await httpClients.CreateClient(SpsCommerceNames.TokenHttpClient).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await SpsErrors.ReadDetailAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest => new SpsCommerceAuthenticationException(
                    $"SPS Commerce refused client id '{settings.ClientId}' ({status}: {detail ?? "no detail"}): check {SpsCommerceOptions.SectionName}__ClientId, " +
                    $"__Audience and the secret '{SpsCommerceSecretNames.ClientSecret}' (the app must be a Machine-to-Machine app).",
                    response.StatusCode,
                    detail),
                HttpStatusCode.NotFound => new SpsCommerceApiException($"No token endpoint at {tokenUri} (404): check {SpsCommerceOptions.SectionName}__TokenUrl.", response.StatusCode, detail),
                _ => new SpsCommerceApiException($"SPS Commerce token request failed ({status}: {detail ?? "no detail"}).", response.StatusCode, detail),
            };
        }

        TokenResponse? token;
        try
        {
            token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new SpsCommerceApiException($"{tokenUri} did not answer with a token (not JSON): check {SpsCommerceOptions.SectionName}__TokenUrl.", response.StatusCode, null, exception);
        }

        if (token is null || string.IsNullOrEmpty(token.AccessToken))
        {
            throw new SpsCommerceApiException($"{tokenUri} answered without an access_token: check {SpsCommerceOptions.SectionName}__TokenUrl.", response.StatusCode, null);
        }

        return new AccessToken(token.AccessToken, requestedAt + TimeSpan.FromSeconds(token.ExpiresIn is > 0 ? token.ExpiresIn.Value : DefaultLifetimeSeconds));
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("token_type")] string? TokenType);
}
