using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlConnector.OperatorConsole;

namespace MlConnector.Functions.Triggers;

/// <summary>
/// The operator console's pages (GET) and actions (POST). Anonymous at the function level on purpose: the app's
/// built-in authentication (infra/app/auth.bicep) lets only signed-in Microsoft Entra ID users through, and the
/// console checks their Operator or Reader app role; a browser never holds a function key.
/// </summary>
public sealed class OperatorConsoleFunction(ConsoleEndpoint console)
{
    [Function("OperatorConsole")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "console/{*path}")] HttpRequest request,
        CancellationToken cancellationToken) =>
        console.HandleAsync(request, cancellationToken);
}
