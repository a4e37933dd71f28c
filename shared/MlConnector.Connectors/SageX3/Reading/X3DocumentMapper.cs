using System.Text.Json.Nodes;
using MlConnector.Core.Documents;

namespace MlConnector.Connectors.SageX3.Reading;

/// <summary>GL account as X3 defines it (no canonical document: reference data).</summary>
public sealed record X3GlAccount(string Code, string? Description);

/// <summary>A dimension value (cost centre) with its dimension type, e.g. CC / ADM.</summary>
public sealed record X3Dimension(string Code, string? DimensionType, string? Description);

public sealed record X3Product(string Code, string? Description, string? StockUnit);

/// <summary>Turns X3 rows (field codes, whichever surface they came from) into canonical documents.</summary>
internal sealed class X3DocumentMapper(SageX3Options options)
{
    private const int ClosedFlag = 2;
    private const int ValidatedStatus = 3;

    public PurchaseOrder PurchaseOrder(JsonObject row)
    {
        var number = X3Row.Required(row, "POHNUM");
        var supplier = X3Row.Required(row, "BPSNUM");
        return new PurchaseOrder
        {
            SourceId = number,
            Number = number,
            Supplier = new PartyReference(supplier, X3Row.Text(row, "BPSNAM") ?? supplier),
            OrderDate = X3Row.Date(row, "ORDDAT") ?? throw new SageX3ConfigurationException($"Purchase order {number} has no ORDDAT."),
            Currency = X3Row.Text(row, "CUR") ?? string.Empty,
            Site = X3Row.Text(row, "POHFCY"),
            Status = X3Row.Int(row, "CLEFLG") == ClosedFlag ? PurchaseOrderStatus.Closed : PurchaseOrderStatus.Open,
            ExpectedDate = X3Row.Date(row, "EXTRCPDAT"),
            BuyerReference = X3Row.Text(row, options.ExternalReferenceField),
            Lines = X3Row.Lines(row, options.PurchaseOrderLinesProperty).Select(line => new PurchaseOrderLine
            {
                LineNumber = X3Row.Int(line, "POPLIN"),
                ItemCode = X3Row.Text(line, "ITMREF") ?? string.Empty,
                Description = X3Row.Text(line, "ITMDES"),
                Quantity = X3Row.Decimal(line, "QTYUOM"),
                Unit = X3Row.Text(line, "UOM") ?? string.Empty,
                UnitPrice = X3Row.Decimal(line, "GROPRI"),
                TaxAmount = X3Row.Decimal(line, "AMTTAX"),
                GlAccount = X3Row.Text(line, "ACC"),
                CostCentre = X3Row.Text(line, "CCE"),
                ExpectedDate = X3Row.Date(line, "EXTRCPDAT"),
            }).ToList(),
        };
    }

    /// <summary>A sales order (SORDER): the customer's PO number is CUSORDREF; the lines come from the SORDERQ array.</summary>
    public SalesOrder SalesOrder(JsonObject row)
    {
        var number = X3Row.Required(row, "SOHNUM");
        var customer = X3Row.Required(row, "BPCORD");
        return new SalesOrder
        {
            SourceId = number,
            CustomerOrderNumber = X3Row.Text(row, "CUSORDREF") ?? number,
            Customer = new PartyReference(customer, X3Row.Text(row, "BPCNAM") ?? customer),
            OrderDate = X3Row.Date(row, "ORDDAT") ?? throw new SageX3ConfigurationException($"Sales order {number} has no ORDDAT."),
            Currency = X3Row.Text(row, "CUR") ?? string.Empty,
            Site = X3Row.Text(row, "SALFCY"),
            RequestedDeliveryDate = X3Row.Date(row, "DEMDLVDAT"),
            RequestedShipDate = X3Row.Date(row, "SHIDAT"),
            ShipToCode = X3Row.Text(row, "BPAADD"),
            PaymentTermsCode = X3Row.Text(row, "PTE"),
            Status = X3Row.Int(row, "CLEFLG") == ClosedFlag ? PurchaseOrderStatus.Closed : PurchaseOrderStatus.Open,
            ExternalReference = X3Row.Text(row, options.ExternalReferenceField),
            Lines = X3Row.Lines(row, options.SalesOrderLinesProperty).Select(line => new SalesOrderLine
            {
                LineNumber = X3Row.Int(line, "SOPLIN"),
                ItemCode = X3Row.Text(line, "ITMREF") ?? string.Empty,
                Description = X3Row.Text(line, "ITMDES"),
                Quantity = X3Row.Decimal(line, "QTY"),
                Unit = X3Row.Text(line, "SAU") ?? string.Empty,
                UnitPrice = X3Row.Decimal(line, "GROPRI"),
                RequestedDeliveryDate = X3Row.Date(line, "DEMDLVDAT"),
                RequestedShipDate = X3Row.Date(line, "SHIDAT"),
                DestinationLocation = X3Row.Text(line, "BPAADD"),
            }).ToList(),
        };
    }

