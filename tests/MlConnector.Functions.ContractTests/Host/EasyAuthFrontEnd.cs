using System.Text;
using System.Text.Json;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>
/// What App Service built-in authentication adds in front of the worker once a caller has signed in with Microsoft
/// Entra ID: the platform variable that says authentication is on, and the principal header (Base64 JSON with
/// <c>auth_typ</c>, <c>claims[] {typ, val}</c>, <c>name_typ</c>, <c>role_typ</c>).
/// Source: https://learn.microsoft.com/azure/app-service/configure-authentication-user-identities.
/// </summary>
public static class EasyAuthFrontEnd
{
    /// <summary>The app setting the platform sets while built-in authentication is on (infra/app/auth.bicep turns it on).</summary>
    public static readonly KeyValuePair<string, string> EnabledSetting = new("WEBSITE_AUTH_ENABLED", "True");

    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The principal header of a signed-in user holding <paramref name="appRole"/>.</summary>
    public static string SignedIn(string userName, string appRole)
    {
        var principal = new
        {
            auth_typ = "aad",
            name_typ = "preferred_username",
            role_typ = "roles",
            claims = new[] { new { typ = "preferred_username", val = userName }, new { typ = "roles", val = appRole } },
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(principal)));
    }
}
