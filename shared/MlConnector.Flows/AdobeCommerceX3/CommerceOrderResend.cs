using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Flows.AdobeCommerceX3;

/// <summary>
/// Reads orders back from Commerce's REST API and admits them into <c>adobe-commerce-x3</c> as their webhook would
/// have. A synchronous Commerce hook is never sent again, and it is answered success even when the delivery could
/// not be stored or was refused (so the shopper's checkout is not failed): this is how such orders reach X3 once
/// storage or the webhook keys are right again. Orders without a purchase order number are left out; an order
/// already written is mapped again and updates its X3 invoice rather than adding one.
/// </summary>
public sealed class CommerceOrderResend(AdobeCommerceClient client, RecordAdmission admission, IOptions<AdobeCommerceOptions> options)
{
    public async Task<ResendSummary> ResendAsync(IReadOnlyList<string> incrementIds, DateTimeOffset? createdSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incrementIds);
        var orders = new List<JsonElement>();
        foreach (var number in incrementIds)
        {
            orders.AddRange(await client.SearchOrderDocumentsAsync(new SearchCriteria().Where("increment_id", number), cancellationToken));
        }

        if (createdSince is { } since)
        {
            var criteria = new SearchCriteria().Where("created_at", since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), "gteq").OrderBy("created_at");
            orders.AddRange(await client.SearchOrderDocumentsAsync(criteria, cancellationToken));
        }

        var field = options.Value.PurchaseOrderNumberField;
        var records = orders
            .Where(order => OrderJsonPath.ReadText(order, field) is not null)
            .Select(Record)
            .OfType<SourceRecord>()
            .DistinctBy(record => record.Key)
            .ToList();
        var missing = incrementIds.Where(number => orders.All(order => OrderJsonPath.ReadText(order, "increment_id") != number)).ToList();
        var result = records.Count == 0 ? null : await admission.AdmitAsync(AdobeCommerceX3Flows.OrdersToInvoicesName, records, AdmissionMode.Webhook, cancellationToken);
        return new ResendSummary(records.Select(record => record.Key).ToList(), orders.Count - records.Count, missing, result?.Enqueued ?? 0);
    }

    /// <summary>Keyed and versioned like a webhook delivery of the same order state (see the webhook source).</summary>
    private static SourceRecord? Record(JsonElement order)
    {
        if (OrderJsonPath.ReadText(order, "increment_id") is not { } number)
        {
            return null;
        }

        var updatedAt = OrderJsonPath.ReadText(order, "updated_at");
        var modifiedAt = DateTimeOffset.TryParseExact(updatedAt, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : (DateTimeOffset?)null;
        return new SourceRecord(number, $"resend:{updatedAt}:{OrderJsonPath.ReadText(order, "status")}", modifiedAt, order.Clone());
    }
}

/// <param name="Admitted">Order numbers handed to the flow.</param>
/// <param name="WithoutPurchaseOrder">Orders found but not paid with a purchase order number, left out.</param>
/// <param name="NotFound">Order numbers asked for that Commerce does not have.</param>
/// <param name="Enqueued">How many were new versions for the flow (the rest it had already).</param>
public sealed record ResendSummary(IReadOnlyList<string> Admitted, int WithoutPurchaseOrder, IReadOnlyList<string> NotFound, int Enqueued);
