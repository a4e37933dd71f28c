using MlConnector.Core.Flows;

namespace MlConnector.Connectors.AdobeCommerce.Webhooks;

/// <summary>
/// What each kind of Adobe sender is told. The Commerce webhooks module calls us synchronously, inside the
/// shopper's action: a non-2xx answer to a <c>required</c> hook (Commerce's default), or <c>{"op":"exception"}</c> to
/// any hook, aborts that action: the checkout fails (AdobeDocs/commerce-extensibility src/pages/webhooks/responses.md,
/// "Responses" and "Logging"). So every outcome there is answered 200 <c>{"op":"success"}</c>, the documented "carry
/// on unchanged", and a refusal is kept on our side (log, refusal audit) instead of failing the shopper. The HMAC
/// scheme is the same synchronous call signed by the customer's proxy. Adobe I/O Events deliveries are
/// asynchronous and retried on any non-2xx, so they get the plain HTTP status (null here).
/// </summary>
public static class WebhookAnswers
{
    public const string Success = """{"op":"success"}""";

    public static WebhookReply? For(AdobeCommerceWebhookScheme scheme, WebhookOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return scheme == AdobeCommerceWebhookScheme.IoEvents ? null : new WebhookReply(200, "application/json", Success);
    }
}
