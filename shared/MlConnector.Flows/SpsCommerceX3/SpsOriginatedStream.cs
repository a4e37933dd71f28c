using System.Runtime.CompilerServices;
using System.Text.Json;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// The X3 records that answer an SPS trading partner: those whose external reference is an SPS order key
/// (<c>{TradingPartnerId}~{PurchaseOrderNumber}</c>, as the <c>sps-x3</c> flow writes it). Others (orders keyed in
/// X3, or from another channel) are not SPS's business and are left out before admission.
/// </summary>
/// <param name="isReady">Further holds back records not ready to answer with (e.g. unconfirmed deliveries); a later version is read again.</param>
public sealed class SpsOriginatedStream(ISourceStream inner, string externalReferenceProperty, Func<JsonElement, bool>? isReady = null) : ISourceStream
{
    public StreamDefinition Definition => inner.Definition;

    public static bool TryParseKey(string? reference, out string partner, out string purchaseOrder)
    {
        var separator = reference?.IndexOf('~', StringComparison.Ordinal) ?? -1;
        partner = separator > 0 ? reference![..separator] : string.Empty;
        purchaseOrder = separator > 0 ? reference![(separator + 1)..] : string.Empty;
        return separator > 0 && purchaseOrder.Length > 0;
    }

    public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in inner.ReadAsync(from, cancellationToken))
        {
            var records = page.Records.Where(IsSps).ToList();
            if (records.Count > 0)
            {
                yield return new SourcePage(records, page.ResumeToken);
            }
        }
    }

    private bool IsSps(SourceRecord record) =>
        record.Payload.ValueKind == JsonValueKind.Object &&
        record.Payload.TryGetProperty(externalReferenceProperty, out var reference) &&
        reference.ValueKind == JsonValueKind.String &&
        TryParseKey(reference.GetString(), out _, out _) &&
        (isReady is null || isReady(record.Payload));
}
