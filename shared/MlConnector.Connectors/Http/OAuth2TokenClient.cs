using System.Net;
using System.Net.Http.Json;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;

namespace MlConnector.Connectors.Http;

/// <summary>
/// The one OAuth2 token client of every connector, on Duende.IdentityModel: client-credentials, refresh-token and
/// authorization-code grants against an authority's token endpoint. Authorities that take the standard form body
/// (RFC 6749, e.g. Keycloak) are called through Duende's request extensions; those whose documentation asks for a JSON
/// body (Procurify, SPS Commerce's Auth0, the Sage X3 Cloud gateway) get the same parameters as JSON. Either way the
/// answer is read by Duende's <see cref="TokenResponse"/>, so <c>error</c>, <c>error_description</c>,
/// <c>expires_in</c> and <c>refresh_token</c> are read alike. A transport failure is rethrown as it happened, so callers
/// can tell an unreachable host from a refused credential. Secrets and tokens never appear in a message.
/// </summary>
public sealed class OAuth2TokenClient(IHttpClientFactory httpClients)
{
    public Task<OAuth2TokenResult> ClientCredentialsAsync(OAuth2Endpoint endpoint, string clientSecret, CancellationToken cancellationToken) =>
        SendAsync(endpoint, OidcConstants.GrantTypes.ClientCredentials, clientSecret, [], cancellationToken);

    public Task<OAuth2TokenResult> RefreshTokenAsync(OAuth2Endpoint endpoint, string clientSecret, string refreshToken, CancellationToken cancellationToken) =>
        SendAsync(endpoint, OidcConstants.GrantTypes.RefreshToken, clientSecret, [new(OidcConstants.TokenRequest.RefreshToken, refreshToken)], cancellationToken);

    public Task<OAuth2TokenResult> AuthorizationCodeAsync(OAuth2Endpoint endpoint, string clientSecret, string code, CancellationToken cancellationToken) =>
        SendAsync(endpoint, OidcConstants.GrantTypes.AuthorizationCode, clientSecret, [new(OidcConstants.TokenRequest.Code, code)], cancellationToken);

    private async Task<OAuth2TokenResult> SendAsync(
        OAuth2Endpoint endpoint, string grantType, string clientSecret, KeyValuePair<string, string>[] grant, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(endpoint.HttpClientName);
        var response = endpoint.Encoding == TokenRequestEncoding.Json
            ? await SendJsonAsync(client, endpoint, grantType, clientSecret, grant, cancellationToken)
            : await SendFormAsync(client, endpoint, grantType, clientSecret, grant, cancellationToken);

        // Duende turns a failed send into an error response; a host that cannot be reached is the caller's to classify.
        if (response.ErrorType == ResponseErrorType.Exception && response.HttpResponse is null && response.Exception is { } transport)
        {
            ExceptionDispatchInfo.Throw(transport);
        }

        return new OAuth2TokenResult(response);
    }

    private static Task<TokenResponse> SendFormAsync(
        HttpClient client, OAuth2Endpoint endpoint, string grantType, string clientSecret, KeyValuePair<string, string>[] grant, CancellationToken cancellationToken)
    {
        var parameters = new Parameters(endpoint.Parameters);
        switch (grantType)
        {
            case OidcConstants.GrantTypes.ClientCredentials:
                return client.RequestClientCredentialsTokenAsync(Prepare(new ClientCredentialsTokenRequest(), endpoint, clientSecret, parameters), cancellationToken);
            case OidcConstants.GrantTypes.RefreshToken:
                var refresh = Prepare(new RefreshTokenRequest { RefreshToken = grant[0].Value }, endpoint, clientSecret, parameters);
                return client.RequestRefreshTokenAsync(refresh, cancellationToken);
            default:
                var code = Prepare(new AuthorizationCodeTokenRequest { Code = grant[0].Value, RedirectUri = string.Empty }, endpoint, clientSecret, parameters);
                return client.RequestAuthorizationCodeTokenAsync(code, cancellationToken);
        }
    }

