using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MlConnector.Pipeline.Access;

/// <summary>Turns a principal that may not do something into the answer: 401 when nobody is signed in, 403 when the role is short.</summary>
public static class AccessCheck
{
    /// <summary>Null when <paramref name="principal"/> holds <paramref name="needed"/>; otherwise the refusal to send.</summary>
    public static IActionResult? Refuse(OperatorPrincipal principal, OperatorRole needed)
    {
        if (!principal.IsAuthenticated)
        {
            return new ObjectResult(new { error = principal.Refusal ?? "Sign in first." }) { StatusCode = StatusCodes.Status401Unauthorized };
        }

        var allowed = needed switch
        {
            OperatorRole.Operator => principal.CanChange,
            OperatorRole.Reader => principal.CanView,
            _ => true,
        };
        return allowed
            ? null
            : new ObjectResult(new { error = principal.Refusal ?? $"{principal.Name} has the {principal.Role} role; this needs {needed}." }) { StatusCode = StatusCodes.Status403Forbidden };
    }
}
