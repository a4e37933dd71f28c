using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Core.Documents;

namespace MlConnector.Connectors.SageX3.Writing;

/// <summary>Canonical documents as api1 <c>$create</c> / <c>$edit</c> bodies (X3 field codes; codes already mapped to X3).</summary>
internal static class X3WriteBodies
{
    public static JsonObject PurchaseOrder(PurchaseOrder order, string externalReference, SageX3Options options) => new()
    {
        ["POHFCY"] = order.Site ?? NullIfEmpty(options.DefaultSite),
        ["BPSNUM"] = order.Supplier.Code,
        ["ORDDAT"] = Date(order.OrderDate),
        ["CUR"] = order.Currency,
        ["EXTRCPDAT"] = order.ExpectedDate is { } expected ? Date(expected) : null,
        [options.ExternalReferenceField] = externalReference,
        [options.PurchaseOrderLinesProperty] = new JsonArray(order.Lines.Select(line => (JsonNode)new JsonObject
        {
            ["POPLIN"] = line.LineNumber,
            ["ITMREF"] = line.ItemCode,
            ["ITMDES"] = line.Description,
            ["QTYUOM"] = line.Quantity,
            ["UOM"] = line.Unit,
            ["GROPRI"] = line.UnitPrice,
            ["AMTTAX"] = line.TaxAmount,
            ["ACC"] = line.GlAccount,
            ["CCE"] = line.CostCentre,
            ["EXTRCPDAT"] = line.ExpectedDate is { } date ? Date(date) : null,
        }).ToArray()),
    };

    public static JsonObject SalesOrder(SalesOrder order, string externalReference, SageX3Options options) => new()
    {
        ["SALFCY"] = order.Site ?? NullIfEmpty(options.DefaultSalesSite) ?? NullIfEmpty(options.DefaultSite),
        ["BPCORD"] = order.Customer.Code,
        ["CUSORDREF"] = order.CustomerOrderNumber,
        ["ORDDAT"] = Date(order.OrderDate),
        ["DEMDLVDAT"] = order.RequestedDate is { } requested ? Date(requested) : null,
        ["CUR"] = order.Currency,
        [options.ExternalReferenceField] = externalReference,
        [options.SalesOrderLinesProperty] = new JsonArray(order.Lines.Select(line => (JsonNode)new JsonObject
        {
            ["SOPLIN"] = line.LineNumber,
            ["ITMREF"] = line.ItemCode,
            ["ITMDES"] = line.Description,
            ["QTY"] = line.Quantity,
            ["SAU"] = line.Unit,
            ["GROPRI"] = line.UnitPrice,
        }).ToArray()),
    };

    public static JsonObject Supplier(Supplier supplier, string externalReference, SageX3Options options) => new()
    {
        ["BPSNUM"] = supplier.Code,
        ["BPSNAM"] = supplier.Name,
        ["CUR"] = supplier.Currency,
        ["CRN"] = supplier.TaxNumber,
        ["WEB"] = supplier.Email,
        ["BPAADDLIG1"] = supplier.Address?.Lines.ElementAtOrDefault(0),
        ["BPAADDLIG2"] = supplier.Address?.Lines.ElementAtOrDefault(1),
        ["CTY"] = supplier.Address?.City,
        ["SAT"] = supplier.Address?.Region,
        ["POSCOD"] = supplier.Address?.PostalCode,
        ["CRY"] = supplier.Address?.CountryCode,
        ["ENAFLG"] = supplier.Active ? 2 : 1,
        [options.ExternalReferenceField] = externalReference,
    };

    public static JsonObject SupplierInvoice(Invoice invoice, string externalReference, SageX3Options options) => new()
    {
        ["BPR"] = invoice.Supplier.Code,
        ["BPRVCR"] = invoice.Number,
        ["ACCDAT"] = Date(invoice.InvoiceDate),
        ["CUR"] = invoice.Currency,
        ["POHNUM"] = invoice.PurchaseOrderNumber,
        ["INVSHI"] = invoice.ShippingAmount,
        ["INVDCT"] = invoice.DiscountAmount,
        ["AMTNOT"] = invoice.TotalExcludingTax,
        ["AMTATI"] = invoice.TotalIncludingTax,
        [options.ExternalReferenceField] = externalReference,
        [options.SupplierInvoiceLinesProperty] = new JsonArray(invoice.Lines.Select(line => (JsonNode)new JsonObject
        {
            ["LIN"] = line.LineNumber,
            ["ITMREF"] = line.ItemCode,
            ["ITMDES"] = line.Description,
            ["QTYUOM"] = line.Quantity,
            ["NETPRI"] = line.UnitPrice,
            ["AMTTAX"] = line.TaxAmount,
            ["TAXRAT"] = line.TaxPercent,
            ["ACC"] = line.GlAccount,
            ["POPLIN"] = line.PurchaseOrderLine,
        }).ToArray()),
    };

    /// <summary>
    /// A purchase receipt of the order's goods: receipt site on the header and each line (Sage's receipt sample), the
    /// order line by number, and the stock details a stock-managed line needs (status, packing unit, quantity).
    /// </summary>
    public static JsonObject Receipt(ShipNotice notice, PurchaseOrder order, SageX3Options options)
    {
        var site = order.Site ?? NullIfEmpty(options.DefaultSite);
        return new JsonObject
        {
            ["PRHFCY"] = site,
            ["BPSNUM"] = order.Supplier.Code,
            ["RCPDAT"] = Date(notice.ShipDate),
            ["BPTNUM"] = notice.CarrierCode,
            ["TRKNUM"] = notice.TrackingNumber,
            [options.ExternalReferenceField] = notice.ShipmentId,
            [options.ReceiptLinesProperty] = new JsonArray(notice.Lines.Select((line, i) => (JsonNode)new JsonObject
            {
                ["PTDLIN"] = (i + 1) * 1000,
                ["PRHFCY"] = site,
                ["POHNUM"] = notice.PurchaseOrderNumber,
                ["POPLIN"] = line.LineNumber,
                ["ITMREF"] = line.ItemCode,
                ["QTYUOM"] = line.Quantity,
                ["UOM"] = line.Unit,
                ["$stockDetails"] = new JsonArray(new JsonObject
                {
                    ["status"] = options.ReceiptStockStatus,
                    ["packingUnit"] = line.Unit,
                    ["quantityInPackingUnit"] = line.Quantity,
                }),
            }).ToArray()),
        };
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
