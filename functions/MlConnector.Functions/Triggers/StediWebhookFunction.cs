using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Http;

namespace MlConnector.Functions.Triggers;

/// <summary>
/// Stedi transaction webhooks. Anonymous at the Functions level on purpose: Stedi sends its configured API-key header
/// or Basic credentials, not a function key, and the endpoint checks those itself.
/// </summary>
public sealed class StediWebhookFunction(WebhookEndpoint endpoint)
{
    [Function("StediWebhook")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/stedi")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.HandleAsync("stedi-x3", request, cancellationToken);
}
