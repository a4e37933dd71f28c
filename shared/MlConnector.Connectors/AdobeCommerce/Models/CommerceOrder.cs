using System.Text.Json;

namespace MlConnector.Connectors.AdobeCommerce.Models;

/// <summary>
/// The fields of <c>OrderInterface</c> (<c>sales-data-order-interface</c> in Adobe's Commerce 2.4.8 REST schema,
/// AdobeDocs/commerce-webapi src/openapi/admin-schema-2.4.8.yaml) the connector reads. <c>EntityId</c> is the REST id;
/// <c>IncrementId</c> the number people see. Place-hook payloads (an order not saved yet) lack the ids and carry
/// gift card, store credit and reward amounts at the top level instead of in <c>extension_attributes</c>.
/// </summary>
public sealed record CommerceOrder
{
    public long? EntityId { get; init; }
    public string? IncrementId { get; init; }
    public string? State { get; init; }
    public string? Status { get; init; }
    public string? CreatedAt { get; init; }
    public string? UpdatedAt { get; init; }
    public string? OrderCurrencyCode { get; init; }
    public decimal? Subtotal { get; init; }

    /// <summary>Negative, as Commerce stores it; with tax-inclusive prices it includes the discount's tax.</summary>
    public decimal? DiscountAmount { get; init; }

    /// <summary>The tax part of a discount taken from a tax-inclusive price (Commerce's "hidden tax").</summary>
    public decimal? DiscountTaxCompensationAmount { get; init; }

    public decimal? ShippingAmount { get; init; }
    public decimal? ShippingTaxAmount { get; init; }
    public decimal? TaxAmount { get; init; }
    public decimal? GrandTotal { get; init; }
    public decimal? SubtotalCanceled { get; init; }
    public decimal? TaxCanceled { get; init; }
    public decimal? ShippingCanceled { get; init; }
    public decimal? DiscountCanceled { get; init; }
    public decimal? TotalCanceled { get; init; }

    /// <summary>Place-hook payloads only (the order model's own data); REST has these in <c>extension_attributes</c>.</summary>
    public decimal? GiftCardsAmount { get; init; }

    public decimal? CustomerBalanceAmount { get; init; }
    public decimal? RewardCurrencyAmount { get; init; }
    public IReadOnlyList<CommerceOrderItem> Items { get; init; } = [];
    public CommerceOrderPayment? Payment { get; init; }
    public IReadOnlyList<CommerceStatusHistory> StatusHistories { get; init; } = [];

    /// <summary>An object in REST answers, an array (often empty) in webhook payloads; read with <see cref="OrderExtensionAmounts"/>.</summary>
    public JsonElement? ExtensionAttributes { get; init; }
}

/// <summary>
/// An order line (<c>sales-data-order-item-interface</c>). A configurable product is a priced parent and a
/// zero-priced child with the same SKU; a bundle is a parent and one child per selected option. Saved orders link
/// a child by <c>parent_item_id</c>; orders not saved yet (place hooks) carry no ids, only the parent's data in
/// <c>parent_item</c>.
/// </summary>
public sealed record CommerceOrderItem
{
    public long? ItemId { get; init; }
    public long? ParentItemId { get; init; }

    /// <summary>The parent line's data on a child line (REST and webhook payloads alike).</summary>
    public CommerceOrderItem? ParentItem { get; init; }

    public long? QuoteItemId { get; init; }
    public long? ProductId { get; init; }
    public string? Sku { get; init; }
    public string? Name { get; init; }
    public string? ProductType { get; init; }
    public decimal? QtyOrdered { get; init; }
    public decimal? QtyShipped { get; init; }
    public decimal? QtyCanceled { get; init; }
    public decimal? Price { get; init; }
    public decimal? RowTotal { get; init; }
    public decimal? TaxAmount { get; init; }
    public decimal? TaxCanceled { get; init; }
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
