using System.Text;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.SageX3.Auth;

/// <summary>Syracuse HTTP Basic: the api1 web services run as a Syracuse user.</summary>
internal static class BasicAuthentication
{
    public static bool IsValid(HttpRequest request, IReadOnlyDictionary<string, string> users)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && users.TryGetValue(decoded[..colon], out var password) && password == decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
