using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.AdobeCommerce.Auth;

/// <summary>
/// Signs every request with OAuth 1.0a. It sits inside the retry policy, so each attempt gets a fresh nonce and
/// timestamp (Commerce refuses a nonce it has seen).
/// </summary>
public sealed class OAuth1SigningHandler : DelegatingHandler
{
    private readonly IOptions<AdobeCommerceOptions> _options;
    private readonly ISecretStore _secrets;
    private readonly TimeProvider _time;

    public OAuth1SigningHandler(IOptions<AdobeCommerceOptions> options, ISecretStore secrets, TimeProvider time)
    {
        _options = options;
        _secrets = secrets;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credentials = await LoadCredentialsAsync(cancellationToken);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var parameter = OAuth1Signature.CreateAuthorizationParameter(
            request.Method.Method,
            uri,
            credentials,
            NewNonce(),
            _time.GetUtcNow().ToUnixTimeSeconds());
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", parameter);
        return await base.SendAsync(request, cancellationToken);
    }

    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private async Task<OAuth1Credentials> LoadCredentialsAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var consumerSecret = await _secrets.GetSecretAsync(AdobeCommerceSecretNames.ConsumerSecret, cancellationToken);
        var tokenSecret = await _secrets.GetSecretAsync(AdobeCommerceSecretNames.AccessTokenSecret, cancellationToken);
        if (string.IsNullOrEmpty(options.ConsumerKey) || string.IsNullOrEmpty(options.AccessToken))
        {
            throw new InvalidOperationException("AdobeCommerce__ConsumerKey and AdobeCommerce__AccessToken must be set for OAuth1.");
        }

        if (string.IsNullOrEmpty(consumerSecret) || string.IsNullOrEmpty(tokenSecret))
        {
            throw new InvalidOperationException(
                $"Secrets '{AdobeCommerceSecretNames.ConsumerSecret}' and '{AdobeCommerceSecretNames.AccessTokenSecret}' must be in the secret store for OAuth1.");
        }

        return new OAuth1Credentials(options.ConsumerKey, consumerSecret, options.AccessToken, tokenSecret, options.OAuthSignatureMethod);
    }
}
