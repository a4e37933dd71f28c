using System.Globalization;
using System.Text.Json;
using MlConnector.Connectors.Stedi;
using MlConnector.Connectors.Stedi.GuideJson;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// An X3 purchase order becomes an X12 850, built by X12 identity and named by the partnership's guide (an imported
/// guide JSON Schema, else plain 004010/005010): BEG (purpose 00, type SA, POHNUM, order date), CUR, DTM 002 for the
/// expected date, N1 loops ship-to (X3 site) and vendor (X3 supplier), one PO1 loop per line with the X3 item as buyer's
/// part number (BP) and a PID description, and the CTT totals. Segments the guide has no place for are left out unless
/// the 850 needs them (BEG, PO1), which rejects the order naming what is missing. A cancelled order is sent with
/// purpose 01; a changed order that was sent before goes out with purpose 04.
/// </summary>
public sealed class PurchaseOrderTo850Mapper(StediPartners partners, StediGuides guides) : IRecordMapper
{
    public async ValueTask<MapResult> MapAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        PurchaseOrder order;
        try
        {
            order = CanonicalJson.FromElement<PurchaseOrder>(record.Payload);
        }
        catch (JsonException exception)
        {
            return MapResult.Rejected($"X3 purchase order {record.Key}: the payload is not a purchase order ({exception.Message})");
        }

        var partnership = await partners.PartnershipOfAsync(order.Supplier.Code, cancellationToken);
        if (partnership is null)
        {
            return MapResult.Rejected($"X3 purchase order {order.Number}: supplier {order.Supplier.Code} has no Stedi partnership in the '{StediNames.PartnershipTable}' mapping table any more");
        }

        var problems = new List<string>();
        if (order.Lines.Count == 0)
        {
            problems.Add("it has no lines");
        }

        problems.AddRange(order.Lines.Where(line => line.Quantity <= 0).Select(line => $"line {line.LineNumber} orders {line.Quantity} {line.Unit}"));
        problems.AddRange(order.Lines.Where(line => string.IsNullOrWhiteSpace(line.ItemCode)).Select(line => $"line {line.LineNumber} has no item"));
        if (string.IsNullOrWhiteSpace(order.Currency))
        {
            problems.Add("it has no currency");
        }

        var (setting, settingProblem) = await partners.TransactionSettingAsync(partnership, "850", cancellationToken);
        if (settingProblem is not null)
        {
            problems.Add(settingProblem);
        }

        var guide = await guides.ForAsync(partnership, "850", cancellationToken);
        var written = GuideJsonWriter.Write(Document(order), guide, guides.Delimiters);
        problems.AddRange(written.Problems);
        if (problems.Count > 0)
        {
            return MapResult.Rejected($"X3 purchase order {order.Number} cannot be sent as an 850: {string.Join("; ", problems)}");
        }

        var cancelled = order.Status == PurchaseOrderStatus.Cancelled;
        var document = new StediOutboundDocument(partnership, setting!, "850", JsonSerializer.SerializeToElement(written.Json),
            cancelled ? null : PurposeCodePath(written.Json), cancelled ? null : "04", guides.Delimiters.Repair);
        var summary = $"850 {order.Number} to {order.Supplier.Code} ({partnership}, {guide.Description}): {order.Lines.Count} lines, {order.TotalExcludingTax:0.##} {order.Currency}";
        return MapResult.Mapped(new TargetDocument(StediOutboundDocument.Kind, order.Number, summary, CanonicalJson.ToElement(document)));
    }

    /// <summary>The order by X12 identity, before a guide names it.</summary>
    public static X12Document Document(PurchaseOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var document = new X12Document("850");
        document.Heading.Add(new X12Segment("ST", optional: true).Set(1, "850", "transaction set").Set(2, "0001", "control number"));
        document.Heading.Add(new X12Segment("BEG")
            .Require(1, order.Status == PurchaseOrderStatus.Cancelled ? "01" : "00", "purpose")
            .Require(2, "SA", "order type")
            .Require(3, order.Number, "purchase order number")
            .Require(5, X12Codes.Date(order.OrderDate), "order date"));
        document.Heading.Add(new X12Segment("CUR", optional: true).Set(1, "BY", "entity").Set(2, order.Currency, "currency"));
        if (order.ExpectedDate is { } expected)
        {
            document.Heading.Add(new X12Segment("DTM", "delivery requested", optional: true).Set(1, "002", "date qualifier").Set(2, X12Codes.Date(expected), "date"));
        }

        if (!string.IsNullOrWhiteSpace(order.Site))
        {
            document.Heading.Add(Party("ST", order.Site, order.Site, "ship-to site"));
        }

        document.Heading.Add(Party("VN", order.Supplier.Name, order.Supplier.Code, "vendor"));
        foreach (var line in order.Lines.OrderBy(line => line.LineNumber))
        {
            var context = $"line {line.LineNumber}";
            var loop = new X12Loop("PO1", context).Add(new X12Segment("PO1", context)
                .Require(1, line.LineNumber.ToString(CultureInfo.InvariantCulture), "line number")
                .Require(2, line.Quantity, "quantity")
                .Require(3, X12Codes.Unit(line.Unit), "unit")
                .Require(4, line.UnitPrice, "unit price")
                .Set(5, "PE", "price basis")
                .Require(6, "BP", "item qualifier")
                .Require(7, line.ItemCode, "X3 item"));
            if (!string.IsNullOrWhiteSpace(line.Description))
            {
                loop.Add(new X12Loop("PID", context, optional: true).Add(new X12Segment("PID", context, optional: true).Set(1, "F", "description type").Set(5, line.Description, "description")));
            }

            if (line.ExpectedDate is { } lineDate)
            {
                loop.Add(new X12Segment("DTM", context, optional: true).Set(1, "002", "date qualifier").Set(2, X12Codes.Date(lineDate), "date"));
            }

            document.Detail.Add(loop);
        }

        document.Summary.Add(new X12Loop("CTT", optional: true).Add(new X12Segment("CTT", optional: true)
            .Set(1, (decimal)order.Lines.Count, "number of lines")
            .Set(2, order.Lines.Sum(line => line.Quantity), "hash total")));
        return document;
    }

    /// <summary>Where the guide put BEG01, so a re-sent version can carry purpose 04.</summary>
    private static string? PurposeCodePath(System.Text.Json.Nodes.JsonObject json)
    {
        var heading = json["heading"] as System.Text.Json.Nodes.JsonObject;
        var beg = heading?.FirstOrDefault(pair => X12Key.Parse(pair.Key) is { SegmentId: "BEG", IsLoop: false });
        var purpose = (beg?.Value as System.Text.Json.Nodes.JsonObject)?.FirstOrDefault(pair => X12Key.ElementPosition(pair.Key) == 1);
        return beg?.Key is null || purpose?.Key is null ? null : $"heading/{beg.Value.Key}/{purpose.Value.Key}";
    }

    private static X12Loop Party(string role, string name, string code, string meaning) =>
        new X12Loop("N1", meaning, optional: true).Add(new X12Segment("N1", meaning, optional: true)
            .Set(1, role, "entity")
            .Set(2, name, "name")
            .Set(3, "92", "id qualifier")
            .Set(4, code, "X3 code"));
}
