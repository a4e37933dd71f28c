using MlConnector.Core.Documents;

namespace MlConnector.Flows.ProcurifyX3;

/// <summary>A Procurify purchase order or approved requisition, read from its payload, before X3 codes are known.</summary>
/// <param name="Label">How people name it in messages, e.g. "PO 1001" or "Requisition 501".</param>
/// <param name="Money">The order-level amounts the lines do not carry, and the totals to check against.</param>
internal sealed record ProcurifyOrder(
    string SourceId,
    string Number,
    string Label,
    ProcurifyVendorRef? Vendor,
    ProcurifyCurrencyRef? Currency,
    DateOnly? OrderDate,
    DateOnly? ExpectedDate,
    PurchaseOrderStatus Status,
    string? BuyerReference,
    IReadOnlyList<ProcurifyOrderLine> Lines,
    ProcurifyOrderMoney Money);

/// <param name="Name">The vendor's name; null when the row named the vendor by id only and no lookup found it.</param>
internal sealed record ProcurifyVendorRef(string Id, string? Name, string? ExternalId)
{
    public string Describe() => Name is null ? $"Procurify vendor {Id}" : $"'{Name}' (Procurify vendor {Id})";
}

internal sealed record ProcurifyDepartmentRef(string Id, string Name, string? ExternalId);

/// <summary>A currency as an object (id and ISO code) or a bare id.</summary>
internal sealed record ProcurifyCurrencyRef(string? Id, string? Code)
{
    public bool SameAs(ProcurifyCurrencyRef other) =>
        Id is not null && other.Id is not null ? Id == other.Id
        : Code is not null && other.Code is not null && string.Equals(Code, other.Code, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Code ?? $"Procurify currency {Id}";
}

/// <summary>The account a line is charged to: an account code in a department.</summary>
/// <param name="Found">False when the line named the account by id and Procurify did not return it.</param>
internal sealed record ProcurifyAccountRef(string? Id, string? Code, ProcurifyDepartmentRef? Department, bool Found);

internal sealed record ProcurifyOrderLine(
    int LineNumber,
    string Name,
    string? Sku,
    string? Unit,
    decimal? Quantity,
    decimal? Price,
    decimal TaxAmount,
    decimal ShippingAmount,
    ProcurifyCurrencyRef? Currency,
    ProcurifyAccountRef? Account,
    ProcurifyVendorRef? Vendor)
{
    public decimal? Amount => Quantity * Price;
}

/// <summary>A PO-level <c>tax</c> or <c>discount</c>: an amount, or a percentage of a base.</summary>
internal sealed record ProcurifyPriceModifier(decimal Value, bool IsPercentage)
{
    public decimal AmountOn(decimal basis) => IsPercentage ? Math.Round(basis * Value / 100m, 2, MidpointRounding.AwayFromZero) : Value;

    public override string ToString() => IsPercentage ? $"{Value}%" : Value.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The money an order carries beside its lines. Purchase orders: PO-level <c>freight</c>, <c>other</c>, <c>tax</c>,
/// <c>discount</c> and Procurify's <c>subtotal</c>/<c>total</c>. Requisitions: none at order level; their lines'
/// shipping becomes freight.
/// </summary>
internal sealed record ProcurifyOrderMoney(
    decimal Freight,
    decimal Other,
    ProcurifyPriceModifier? Tax,
    ProcurifyPriceModifier? Discount,
    decimal? Subtotal,
    decimal? Total,
    bool TaxOnLines)
{
    /// <summary>A requisition's: its lines carry their tax, and their shipping is its freight.</summary>
    public static ProcurifyOrderMoney FromLines(IEnumerable<ProcurifyOrderLine> lines) =>
        new(lines.Sum(line => line.ShippingAmount), 0m, null, null, null, null, TaxOnLines: true);
}
