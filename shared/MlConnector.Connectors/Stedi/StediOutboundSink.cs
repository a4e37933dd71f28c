using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Core;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.Stedi;

/// <summary>
/// Sends <see cref="StediOutboundDocument"/>s through generate-edi. The Idempotency-Key is
/// <c>{flow}:{record key}:{version}</c>, so a retry of the same version (a redelivered message, or a resend after the
/// answer was lost) is recognised by Stedi within its 24-hour window and no partner gets an order twice, while a new
/// version is a new interchange. A version re-sent after an earlier one was delivered carries the revision purpose
/// code (an 850 change, <c>04</c>).
/// </summary>
public sealed class StediOutboundSink(StediClient client, IOptions<StediOptions> options) : ITargetSink
{
    private const int MaxKeyLength = 255;

    public static string IdempotencyKeyFor(WriteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = $"{request.Flow}:{request.SourceKey}:{request.SourceVersion}";
        if (key.Length <= MaxKeyLength)
        {
            return key;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return $"{request.Flow}:{hash}";
    }

    public async Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Document.Kind != StediOutboundDocument.Kind)
        {
            throw new TargetWriteException($"This sink writes '{StediOutboundDocument.Kind}' documents, not '{request.Document.Kind}'.", isTransient: false);
        }

        var document = CanonicalJson.FromElement<StediOutboundDocument>(request.Document.Body);
        var transaction = JsonNode.Parse(document.Transaction.GetRawText())!.AsObject();
        if (request.ExistingTargetId is not null && document is { PurposeCodePath: { } path, RevisionPurposeCode: { } revision })
        {
            SetAt(transaction, path, revision);
        }

        var body = new JsonObject
        {
            ["transactionGroups"] = new JsonArray(new JsonObject
            {
                ["transactionSettingId"] = document.TransactionSettingId,
                ["transactions"] = new JsonArray(transaction),
            }),
        };
        if (options.Value.InterchangeUsageIndicator is { Length: > 0 } usage)
        {
            body["overrides"] = new JsonObject { ["interchangeUsageIndicator"] = usage };
        }

        if (document.RepairDelimiters)
        {
            body["repairOptions"] = new JsonObject { ["replaceStediCanonicalDelimitersConflicts"] = true };
        }

        try
        {
            var generated = await client.GenerateEdiAsync(document.PartnershipId, body, IdempotencyKeyFor(request), cancellationToken);
            return new WriteResult(generated.FileExecutionId, request.ExistingTargetId is null ? WriteAction.Created : WriteAction.Updated);
        }
        catch (StediApiException exception)
        {
            var what = $"{document.TransactionSetId} {request.Document.ExternalReference} for partnership {document.PartnershipId}";
            var advice = exception.StatusCode switch
            {
                System.Net.HttpStatusCode.NotFound => $" Check the partnership in the '{StediNames.PartnershipTable}' mapping table and the transaction setting '{document.TransactionSettingId}'.",
                System.Net.HttpStatusCode.UnprocessableEntity => " The Idempotency-Key was used with a different body within 24 hours; the document changed without a new X3 version.",
                _ => string.Empty,
            };
            throw new TargetWriteException($"Stedi refused {what}: {exception.Message}.{advice}", exception.IsTransient, (int?)exception.StatusCode, exception);
        }
    }

    /// <summary>Sets a slash-separated path (e.g. <c>heading/beginning_segment_for_purchase_order_BEG/transaction_set_purpose_code_01</c>).</summary>
    private static void SetAt(JsonObject root, string path, string value)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        JsonObject node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next)
            {
                return;
            }

            node = next;
        }

        node[parts[^1]] = value;
    }
}
