using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Core.Documents;

namespace MlConnector.Connectors.SpsCommerce.Rsx;

/// <summary>A quantity of a line going to one store of a store split (RSX QuantitiesSchedulesLocations / LocationQuantity).</summary>
public sealed record RsxStoreQuantity(string Location, decimal Quantity);

/// <summary>One RSX order line as the buyer sent it, before its item and unit are mapped to the ERP's.</summary>
public sealed record RsxOrderLine(SalesOrderLine Line, IReadOnlyList<RsxStoreQuantity> Stores, int Position);

/// <summary>An RSX 7.7.7 Order read whole: the canonical order (items and units still the buyer's) and its lines with their store splits.</summary>
public sealed record RsxOrder(SalesOrder Order, string TradingPartnerId, string PurposeCode, IReadOnlyList<RsxOrderLine> Lines);

/// <summary>
/// Reads an RSX 7.7.7 Order (a retailer's 850) into the canonical <see cref="SalesOrder"/>, keeping every part a
/// supplier's ERP or the retailer's answers need: addresses (ship-to, bill-to, mark-for, a drop-ship consumer), dates,
/// terms, carriers, FOB, allowances and charges, notes, references, contacts, department and vendor numbers, and per
/// line the buyer's identifiers, unit, dates, notes, allowances and store split. Field names follow SPS's full-field
/// Orders example (shared/contracts/sps-rsx-7.7.7/Orders-sample.json; ShipStream/spscommerce-php-sdk sample-files).
/// </summary>
public static class RsxOrderReader
{
    public static RsxOrder Read(JsonObject order)
    {
        var header = order.At("Header");
        var orderHeader = header.At("OrderHeader");
        var partner = orderHeader.Text("TradingPartnerId") ?? string.Empty;
        var number = orderHeader.Text("PurchaseOrderNumber") ?? string.Empty;
        var purpose = orderHeader.Text("TsetPurposeCode") ?? "00";
        var dates = header.Items("Dates").Select(d => d.Text("DateTimeQualifier") is { } q && d.Date("Date") is { } date ? new OrderDate(q, date) : null).OfType<OrderDate>().ToList();
        var addresses = header.Items("Address").Select(Address).ToList();
        var lines = order.Items("LineItem").Select((item, i) => Line(item, i)).ToList();
        var type = orderHeader.Text("PrimaryPOTypeCode");
        var canonical = new SalesOrder
        {
            SourceId = $"{partner}~{number}",
            CustomerOrderNumber = number,
            Customer = new PartyReference(partner, order.At("Meta").Text("SenderCompanyName") ?? partner),
            OrderDate = orderHeader.Date("PurchaseOrderDate") ?? DateOnly.MinValue,
            Currency = orderHeader.Text("BuyersCurrency") ?? string.Empty,
            RequestedDeliveryDate = First(dates, "002") ?? First(dates, "063"),
            RequestedShipDate = First(dates, "010") ?? First(dates, "037"),
            CancelAfterDate = First(dates, "001") ?? First(dates, "038"),
            Status = purpose == "01" ? PurchaseOrderStatus.Cancelled : PurchaseOrderStatus.Open,
            OrderType = type,
            ConsumerOrderNumber = orderHeader.Text("CustomerOrderNumber"),
            Department = orderHeader.Text("Department"),
            DepartmentDescription = orderHeader.Text("DepartmentDescription"),
            VendorNumber = orderHeader.Text("Vendor"),
            Division = orderHeader.Text("Division"),
            ReleaseNumber = orderHeader.Text("ReleaseNumber"),
            IsDropShip = order.At("Meta").Flag("IsDropShip") == true || type == "DS" ||
                string.Equals(order.At("Meta").Text("OrderManagement"), "DropShip", StringComparison.OrdinalIgnoreCase),
            Addresses = addresses,
            Dates = dates,
            PaymentTerms = header.Items("PaymentTerms").Select(t => new PaymentTerm(
                t.Text("TermsType"), t.Text("TermsBasisDateCode"), t.Number("TermsDiscountPercentage"), t.Whole("TermsDiscountDueDays"), t.Whole("TermsNetDueDays"), t.Text("TermsDescription"))).ToList(),
            Carriers = header.Items("CarrierInformation").Select(c => new CarrierRouting(
                c.Text("CarrierTransMethodCode"), c.Text("CarrierAlphaCode"), c.Text("CarrierRouting"), c.Items("ServiceLevelCodes").Select(s => s.Text("ServiceLevelCode")).FirstOrDefault(s => s is not null))).ToList(),
            Fob = header.Items("FOBRelatedInstruction").Select(f => new FobInstruction(f.Text("FOBPayCode"), f.Text("FOBLocationQualifier"), f.Text("FOBLocationDescription"))).ToList(),
            ChargesAllowances = ChargesAllowances(header, lines.Sum(l => l.Line.Quantity * l.Line.UnitPrice)),
            Notes = Notes(header),
            References = References(header),
            Contacts = header.Items("Contacts").Select(c => new OrderContact(c.Text("ContactTypeCode"), c.Text("ContactName"), c.Text("PrimaryPhone"), c.Text("PrimaryFax"), c.Text("PrimaryEmail"))).ToList(),
            StatedTotal = order.At("Summary").Number("TotalAmount"),
            Lines = lines.Select(l => l.Line).ToList(),
        };
        return new RsxOrder(canonical, partner, purpose, lines);
    }

