using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Http;

namespace MlConnector.Functions.Triggers;

/// <summary>
/// Adobe Commerce order webhooks. Anonymous at the Functions level on purpose: Adobe cannot send a function
/// key, and the endpoint verifies the webhook signature itself.
/// </summary>
public sealed class AdobeCommerceWebhookFunction(WebhookEndpoint endpoint)
{
    [Function("AdobeCommerceWebhook")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/adobe-commerce")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.HandleAsync("adobe-commerce-x3", request, cancellationToken);
}
