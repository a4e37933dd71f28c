using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
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

/// <summary>Calls <c>POST {gateway}/token</c> for the authorization-code and refresh-token grants.</summary>
public sealed class CloudTokenClient(IHttpClientFactory clients, ISecretStore secrets, IOptionsMonitor<SageX3Options> options)
{
    internal async Task<CloudTokenAnswer> RedeemAsync(string grantType, string grantField, string grantValue, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var clientSecret = await secrets.GetSecretAsync(SageX3SecretNames.CloudClientSecret, cancellationToken)
            ?? throw new SageX3ConfigurationException($"The secret '{SageX3SecretNames.CloudClientSecret}' (the app's X3 Cloud client secret) is not set.");
        using var request = new HttpRequestMessage(HttpMethod.Post, SageX3Urls.Token(settings))
        {
            Content = JsonContent.Create(new Dictionary<string, string>
            {
                ["grant_type"] = grantType,
                ["client_id"] = settings.ClientId,
                ["client_secret"] = clientSecret,
                [grantField] = grantValue,
            }),
        };
        request.MarkIdempotent();
        using var response = await clients.CreateClient(SageX3HttpClients.Token).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var message = TryMessage(body);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                var json = JsonNode.Parse(body)!;
                var lifetime = json["expires_in"] is { } seconds ? TimeSpan.FromSeconds(seconds.GetValue<double>()) : TimeSpan.FromMinutes(5);
                return new CloudTokenAnswer(json["access_token"]!.GetValue<string>(), json["refresh_token"]?.GetValue<string>(), lifetime, null);
            case HttpStatusCode.Forbidden:
                return new CloudTokenAnswer(null, null, TimeSpan.Zero, message ?? $"HTTP {(int)response.StatusCode}");
            case HttpStatusCode.Unauthorized:
                throw new SageX3ConfigurationException($"The X3 Cloud gateway refused the client secret for client id '{settings.ClientId}' ({message}). Check the secret '{SageX3SecretNames.CloudClientSecret}'.");
            case HttpStatusCode.NotFound:
                throw new SageX3ConfigurationException($"The X3 Cloud gateway at {settings.CloudGatewayUrl} does not know client id '{settings.ClientId}' ({message}). Check SageX3__ClientId and SageX3__CloudGatewayUrl.");
            case HttpStatusCode.BadRequest:
                throw new SageX3ConfigurationException($"The X3 Cloud gateway rejected the token request: {message}.");
            default:
                throw new SageX3ApiException((int)response.StatusCode, $"The X3 Cloud gateway answered {(int)response.StatusCode} to a token request: {message}", message is null ? [] : [message]);
        }
    }

    private static string? TryMessage(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["message"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
