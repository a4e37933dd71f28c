using System.Net;
using Microsoft.AspNetCore.Http;
using MlConnector.Pipeline.Access;

namespace MlConnector.Runtime.Admin;

/// <summary>
/// Who may use the local runtime's console and admin API: whoever <see cref="AdminAccess"/> lets in (this machine on a
/// loopback-only listener; anyone presenting the admin token). The person at this machine is named by their OS
/// account in the operator audit, a token holder elsewhere by the address they called from.
/// </summary>
public sealed class LocalOperatorAccess(AdminAccess access) : IOperatorAccess
{
    public OperatorPrincipal Resolve(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!access.Allows(request.HttpContext))
        {
            return OperatorPrincipal.Anonymous("The local runtime answers console and admin requests from this machine, or from elsewhere with the admin token ('mlc admin token' prints it).");
        }

        var remote = request.HttpContext.Connection.RemoteIpAddress;
        var name = remote is not null && IPAddress.IsLoopback(remote)
            ? $"{Environment.UserName}@{Environment.MachineName} (local)"
            : $"admin token holder at {remote}";
        return new OperatorPrincipal(name, OperatorRole.Operator, IsAuthenticated: true);
    }
}
