using System.Net;
using System.Text;
using Duende.IdentityModel.Client;
using MlConnector.Connectors.Http;

namespace MlConnector.Tests.Connectors.Http;

/// <summary>One wording of token failures for every client-credentials connector: what was refused and which setting to check.</summary>
public sealed class TokenFailureTests
{
    private static readonly OAuth2Endpoint Endpoint = new("tokens", new Uri("https://auth.example/realms/acme/protocol/openid-connect/token"), "mlc-client", TokenRequestEncoding.Form);
    private static readonly TokenFailureWording Keycloak = new("JAGGAER", "Jaggaer__ClientId and the secret 'jaggaer-client-secret'", "Jaggaer__BaseUrl and __Realm", BadRequestIsRefusal: true);
    private static readonly TokenFailureWording Strict = Keycloak with { Authority = "Procurify", BadRequestIsRefusal = false };

    [Fact]
    public async Task A_401_is_a_refused_credential_naming_the_client_and_the_settings_but_not_the_secret()
    {
        var failure = TokenFailure.Of(await AnswerAsync(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"Invalid client credentials"}"""), Endpoint, Keycloak);

        Assert.True(failure.CredentialRefused);
        Assert.Equal("JAGGAER refused client id 'mlc-client' (401: Invalid client credentials): check Jaggaer__ClientId and the secret 'jaggaer-client-secret'.", failure.Message);
    }

    [Fact]
    public async Task A_400_is_a_refusal_only_for_authorities_that_answer_a_client_not_allowed_the_grant_with_it()
    {
        var answer = await AnswerAsync(HttpStatusCode.BadRequest, """{"error":"unauthorized_client"}""");

        Assert.True(TokenFailure.Of(answer, Endpoint, Keycloak).CredentialRefused);
        Assert.False(TokenFailure.Of(answer, Endpoint, Strict).CredentialRefused);
        Assert.Equal("Procurify token request failed (400: unauthorized_client).", TokenFailure.Of(answer, Endpoint, Strict).Message);
    }

    [Fact]
    public async Task No_token_endpoint_or_an_answer_that_is_not_a_token_blames_the_address_settings()
    {
        var missing = TokenFailure.Of(await AnswerAsync(HttpStatusCode.NotFound, "<html>Not Found</html>"), Endpoint, Keycloak);
        var page = TokenFailure.Of(await AnswerAsync(HttpStatusCode.OK, "<html>Sign in</html>"), Endpoint, Keycloak);
        var empty = TokenFailure.Of(await AnswerAsync(HttpStatusCode.OK, """{"token_type":"Bearer"}"""), Endpoint, Keycloak);

        Assert.False(missing.CredentialRefused || page.CredentialRefused || empty.CredentialRefused);
        Assert.Equal($"No JAGGAER token endpoint at {Endpoint.Address} (404): check Jaggaer__BaseUrl and __Realm.", missing.Message);
        Assert.Equal($"{Endpoint.Address} did not answer with a JAGGAER token (not JSON): check Jaggaer__BaseUrl and __Realm.", page.Message);
        Assert.Equal($"{Endpoint.Address} answered without an access_token: check Jaggaer__BaseUrl and __Realm.", empty.Message);
    }

    private static async Task<OAuth2TokenResult> AnswerAsync(HttpStatusCode status, string body)
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/html") };
        return new OAuth2TokenResult(await ProtocolResponse.FromHttpResponseAsync<TokenResponse>(response));
    }
}
