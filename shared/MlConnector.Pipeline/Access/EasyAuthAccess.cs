using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace MlConnector.Pipeline.Access;

/// <summary>
/// The Azure host: the Functions built-in authentication (App Service "Easy Auth", configured by infra/app/auth.bicep)
/// signs the user in with Microsoft Entra ID and passes the principal to the app in <c>X-MS-CLIENT-PRINCIPAL</c>
/// (Base64 JSON: <c>auth_typ</c>, <c>claims[] {typ, val}</c>, <c>name_typ</c>, <c>role_typ</c>) and its name in
/// <c>X-MS-CLIENT-PRINCIPAL-NAME</c>; the platform strips these headers from outside requests.
/// Source: https://learn.microsoft.com/azure/app-service/configure-authentication-user-identities.
/// The headers are trusted only while the platform says authentication is on (<c>WEBSITE_AUTH_ENABLED=True</c>, the
/// variable Microsoft.Identity.Web's AppServicesAuthenticationInformation reads): without it anyone could send them.
/// App roles (<see cref="OperatorRoleName"/>, <see cref="ReaderRoleName"/>) arrive as <c>roles</c> claims.
/// </summary>
public sealed class EasyAuthAccess(IConfiguration configuration) : IOperatorAccess
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string AuthEnabledSetting = "WEBSITE_AUTH_ENABLED";
    public const string OperatorRoleName = "Operator";
    public const string ReaderRoleName = "Reader";

    private static readonly string[] NameClaims = ["preferred_username", "name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"];

    public OperatorPrincipal Resolve(HttpRequest request)
    {
        if (!string.Equals(configuration[AuthEnabledSetting], "True", StringComparison.OrdinalIgnoreCase))
        {
            return OperatorPrincipal.Anonymous("The app's built-in authentication is off, so no caller can be identified: deploy with infra/ (it turns Microsoft Entra ID sign-in on).");
        }

        if (request.Headers[PrincipalHeader].ToString() is not { Length: > 0 } encoded || Decode(encoded) is not { } principal)
        {
            return OperatorPrincipal.Anonymous("Sign in with Microsoft Entra ID first.");
        }

        var roleType = string.IsNullOrEmpty(principal.RoleType) ? "roles" : principal.RoleType;
        var roles = principal.Claims
            .Where(claim => claim.Type == roleType || claim.Type == "roles")
            .Select(claim => claim.Value)
            .ToHashSet(StringComparer.Ordinal);
        var name = request.Headers[PrincipalNameHeader].ToString() is { Length: > 0 } header
            ? header
            : NameClaims.Select(type => principal.Claims.FirstOrDefault(claim => claim.Type == type)?.Value).FirstOrDefault(value => !string.IsNullOrEmpty(value)) ?? "unnamed user";
        var role = roles.Contains(OperatorRoleName) ? OperatorRole.Operator : roles.Contains(ReaderRoleName) ? OperatorRole.Reader : OperatorRole.None;
        return new OperatorPrincipal(name, role, IsAuthenticated: true, role == OperatorRole.None ? $"{name} has neither the {OperatorRoleName} nor the {ReaderRoleName} app role: ask an administrator to assign one (docs/operations.md)." : null);
    }

    private static ClientPrincipal? Decode(string encoded)
    {
        try
        {
            return JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record ClientPrincipal(
        [property: System.Text.Json.Serialization.JsonPropertyName("auth_typ")] string? AuthType,
        [property: System.Text.Json.Serialization.JsonPropertyName("claims")] IReadOnlyList<ClientClaim> Claims,
        [property: System.Text.Json.Serialization.JsonPropertyName("name_typ")] string? NameType,
        [property: System.Text.Json.Serialization.JsonPropertyName("role_typ")] string? RoleType);

    private sealed record ClientClaim(
        [property: System.Text.Json.Serialization.JsonPropertyName("typ")] string Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("val")] string Value);
}