    private static T Prepare<T>(T request, OAuth2Endpoint endpoint, string clientSecret, Parameters parameters)
        where T : TokenRequest
    {
        request.Address = endpoint.Address.ToString();
        request.ClientId = endpoint.ClientId;
        request.ClientSecret = clientSecret;
        request.ClientCredentialStyle = ClientCredentialStyle.PostBody;
        request.Parameters = parameters;

        // Asking for a token twice is harmless, so throttling and server errors may be retried.
        request.MarkIdempotent();
        return request;
    }

    private static async Task<TokenResponse> SendJsonAsync(
        HttpClient client, OAuth2Endpoint endpoint, string grantType, string clientSecret, KeyValuePair<string, string>[] grant, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [OidcConstants.TokenRequest.GrantType] = grantType,
            [OidcConstants.TokenRequest.ClientId] = endpoint.ClientId,
            [OidcConstants.TokenRequest.ClientSecret] = clientSecret,
        };
        foreach (var (name, value) in grant.Concat(endpoint.Parameters))
        {
            body[name] = value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Address) { Content = JsonContent.Create(body) };
        request.Headers.Accept.Add(new("application/json"));
        request.MarkIdempotent();
        var response = await client.SendAsync(request, cancellationToken);
        return await ProtocolResponse.FromHttpResponseAsync<TokenResponse>(response);
    }
}

/// <summary>Where and how an authority takes token requests.</summary>
/// <param name="HttpClientName">The named <see cref="HttpClient"/> (resilience, headers) the request goes through.</param>
/// <param name="Parameters">Parameters beyond the grant's own, e.g. Auth0's <c>audience</c>.</param>
public sealed record OAuth2Endpoint(string HttpClientName, Uri Address, string ClientId, TokenRequestEncoding Encoding, IReadOnlyDictionary<string, string> Parameters)
{
    public OAuth2Endpoint(string httpClientName, Uri address, string clientId, TokenRequestEncoding encoding)
        : this(httpClientName, address, clientId, encoding, new Dictionary<string, string>())
    {
    }
}

/// <summary>How the token request's parameters travel.</summary>
public enum TokenRequestEncoding
{
    /// <summary><c>application/x-www-form-urlencoded</c>, as RFC 6749 defines it.</summary>
    Form,

    /// <summary>A JSON object, for authorities whose documentation asks for one.</summary>
    Json,
}

/// <summary>The authority's answer: tokens, or why it refused, with its HTTP status.</summary>
public sealed class OAuth2TokenResult(TokenResponse response)
{
    public bool IsError => response.IsError || string.IsNullOrEmpty(response.AccessToken);

    public HttpStatusCode StatusCode => response.HttpStatusCode;

    /// <summary>False when the answer was not JSON (a proxy page, a wrong host).</summary>
    public bool IsJson => response.ErrorType != ResponseErrorType.Exception;

    public string? AccessToken => response.AccessToken;

    public string? RefreshToken => response.RefreshToken;

    /// <summary>The lifetime the authority gave, or <paramref name="fallback"/> when it gave none.</summary>
    public TimeSpan LifetimeOr(TimeSpan fallback) => response.ExpiresIn > 0 ? TimeSpan.FromSeconds(response.ExpiresIn) : fallback;

    /// <summary>A top-level string of the answer (e.g. a gateway's <c>message</c>), when it was JSON.</summary>
    public string? Field(string name) =>
        response.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>What the authority said, for a message: <c>error_description</c>, <c>error</c>, a <c>message</c> or <c>detail</c>, else the reason phrase.</summary>
    public string? Detail =>
        new[] { response.ErrorDescription, response.Error, Field("message"), Field("detail") }.FirstOrDefault(text => !string.IsNullOrWhiteSpace(text))
        ?? response.HttpErrorReason;

    /// <summary>The access token, valid until <paramref name="requestedAt"/> plus the lifetime given (or <paramref name="fallbackLifetime"/>).</summary>
    public AccessToken ToAccessToken(DateTimeOffset requestedAt, TimeSpan fallbackLifetime) =>
        new(AccessToken ?? throw new InvalidOperationException("The authority answered without an access token."), requestedAt + LifetimeOr(fallbackLifetime));

    /// <summary>Never print tokens.</summary>
    public override string ToString() => IsError ? $"refused ({(int)StatusCode}: {Detail})" : "tokens";
}
