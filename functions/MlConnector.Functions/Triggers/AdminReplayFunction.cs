using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Http;

namespace MlConnector.Functions.Triggers;

/// <summary>Requeues poison messages (query: queue, flow, record); needs the Operator app role (Entra ID through the built-in authentication).</summary>
public sealed class AdminReplayFunction(AdminEndpoints endpoints)
{
    [Function("AdminReplay")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/replay")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.ReplayAsync(request, cancellationToken);
}
