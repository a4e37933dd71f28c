using System.Net;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Core.Secrets;

namespace MlConnector.Connectors.SageX3.Auth;

/// <summary>What the gateway's token API answered: new tokens, or a refusal with the gateway's message.</summary>
internal sealed record CloudTokenAnswer(string? AccessToken, string? RefreshToken, TimeSpan AccessLifetime, string? Refusal)
{
    public bool IsRefused => Refusal is not null;

    /// <summary>Never print tokens.</summary>
    public override string ToString() => IsRefused ? $"refused: {Refusal}" : $"tokens for {AccessLifetime}";
}

/// <summary>
/// Calls <c>POST {gateway}/token</c> for the authorization-code and refresh-token grants, through the shared
/// <see cref="OAuth2TokenClient"/> (a JSON body, as the gateway takes it). A 403 is the gateway refusing the grant (an
/// expired, rotated or revoked refresh token; a used code), answered with its <c>message</c>.
/// </summary>
public sealed class CloudTokenClient(OAuth2TokenClient tokens, ISecretStore secrets, IOptionsMonitor<SageX3Options> options)
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    internal async Task<CloudTokenAnswer> RedeemAsync(string grantType, string grantField, string grantValue, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var clientSecret = await secrets.GetSecretAsync(SageX3SecretNames.CloudClientSecret, cancellationToken)
            ?? throw new SageX3ConfigurationException($"The secret '{SageX3SecretNames.CloudClientSecret}' (the app's X3 Cloud client secret) is not set.");
        var endpoint = new OAuth2Endpoint(SageX3HttpClients.Token, SageX3Urls.Token(settings), settings.ClientId, TokenRequestEncoding.Json);
        var answer = (grantType, grantField) switch
        {
            ("refresh_token", "refresh_token") => await tokens.RefreshTokenAsync(endpoint, clientSecret, grantValue, cancellationToken),
            ("authorization_code", "code") => await tokens.AuthorizationCodeAsync(endpoint, clientSecret, grantValue, cancellationToken),
            _ => throw new ArgumentException($"The X3 Cloud gateway takes the refresh_token and authorization_code grants, not {grantType} with {grantField}.", nameof(grantType)),
        };
        var message = answer.Field("message") ?? answer.Detail;
        if (!answer.IsError)
        {
            return new CloudTokenAnswer(answer.AccessToken, answer.RefreshToken, answer.LifetimeOr(DefaultLifetime), null);
        }

        return answer.StatusCode switch
        {
            HttpStatusCode.Forbidden => new CloudTokenAnswer(null, null, TimeSpan.Zero, message ?? $"HTTP {(int)answer.StatusCode}"),
            HttpStatusCode.Unauthorized => throw new SageX3ConfigurationException($"The X3 Cloud gateway refused the client secret for client id '{settings.ClientId}' ({message}). Check the secret '{SageX3SecretNames.CloudClientSecret}'."),
            HttpStatusCode.NotFound => throw new SageX3ConfigurationException($"The X3 Cloud gateway at {settings.CloudGatewayUrl} does not know client id '{settings.ClientId}' ({message}). Check SageX3__ClientId and SageX3__CloudGatewayUrl."),
            HttpStatusCode.BadRequest => throw new SageX3ConfigurationException($"The X3 Cloud gateway rejected the token request: {message}."),
            _ => throw new SageX3ApiException((int)answer.StatusCode, $"The X3 Cloud gateway answered {(int)answer.StatusCode} to a token request: {message}", message is null ? [] : [message]),
        };
    }
}
