using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Http;

namespace MlConnector.Functions.Triggers;

/// <summary>A record's current state and every stage it passed through (query: flow, record); needs the Reader or Operator app role (Entra ID through the built-in authentication).</summary>
public sealed class AdminHistoryFunction(AdminEndpoints endpoints)
{
    [Function("AdminHistory")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/history")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.HistoryAsync(request, cancellationToken);
}
