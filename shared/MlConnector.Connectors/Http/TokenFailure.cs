using System.Net;

namespace MlConnector.Connectors.Http;

/// <summary>How a connector names its authority and the settings to check, for <see cref="TokenFailure.Of"/>.</summary>
/// <param name="Authority">The authority as an operator knows it ("Procurify").</param>
/// <param name="CredentialSettings">What to check when the credential is refused (the client id setting and the secret's name).</param>
/// <param name="AddressSettings">What to check when no authority answers at the address.</param>
/// <param name="BadRequestIsRefusal">True for authorities that answer a client not allowed the grant with 400 (Keycloak, Auth0).</param>
public sealed record TokenFailureWording(string Authority, string CredentialSettings, string AddressSettings, bool BadRequestIsRefusal);

/// <summary>
/// Why a client-credentials token request failed, worded for the operator. The cases are the same for every authority:
/// the credential refused (asking again with it is pointless), no token endpoint at the address, an answer that is not
/// a token, any other failure.
/// </summary>
public sealed record TokenFailure(bool CredentialRefused, string Message)
{
    public static TokenFailure Of(OAuth2TokenResult answer, OAuth2Endpoint endpoint, TokenFailureWording wording)
    {
        var status = (int)answer.StatusCode;
        var detail = answer.Detail ?? "no detail";
        return answer.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Refused(),
            HttpStatusCode.BadRequest when wording.BadRequestIsRefusal => Refused(),
            HttpStatusCode.NotFound => new(false, $"No {wording.Authority} token endpoint at {endpoint.Address} (404): check {wording.AddressSettings}."),
            HttpStatusCode.OK when !answer.IsJson => new(false, $"{endpoint.Address} did not answer with a {wording.Authority} token (not JSON): check {wording.AddressSettings}."),
            HttpStatusCode.OK => new(false, $"{endpoint.Address} answered without an access_token: check {wording.AddressSettings}."),
            _ => new(false, $"{wording.Authority} token request failed ({status}: {detail})."),
        };

        TokenFailure Refused() => new(true, $"{wording.Authority} refused client id '{endpoint.ClientId}' ({status}: {detail}): check {wording.CredentialSettings}.");
    }
}
