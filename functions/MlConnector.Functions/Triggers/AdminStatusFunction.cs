using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Http;

namespace MlConnector.Functions.Triggers;

/// <summary>Flow and record status (query: flow, record); needs a function key.</summary>
public sealed class AdminStatusFunction(AdminEndpoints endpoints)
{
    [Function("AdminStatus")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "admin/status")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.StatusAsync(request, cancellationToken);
}
