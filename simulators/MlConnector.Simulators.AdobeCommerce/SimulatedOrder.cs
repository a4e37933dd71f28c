namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>What a test says about an order; <see cref="SimulatedOrderJson"/> turns it into the full <c>OrderInterface</c> JSON.</summary>
public sealed record SimulatedOrder(string IncrementId, string? PoNumber, IReadOnlyList<SimulatedOrderLine> Lines)
{
    public string Currency { get; init; } = "USD";
    public decimal ShippingAmount { get; init; }

    /// <summary>Tax on shipping, as a percentage of <see cref="ShippingAmount"/> (Commerce's <c>shipping_tax_amount</c>).</summary>
    public decimal ShippingTaxPercent { get; init; }

    /// <summary>A positive amount; Commerce stores it negated.</summary>
    public decimal DiscountAmount { get; init; }

    /// <summary>Paid with gift card accounts; Commerce takes it off <c>grand_total</c>.</summary>
    public decimal GiftCardAmount { get; init; }

    /// <summary>Paid with store credit (customer balance).</summary>
    public decimal StoreCreditAmount { get; init; }

    /// <summary>Paid with reward points, in currency.</summary>
    public decimal RewardPointsAmount { get; init; }

    public string State { get; init; } = "processing";
    public string Status { get; init; } = "processing";
    public string CreatedAt { get; init; } = "2025-03-03 09:15:00";
    public string CustomerEmail { get; init; } = "buyer@example.com";

    /// <summary>Commerce's default: website, store and store view names, one per line.</summary>
    public string StoreName { get; init; } = "Main Website\nMain Website Store\nDefault Store View";

    public string PaymentMethod { get; init; } = "purchaseorder";
}

/// <param name="Configurable">True: a configurable parent line (priced) plus a simple child line pointing at it.</param>
public sealed record SimulatedOrderLine(string Sku, string Name, decimal Qty, decimal Price, decimal TaxPercent = 0, bool Configurable = false)
{
    /// <summary>Default <see cref="SimulatedProductType.Simple"/> (or configurable when <see cref="Configurable"/> is set).</summary>
    public SimulatedProductType Type { get; init; } = Configurable ? SimulatedProductType.Configurable : SimulatedProductType.Simple;

    /// <summary>A bundle's selected options, each with its quantity per bundle.</summary>
    public IReadOnlyList<SimulatedBundleOption> Options { get; init; } = [];

    /// <summary>A bundle's "Ship Bundle Items": false together (Commerce's default), true separately.</summary>
    public bool ShipSeparately { get; init; }

    /// <summary>A bundle ordered under Commerce's composite SKU (its own SKU and each option's, joined with "-"). Default true.</summary>
    public bool DynamicSku { get; init; } = true;

    /// <summary>Cancelled quantity (in bundles for a bundle): Commerce's <c>qty_canceled</c>, with its tax and totals.</summary>
    public decimal QtyCanceled { get; init; }

    /// <summary>
    /// A fixed-price bundle (<see cref="Price"/> on the bundle, options at 0; Adobe's "Price: fixed" bundle) or a
    /// dynamic-price one (each option priced, the bundle summing them).
    /// </summary>
    public static SimulatedOrderLine Bundle(string sku, string name, decimal qty, IReadOnlyList<SimulatedBundleOption> options, decimal? fixedPrice = null, decimal taxPercent = 0, bool shipSeparately = false) =>
        new(sku, name, qty, fixedPrice ?? options.Sum(option => option.Price * option.QtyPerBundle), taxPercent)
        {
            Type = fixedPrice is null ? SimulatedProductType.BundleDynamicPrice : SimulatedProductType.BundleFixedPrice,
            Options = options,
            ShipSeparately = shipSeparately,
        };
}

/// <param name="Price">The option's own price (used by dynamic-price bundles; ignored by fixed-price ones).</param>
public sealed record SimulatedBundleOption(string Sku, string Name, decimal QtyPerBundle, decimal Price = 0);

/// <summary>Commerce product types (<c>product_type</c> / <c>type_id</c>).</summary>
public enum SimulatedProductType
{
    Simple,
    Configurable,
    BundleFixedPrice,
    BundleDynamicPrice,
    Virtual,
    Downloadable,

    /// <summary>A virtual gift card (Adobe Commerce's <c>giftcard</c> type).</summary>
    GiftCard,
}
