using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.Stedi.Api;

/// <summary>
/// <c>GET /2023-08-01/transactions</c> (ListTransactions), <c>GET /2023-08-01/transactions/{transactionId}/output</c> (the parsed Guide JSON) and <c>…/input</c> (the X12):
/// a 302 to a pre-signed URL valid 60 minutes, with <c>{"documentDownloadUrl": …}</c> in the body for clients that do
/// not follow redirects. The pre-signed URL needs no API key; an expired or forged one is 403.
/// </summary>
internal static class TransactionEndpoints
{
    public const string ArtifactPath = "/_artifacts";
    private static readonly TimeSpan Validity = TimeSpan.FromMinutes(60);
    private static readonly ConcurrentDictionary<string, (string TransactionId, string Usage, DateTimeOffset Expires)> Signatures = new(StringComparer.Ordinal);

    public static void Map(WebApplication app)
    {
        // ListTransactions: newest first, pageSize 1..500 (default 100), an opaque nextPageToken while more remain.
        app.MapGet(ApiGate.BasePath + "/transactions", (HttpContext context, StediStore store, WebhookSender webhooks) =>
        {
            var size = int.TryParse(context.Request.Query["pageSize"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var requested) ? requested : 100;
            if (size is < 1 or > 500)
            {
                return Errors.WriteAsync(context, 400, "pageSize must be between 1 and 500.", "validation_error");
            }

            var skip = int.TryParse(context.Request.Query["pageToken"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var token) ? token : 0;
            var all = store.Transactions.Reverse().ToList();
            var items = new JsonArray(all.Skip(skip).Take(size).Select(t => (JsonNode)webhooks.Detail(t, webhooks.ApiBase)).ToArray());
            var body = new JsonObject { ["items"] = items };
            if (skip + size < all.Count)
            {
                body["nextPageToken"] = (skip + size).ToString(CultureInfo.InvariantCulture);
            }

            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body.ToJsonString());
        });

        app.MapGet(ApiGate.BasePath + "/transactions/{transactionId}/{usage}", (HttpContext context, string transactionId, string usage, StediStore store) =>
        {
            if (usage is not ("output" or "input"))
            {
                return Errors.WriteAsync(context, 404, "Not Found");
            }

            if (store.Transaction(transactionId) is null)
            {
                return Errors.WriteAsync(context, 404, $"Transaction '{transactionId}' not found.", "entity_not_found");
            }

            var signature = Guid.NewGuid().ToString("N");
            Signatures[signature] = (transactionId, usage, store.Time.GetUtcNow() + Validity);
            var url = $"{context.Request.Scheme}://{context.Request.Host}{ArtifactPath}/{transactionId}/{usage}?X-Amz-Expires={(int)Validity.TotalSeconds}&X-Amz-Signature={signature}";
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = url;
            return context.Response.WriteAsJsonAsync(new { documentDownloadUrl = url });
        });

        app.MapGet(ArtifactPath + "/{transactionId}/{usage}", (HttpContext context, string transactionId, string usage, StediStore store) =>
        {
            var signature = context.Request.Query["X-Amz-Signature"].ToString();
            if (!Signatures.TryGetValue(signature, out var signed) || signed.TransactionId != transactionId || signed.Usage != usage ||
                store.Time.GetUtcNow() > signed.Expires || store.Transaction(transactionId) is not { } transaction)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "application/xml";
                return context.Response.WriteAsync("<Error><Code>AccessDenied</Code><Message>Request has expired or the signature does not match</Message></Error>");
            }

            if (usage == "input")
            {
                context.Response.ContentType = "application/edi-x12";
                return context.Response.WriteAsync(transaction.Edi);
            }

            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(transaction.Output.ToJsonString());
        });
    }

    internal static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static JsonSerializerOptions Json { get; } = new() { PropertyNamingPolicy = null };
}
