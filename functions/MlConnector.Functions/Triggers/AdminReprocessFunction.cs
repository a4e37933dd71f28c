using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Http;

namespace MlConnector.Functions.Triggers;

/// <summary>Re-runs a rejected or failed record from its source (query: flow, record); needs the Operator app role (Entra ID through the built-in authentication).</summary>
public sealed class AdminReprocessFunction(AdminEndpoints endpoints)
{
    [Function("AdminReprocess")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/reprocess")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.ReprocessAsync(request, cancellationToken);
}
