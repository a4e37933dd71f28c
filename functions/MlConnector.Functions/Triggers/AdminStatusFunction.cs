using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Http;

namespace MlConnector.Functions.Triggers;

/// <summary>Flow and record status (query: flow, record); needs the Reader or Operator app role (Entra ID through the built-in authentication).</summary>
public sealed class AdminStatusFunction(AdminEndpoints endpoints)
{
    [Function("AdminStatus")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/status")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.StatusAsync(request, cancellationToken);
}