    public Supplier Supplier(JsonObject row)
    {
        var code = X3Row.Required(row, "BPSNUM");
        var addressLines = new[] { X3Row.Text(row, "BPAADDLIG1"), X3Row.Text(row, "BPAADDLIG2") }.OfType<string>().ToList();
        var hasAddress = addressLines.Count > 0 || X3Row.Text(row, "CTY") is not null || X3Row.Text(row, "CRY") is not null;
        return new Supplier
        {
            SourceId = code,
            Code = code,
            Name = X3Row.Text(row, "BPSNAM") ?? code,
            Currency = X3Row.Text(row, "CUR"),
            TaxNumber = X3Row.Text(row, "CRN"),
            Email = X3Row.Text(row, "WEB"),
            Address = hasAddress ? new PostalAddress(addressLines, X3Row.Text(row, "CTY"), X3Row.Text(row, "SAT"), X3Row.Text(row, "POSCOD"), X3Row.Text(row, "CRY")) : null,
            Active = X3Row.Int(row, "ENAFLG") != 1,
        };
    }

    /// <summary>
    /// A customer invoice as a canonical <see cref="Invoice"/>: <c>Supplier</c> holds the bill-to customer (the invoice's
    /// counterparty), <c>PurchaseOrderNumber</c> the customer's order reference, SOHNUM the sales order invoiced. STA 3 = validated.
    /// </summary>
    public X3SalesInvoice SalesInvoice(JsonObject row)
    {
        var number = X3Row.Required(row, "NUM");
        var customer = X3Row.Required(row, "BPCINV");
        var invoice = new Invoice
        {
            SourceId = number,
            Number = number,
            Supplier = new PartyReference(customer, X3Row.Text(row, "BPCNAM") ?? customer),
            PurchaseOrderNumber = X3Row.Text(row, "CUSORDREF"),
            InvoiceDate = X3Row.Date(row, "INVDAT") ?? throw new SageX3ConfigurationException($"Sales invoice {number} has no INVDAT."),
            Currency = X3Row.Text(row, "CUR") ?? string.Empty,
            Lines = X3Row.Lines(row, options.SalesInvoiceLinesProperty).Select(line => new InvoiceLine
            {
                LineNumber = X3Row.Int(line, "SIDLIN"),
                ItemCode = X3Row.Text(line, "ITMREF") ?? string.Empty,
                Description = X3Row.Text(line, "ITMDES"),
                Quantity = X3Row.Decimal(line, "QTY"),
                UnitPrice = X3Row.Decimal(line, "NETPRI"),
                TaxAmount = X3Row.Decimal(line, "AMTTAX"),
            }).ToList(),
        };
        return new X3SalesInvoice(invoice, X3Row.Lines(row, options.SalesInvoiceLinesProperty).Select(line => X3Row.Text(line, "SAU") ?? string.Empty).ToList(), X3Row.Int(row, "STA") == ValidatedStatus,
            X3Row.Text(row, "SOHNUM"));
    }