    private static RsxOrderLine Line(JsonObject item, int index)
    {
        var line = item.At("OrderLine");
        var sequence = line.Text("LineSequenceNumber") ?? (index + 1).ToString(CultureInfo.InvariantCulture);
        var dates = item.Items("Dates").Select(d => d.Text("DateTimeQualifier") is { } q && d.Date("Date") is { } date ? new OrderDate(q, date) : null).OfType<OrderDate>().ToList();
        var quantity = line.Number("OrderQty") ?? 0m;
        var price = line.Number("PurchasePrice") ?? 0m;
        var stores = item.Items("QuantitiesSchedulesLocations").SelectMany(q => q.Items("LocationQuantity"))
            .Select(l => l.Text("Location") is { } location && l.Number("Qty") is { } qty ? new RsxStoreQuantity(location, qty) : null)
            .OfType<RsxStoreQuantity>().ToList();
        var canonical = new SalesOrderLine
        {
            LineNumber = (index + 1) * 1000,
            ItemCode = string.Empty,
            Description = item.Items("ProductOrItemDescription").Select(d => d.Text("ProductDescription")).FirstOrDefault(d => d is not null),
            Quantity = quantity,
            Unit = line.Text("OrderQtyUOM") ?? "EA",
            UnitPrice = price,
            BuyerLineNumber = sequence,
            BuyerPartNumber = line.Text("BuyerPartNumber"),
            VendorPartNumber = line.Text("VendorPartNumber"),
            ConsumerPackageCode = line.Text("ConsumerPackageCode"),
            Gtin = line.Text("GTIN"),
            UpcCaseCode = line.Text("UPCCaseCode"),
            Ean = line.Text("EAN"),
            BuyerUnit = line.Text("OrderQtyUOM") ?? "EA",
            RetailPrice = item.Items("PriceInformation").Where(p => p.Text("PriceTypeIDCode") == "RTL").Select(p => p.Number("UnitPrice")).FirstOrDefault(p => p is not null),
            RequestedShipDate = line.Date("ShipDate") ?? First(dates, "010") ?? First(dates, "037"),
            RequestedDeliveryDate = First(dates, "002") ?? First(dates, "063"),
            PackSize = item.Items("PhysicalDetails").Select(p => p.Number("PackValue")).FirstOrDefault(p => p is > 0),
            ChargesAllowances = ChargesAllowances(item, quantity * price),
            Notes = Notes(item),
            References = References(item),
        };
        return new RsxOrderLine(canonical, stores, index);
    }

    private static OrderAddress Address(JsonObject address)
    {
        var code = address.Text("AddressTypeCode") ?? string.Empty;
        var role = code switch
        {
            "ST" => AddressRole.ShipTo,
            "BT" => AddressRole.BillTo,
            "Z7" => AddressRole.MarkFor,
            "BY" => AddressRole.BuyingParty,
            "RI" => AddressRole.RemitTo,
            "SF" => AddressRole.ShipFrom,
            _ => AddressRole.Other,
        };
        var lines = new[] { "Address1", "Address2", "Address3", "Address4" }.Select(field => address.Text(field)).OfType<string>().ToList();
        return new OrderAddress(role, code, address.Text("LocationCodeQualifier"), address.Text("AddressLocationNumber"), address.Text("AddressName"),
            address.Text("AddressAlternateName"), lines, address.Text("City"), address.Text("State"), address.Text("PostalCode"), address.Text("Country"));
    }

    /// <summary>Allowances and charges; one given only as a percentage is priced on <paramref name="basis"/> (the merchandise it applies to).</summary>
    private static List<ChargeAllowance> ChargesAllowances(JsonNode? parent, decimal basis) =>
        parent.Items("ChargesAllowances")
            .Where(c => c.Text("AllowChrgIndicator") is "A" or "C")
            .Select(c =>
            {
                var percent = c.Number("AllowChrgPercent");
                var amount = c.Number("AllowChrgAmt") ?? (percent is { } p ? Math.Round(basis * p / 100m, 2) : 0m);
                return new ChargeAllowance(c.Text("AllowChrgIndicator") == "C", c.Text("AllowChrgCode"), amount, percent, c.Text("AllowChrgPercentQual"),
                    c.Text("AllowChrgHandlingCode"), c.Text("AllowChrgHandlingDescription"));
            })
            .ToList();

    private static List<OrderNote> Notes(JsonNode? parent) =>
        parent.Items("Notes").Select(n => n.Text("Note") is { } text ? new OrderNote(n.Text("NoteCode"), text) : null).OfType<OrderNote>().ToList();

    private static List<OrderReference> References(JsonNode? parent) =>
        parent.Items("References").Select(r => r.Text("ReferenceQual") is { } qualifier && r.Text("ReferenceID") is { } id ? new OrderReference(qualifier, id, r.Text("Description")) : null)
            .OfType<OrderReference>().ToList();

    private static DateOnly? First(IEnumerable<OrderDate> dates, string qualifier) => dates.FirstOrDefault(d => d.Qualifier == qualifier)?.Date;
}
