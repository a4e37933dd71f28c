using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.AdobeCommerce.Auth;

/// <summary>Adobe IMS client-credentials grant (Adobe Commerce as a Cloud Service). One token request per call; cache it with <see cref="CachingTokenProvider"/>.</summary>
public sealed class ImsTokenSource : IAccessTokenSource
{
    public const string HttpClientName = "adobe-commerce-ims";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<AdobeCommerceOptions> _options;
    private readonly ISecretStore _secrets;
    private readonly TimeProvider _time;

    public ImsTokenSource(IHttpClientFactory httpClientFactory, IOptions<AdobeCommerceOptions> options, ISecretStore secrets, TimeProvider time)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _secrets = secrets;
        _time = time;
    }

    public async Task<AccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var clientSecret = await _secrets.GetSecretAsync(AdobeCommerceSecretNames.ImsClientSecret, cancellationToken);
        if (string.IsNullOrEmpty(options.ImsClientId) || string.IsNullOrEmpty(clientSecret))
        {
            throw new InvalidOperationException(
                $"AdobeCommerce__ImsClientId and secret '{AdobeCommerceSecretNames.ImsClientSecret}' must be set for Ims.");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ImsClientId,
            ["client_secret"] = clientSecret,
            ["scope"] = options.ImsScopes,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, options.ImsTokenUrl) { Content = form };
        request.MarkIdempotent();
        using var response = await _httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Adobe IMS refused the client credentials ({(int)response.StatusCode}).", null, response.StatusCode);
        }

        var token = await response.Content.ReadFromJsonAsync<ImsTokenResponse>(cancellationToken)
                    ?? throw new HttpRequestException("Adobe IMS returned an empty token response.");
        return new AccessToken(token.AccessToken, _time.GetUtcNow().AddSeconds(token.ExpiresIn));
    }

    private sealed record ImsTokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}
