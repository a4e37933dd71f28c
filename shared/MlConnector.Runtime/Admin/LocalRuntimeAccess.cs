using Microsoft.AspNetCore.Http;
using MlConnector.Pipeline.Access;

namespace MlConnector.Runtime.Admin;

/// <summary>
/// The local runtime's operator: whoever <see cref="AdminAccess"/> lets in (anyone on this machine while the listener
/// is loopback-only, else a holder of the admin token) may do everything, and is named in the operator audit by the
/// OS account that runs <c>mlc</c>. One rule for the admin API and the console, so neither is looser than the other.
/// </summary>
public sealed class LocalRuntimeAccess(AdminAccess admin) : IOperatorAccess
{
    public OperatorPrincipal Resolve(HttpRequest request) =>
        admin.Allows(request.HttpContext)
            ? new OperatorPrincipal($"{Environment.UserName}@{Environment.MachineName} (local)", OperatorRole.Operator, IsAuthenticated: true)
            : OperatorPrincipal.Anonymous(admin.LoopbackOnly
                ? "The local runtime answers console and admin requests from this machine only."
                : "This runtime listens beyond this machine: send 'Authorization: Bearer <token>' (mlc admin token prints it), or reach it through a loopback-only listener.");
}
