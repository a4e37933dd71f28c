using System.Net;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Pipeline.Access;

/// <summary>
/// The local runtime: its listener binds to loopback, so a request from this machine comes from the person who
/// started it, who may do everything (named by their OS account in the operator audit). Anything else is refused.
/// Never register this in the Functions app: there every request reaches the worker from the host over loopback.
/// </summary>
public sealed class LoopbackAccess : IOperatorAccess
{
    public OperatorPrincipal Resolve(HttpRequest request) =>
        request.HttpContext.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
            ? new OperatorPrincipal($"{Environment.UserName}@{Environment.MachineName} (local)", OperatorRole.Operator, IsAuthenticated: true)
            : OperatorPrincipal.Anonymous("The local runtime answers console and admin requests from this machine only.");
}
