using System.Globalization;
using System.Text.Json;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Core.Flows;
using MlConnector.Flows.SpsCommerceX3.Archive;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// Uploads an answer to a trading partner (855, 810, 856) through <see cref="SpsRsxUploadSink"/>, then notes it on the PO's
/// archive, so the next answer is a replace (05) rather than a second original and a closed order is not rejected
/// after its acceptance. A <see cref="NothingToSendKind"/> document (nothing new for the partner) uploads nothing.
/// </summary>
public sealed class SpsAnswerSink(ITargetSink upload, ISpsOrderArchive archive) : ITargetSink
{
    public const string NothingToSendKind = "sps-nothing";

    public async Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        if (request.Document.Kind == NothingToSendKind)
        {
            return new WriteResult(request.ExistingTargetId ?? request.Document.ExternalReference, WriteAction.AlreadyPresent);
        }

        var result = await upload.WriteAsync(request, cancellationToken);
        var body = request.Document.Body;
        if (body.TryGetProperty("Header", out var header) && header.TryGetProperty("OrderHeader", out var ack) && ack.TryGetProperty("AcknowledgementType", out var type))
        {
            await NoteAsync(Key(ack), order => order with
            {
                AcknowledgmentsSent = order.AcknowledgmentsSent + 1,
                LastAcknowledgmentAccepted = type.GetString() is "AD" or "AC" or "AK",
                LastAcknowledgedLines = Signature(body),
            }, cancellationToken);
        }
        else if (header.ValueKind == JsonValueKind.Object && header.TryGetProperty("InvoiceHeader", out var invoice) && invoice.TryGetProperty("InvoiceNumber", out var number) &&
            invoice.TryGetProperty("PurchaseOrderNumber", out _))
        {
            var invoiceNumber = number.GetString() ?? string.Empty;
            await NoteAsync(Key(invoice), order => order with
            {
                InvoicesSent = new Dictionary<string, int>(order.InvoicesSent, StringComparer.Ordinal) { [invoiceNumber] = order.InvoicesSent.GetValueOrDefault(invoiceNumber) + 1 },
            }, cancellationToken);
        }
        else if (header.ValueKind == JsonValueKind.Object && header.TryGetProperty("ShipmentHeader", out var shipment) && shipment.TryGetProperty("ShipmentIdentification", out var delivery) &&
            body.TryGetProperty("OrderLevel", out var orders) && orders.GetArrayLength() > 0)
        {
            var deliveryNumber = delivery.GetString() ?? string.Empty;
            var orderKey = $"{shipment.GetProperty("TradingPartnerId").GetString()}~{orders[0].GetProperty("OrderHeader").GetProperty("PurchaseOrderNumber").GetString()}";
            await NoteAsync(orderKey, order => order with
            {
                ShipmentsSent = new Dictionary<string, int>(order.ShipmentsSent, StringComparer.Ordinal) { [deliveryNumber] = order.ShipmentsSent.GetValueOrDefault(deliveryNumber) + 1 },
            }, cancellationToken);
        }

        return result;
    }

    /// <summary>Item and scheduled quantity per line of an 855, as <see cref="X3SalesOrderToRsxAckMapper"/> signs the X3 lines.</summary>
    private static string Signature(JsonElement body) =>
        string.Join('|', body.GetProperty("LineItem").EnumerateArray().Select(item =>
            string.Create(CultureInfo.InvariantCulture, $"{item.GetProperty("OrderLine").GetProperty("VendorPartNumber").GetString()}:{item.GetProperty("LineItemAcknowledgement")[0].GetProperty("ItemScheduleQty").GetDecimal():0.####}")));

    private static string Key(JsonElement header) => $"{header.GetProperty("TradingPartnerId").GetString()}~{header.GetProperty("PurchaseOrderNumber").GetString()}";

    /// <summary>Best effort: an order archived before this connector kept archives has nothing to note; a conflict is retried once.</summary>
    private async Task NoteAsync(string orderKey, Func<ArchivedSpsOrder, ArchivedSpsOrder> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (order, etag) = await archive.ReadAsync(orderKey, cancellationToken);
            if (order is null)
            {
                return;
            }

            try
            {
                await archive.SaveAsync(change(order), etag, cancellationToken);
                return;
            }
            catch (SpsArchiveConflictException) when (attempt < 2)
            {
            }
        }
    }
}
