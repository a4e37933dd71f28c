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

    /// <summary>
    /// A sales order with what SORDER can hold of the buyer's order: ship-to as a delivery address code (BPAADD) and as free
    /// text (BPD*), bill-to (BPCINV, BPI*), requested delivery and ship dates (DEMDLVDAT, SHIDAT), carrier (BPTNUM), payment
    /// terms (PTE), notes as header text (SOHTEX1), mapped allowances and charges as invoicing elements (INVDTA, INVDTAAMT),
    /// and per line its dates and its store's delivery address code.
    /// </summary>
    public static JsonObject SalesOrder(SalesOrder order, string externalReference, SageX3Options options)
    {
        var shipTo = order.ShipTo;
        var billTo = order.BillTo;
        var elements = order.ChargesAllowances.Where(c => c.ErpCode is not null).ToList();
        var body = new JsonObject
        {
            ["SALFCY"] = order.Site ?? NullIfEmpty(options.DefaultSalesSite) ?? NullIfEmpty(options.DefaultSite),
            ["BPCORD"] = order.Customer.Code,
            ["BPCINV"] = order.Customer.Code,
            ["CUSORDREF"] = order.CustomerOrderNumber,
            ["ORDDAT"] = Date(order.OrderDate),
            ["DEMDLVDAT"] = order.RequestedDeliveryDate is { } requested ? Date(requested) : null,
            ["SHIDAT"] = order.RequestedShipDate is { } ship ? Date(ship) : null,
            ["CUR"] = order.Currency,
            ["BPAADD"] = order.ShipToCode,
            ["BPTNUM"] = order.Carriers.Select(c => c.CarrierCode).FirstOrDefault(c => c is not null),
            ["PTE"] = order.PaymentTermsCode,
            ["SOHTEX1"] = order.Notes.Count == 0 ? null : string.Join("\n", order.Notes.Select(n => n.Text)),
            [options.ExternalReferenceField] = externalReference,
            [options.SalesOrderLinesProperty] = new JsonArray(order.Lines.Select(line => (JsonNode)new JsonObject
            {
                ["SOPLIN"] = line.LineNumber,
                ["ITMREF"] = line.ItemCode,
                ["ITMDES"] = line.Description,
                ["QTY"] = line.Quantity,
                ["SAU"] = line.Unit,
                ["GROPRI"] = line.UnitPrice,
                ["DEMDLVDAT"] = line.RequestedDeliveryDate is { } delivery ? Date(delivery) : null,
                ["SHIDAT"] = line.RequestedShipDate is { } lineShip ? Date(lineShip) : null,
                ["BPAADD"] = line.DestinationLocation,
            }).ToArray()),
        };
        if (shipTo is not null)
        {
            body["BPDNAM"] = shipTo.Name ?? shipTo.AlternateName;
            body["BPDADDLIG"] = AddressLines(shipTo);
            body["BPDCTY"] = shipTo.City;
            body["BPDSAT"] = shipTo.State;
            body["BPDPOSCOD"] = shipTo.PostalCode;
            body["BPDCRY"] = shipTo.Country;
        }

        if (billTo is not null)
        {
            body["BPINAM"] = billTo.Name ?? billTo.AlternateName;
            body["BPIADDLIG"] = AddressLines(billTo);
            body["BPICTY"] = billTo.City;
            body["BPISAT"] = billTo.State;
            body["BPIPOSCOD"] = billTo.PostalCode;
            body["BPICRY"] = billTo.Country;
        }

        if (elements.Count > 0)
        {
            body["INVDTA"] = new JsonArray(elements.Select(e => (JsonNode)JsonValue.Create(e.ErpCode)!).ToArray());
            body["INVDTAAMT"] = new JsonArray(elements.Select(e => (JsonNode)JsonValue.Create(e.SignedAmount)).ToArray());
        }

        return body;
    }

    /// <summary>X3 keeps three address lines (BPDADDLIG_0..2): the street lines, fourth folded into the third.</summary>
    private static JsonArray AddressLines(OrderAddress address)
    {
        var lines = address.Lines.Take(2).ToList();
        if (address.Lines.Count > 2)
        {
            lines.Add(string.Join(", ", address.Lines.Skip(2)));
        }

        while (lines.Count < 3)
        {
            lines.Add(string.Empty);
        }

        return new JsonArray(lines.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray());
    }

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
