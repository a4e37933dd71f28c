using Microsoft.Extensions.Options;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.SageX3.Auth;

/// <summary>
/// The one-time X3 Cloud pairing the CLI drives: build the authorisation URL an X3 user opens, then exchange the
/// authorization code from the callback for tokens and store the refresh token.
/// </summary>
public sealed class SageX3CloudPairing(CloudTokenClient tokens, ISecretStore secrets, IOptionsMonitor<SageX3Options> options, TimeProvider time)
{
    /// <summary>The URL an X3 user opens to approve the app and choose its folders.</summary>
    public Uri BuildAuthorisationUrl(Uri customerX3Url, Uri redirectUri, string state)
    {
        var settings = options.CurrentValue;
        var query = string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = settings.ClientId,
            ["scope"] = "api.graphQL businessDomain.ALL",
            ["customer"] = customerX3Url.ToString(),
            ["redirect_uri"] = redirectUri.ToString(),
            ["state"] = state,
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return new Uri($"{settings.CloudGatewayUrl.TrimEnd('/')}/token/authorise?{query}");
    }

    /// <summary>Exchanges the callback's authorization code and saves the refresh token. Returns when the first access token expires.</summary>
    public async Task<DateTimeOffset> CompleteAsync(string authorizationCode, CancellationToken cancellationToken)
    {
        var answer = await tokens.RedeemAsync("authorization_code", "code", authorizationCode, cancellationToken);
        if (answer.IsRefused || answer.RefreshToken is null)
        {
            throw new SageX3RePairRequiredException($"The X3 Cloud gateway refused the authorization code: {answer.Refusal ?? "no refresh token returned"}. Start a new pairing request.");
        }

        await secrets.SetSecretAsync(SageX3SecretNames.CloudRefreshToken, answer.RefreshToken, cancellationToken);
        return time.GetUtcNow() + answer.AccessLifetime;
    }
}
