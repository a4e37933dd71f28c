using Microsoft.AspNetCore.Http;

namespace MlConnector.Pipeline.Access;

/// <summary>
/// Establishes who made a console or admin request. Each host registers its own: Entra ID through the Functions
/// built-in authentication in Azure (<see cref="EasyAuthAccess"/>), the admin token rule on one machine (MlConnector.Runtime.Admin.LocalOperatorAccess).
/// </summary>
public interface IOperatorAccess
{
    OperatorPrincipal Resolve(HttpRequest request);
}
