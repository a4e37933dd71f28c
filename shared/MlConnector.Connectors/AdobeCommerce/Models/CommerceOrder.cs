using System.Text.Json;

namespace MlConnector.Connectors.AdobeCommerce.Models;

/// <summary>The fields of <c>OrderInterface</c> the connector reads. <c>EntityId</c> is the REST id; <c>IncrementId</c> the number people see.</summary>
public sealed record CommerceOrder
{
    public long? EntityId { get; init; }
    public string? IncrementId { get; init; }
    public string? State { get; init; }
    public string? Status { get; init; }
    public string? StoreName { get; init; }
    public string? CreatedAt { get; init; }
    public string? UpdatedAt { get; init; }
    public string? OrderCurrencyCode { get; init; }
    public decimal? Subtotal { get; init; }
    public decimal? DiscountAmount { get; init; }
    public decimal? ShippingAmount { get; init; }
    public decimal? ShippingTaxAmount { get; init; }
    public decimal? TaxAmount { get; init; }
    public decimal? GrandTotal { get; init; }
    public IReadOnlyList<CommerceOrderItem> Items { get; init; } = [];
    public CommerceOrderPayment? Payment { get; init; }
    public IReadOnlyList<CommerceStatusHistory> StatusHistories { get; init; } = [];
    public JsonElement? ExtensionAttributes { get; init; }
}

/// <summary>An order line. A configurable product is two lines: the parent (priced, shipped) and a child pointing at it with <c>ParentItemId</c>.</summary>
public sealed record CommerceOrderItem
{
    public long? ItemId { get; init; }
    public long? ParentItemId { get; init; }
    public string? Sku { get; init; }
    public string? Name { get; init; }
    public string? ProductType { get; init; }
    public decimal? QtyOrdered { get; init; }
    public decimal? QtyShipped { get; init; }
    public decimal? QtyCanceled { get; init; }
    public decimal? Price { get; init; }
    public decimal? RowTotal { get; init; }
    public decimal? TaxAmount { get; init; }
    public decimal? TaxPercent { get; init; }
    public decimal? DiscountAmount { get; init; }
    /// <summary>0 or 1, as Commerce writes it.</summary>
    public int? IsVirtual { get; init; }
}

public sealed record CommerceOrderPayment
{
    public string? Method { get; init; }
    public string? PoNumber { get; init; }
}

public sealed record CommerceStatusHistory
{
    public long? EntityId { get; init; }
    public string? Comment { get; init; }
    public string? Status { get; init; }
    public string? CreatedAt { get; init; }
}