    public Invoice SupplierInvoice(JsonObject row)
    {
        var number = X3Row.Required(row, "NUM");
        var supplier = X3Row.Required(row, "BPR");
        return new Invoice
        {
            SourceId = number,
            Number = X3Row.Text(row, "BPRVCR") ?? number,
            Supplier = new PartyReference(supplier, X3Row.Text(row, "BPRNAM") ?? supplier),
            PurchaseOrderNumber = X3Row.Text(row, "POHNUM"),
            InvoiceDate = X3Row.Date(row, "ACCDAT") ?? throw new SageX3ConfigurationException($"Supplier invoice {number} has no ACCDAT."),
            Currency = X3Row.Text(row, "CUR") ?? string.Empty,
            ShippingAmount = X3Row.Decimal(row, "INVSHI"),
            DiscountAmount = X3Row.Decimal(row, "INVDCT"),
            Lines = X3Row.Lines(row, options.SupplierInvoiceLinesProperty).Select(line => new InvoiceLine
            {
                LineNumber = X3Row.Int(line, "LIN"),
                ItemCode = X3Row.Text(line, "ITMREF") ?? string.Empty,
                Description = X3Row.Text(line, "ITMDES"),
                Quantity = X3Row.Decimal(line, "QTYUOM"),
                UnitPrice = X3Row.Decimal(line, "NETPRI"),
                TaxAmount = X3Row.Decimal(line, "AMTTAX"),
                TaxPercent = X3Row.Decimal(line, "TAXRAT"),
                GlAccount = X3Row.Text(line, "ACC"),
                PurchaseOrderLine = X3Row.Text(line, "POPLIN") is null ? null : X3Row.Int(line, "POPLIN"),
            }).ToList(),
        };
    }

    /// <summary>A sales delivery as the storefront's shipment: carrier, tracking number, what shipped.</summary>
    public Shipment Shipment(JsonObject row)
    {
        var number = X3Row.Required(row, "SDHNUM");
        var carrier = X3Row.Text(row, "BPTNUM");
        var tracking = X3Row.Text(row, "TRKNUM");
        return new Shipment
        {
            SourceId = number,
            OrderReference = X3Row.Text(row, options.ExternalReferenceField) ?? X3Row.Text(row, "SOHNUM") ?? string.Empty,
            ShipDate = X3Row.Date(row, "SHIDAT") ?? throw new SageX3ConfigurationException($"Delivery {number} has no SHIDAT."),
            Status = X3Row.Int(row, "CFMFLG") == 2 ? FulfillmentStatus.Shipped : FulfillmentStatus.Pending,
            Tracking = carrier is not null && tracking is not null ? [new ShipmentTracking(carrier, X3Row.Text(row, "BPTNAM") ?? carrier, tracking)] : [],
            Lines = X3Row.Lines(row, options.DeliveryLinesProperty)
                .Select(line => new ShippedLine(X3Row.Int(line, "SDDLIN"), X3Row.Text(line, "ITMREF") ?? string.Empty, X3Row.Decimal(line, "QTY"), X3Row.Text(line, "SAU") ?? string.Empty)
                {
                    OrderLineNumber = X3Row.Text(line, "SOPLIN") is null ? null : X3Row.Int(line, "SOPLIN"),
                })
                .ToList(),
            SalesOrderNumber = X3Row.Text(row, "SOHNUM"),
            ShipToCode = X3Row.Text(row, "BPAADD"),
        };
    }

    /// <summary>A purchase receipt as a ship notice: what arrived against which order.</summary>
    public ShipNotice Receipt(JsonObject row)
    {
        var number = X3Row.Required(row, "PTHNUM");
        var lines = X3Row.Lines(row, options.ReceiptLinesProperty).ToList();
        return new ShipNotice
        {
            SourceId = number,
            ShipmentId = X3Row.Text(row, options.ExternalReferenceField) ?? number,
            PurchaseOrderNumber = lines.Select(l => X3Row.Text(l, "POHNUM")).FirstOrDefault(p => p is not null) ?? string.Empty,
            ShipDate = X3Row.Date(row, "RCPDAT") ?? throw new SageX3ConfigurationException($"Receipt {number} has no RCPDAT."),
            CarrierCode = X3Row.Text(row, "BPTNUM"),
            TrackingNumber = X3Row.Text(row, "TRKNUM"),
            Lines = lines.Select(l => new ShippedLine(X3Row.Int(l, "POPLIN"), X3Row.Text(l, "ITMREF") ?? string.Empty, X3Row.Decimal(l, "QTYUOM"), X3Row.Text(l, "UOM") ?? string.Empty)).ToList(),
        };
    }

    public static X3GlAccount GlAccount(JsonObject row) => new(X3Row.Required(row, "ACC"), X3Row.Text(row, "DES"));

    public static X3Dimension Dimension(JsonObject row) => new(X3Row.Required(row, "CCE"), X3Row.Text(row, "DIE"), X3Row.Text(row, "DES"));

    public static X3Product Product(JsonObject row) => new(X3Row.Required(row, "ITMREF"), X3Row.Text(row, "ITMDES1"), X3Row.Text(row, "STU"));
}
