using MlConnector.Connectors.AdobeCommerce.Models;

namespace MlConnector.Connectors.AdobeCommerce.Orders;

/// <summary>One order item placed in its product's structure: a line standing alone, or a parent with its children.</summary>
public sealed class OrderLine
{
    private readonly List<OrderLine> _children = [];

    internal OrderLine(CommerceOrderItem item, int position)
    {
        Item = item;
        Position = position;
    }

    public CommerceOrderItem Item { get; }

    /// <summary>Where the item stands in the order's <c>items</c> array (0-based), for messages about items without ids.</summary>
    public int Position { get; }

    public OrderLine? Parent { get; private set; }

    public IReadOnlyList<OrderLine> Children => _children;

    public bool IsConfigurable => Is(ProductTypes.Configurable);

    public bool IsBundle => Is(ProductTypes.Bundle);

    public bool IsVirtual => Item.IsVirtual == 1 || Is(ProductTypes.Virtual) || Is(ProductTypes.Downloadable);

    /// <summary>
    /// A bundle whose options carry the prices (dynamic price): the children are billed, the parent only sums them.
    /// A fixed-price bundle carries its price on the parent and zero-priced children.
    /// </summary>
    public bool IsPricedByChildren => IsBundle && _children.Any(child => (child.Item.Price ?? 0) != 0);

    /// <summary>How many of this child go into one of its parent (a bundle option's quantity), from the ordered quantities.</summary>
    public decimal QuantityPerParent =>
        Parent?.Item.QtyOrdered is > 0 && Item.QtyOrdered is { } qty ? qty / Parent.Item.QtyOrdered.Value : 1;

    /// <summary>Ordered and not cancelled.</summary>
    public decimal OpenQuantity => (Item.QtyOrdered ?? 0) - (Item.QtyCanceled ?? 0);

    /// <summary>
    /// The SKU of the product itself. A bundle with a dynamic SKU is ordered under a composite SKU (its own SKU
    /// followed by each selected option's SKU, joined with "-"), which no other system knows: the options' SKUs are
    /// taken off the end to find the bundle's own.
    /// </summary>
    public string ProductSku
    {
        get
        {
            var sku = Item.Sku ?? string.Empty;
            if (!IsBundle || _children.Count == 0)
            {
                return sku;
            }

            var remaining = _children.Select(child => child.Item.Sku).OfType<string>().Where(s => s.Length > 0).ToList();
            var stripped = sku;
            while (remaining.FirstOrDefault(option => stripped.EndsWith("-" + option, StringComparison.Ordinal)) is { } option)
            {
                stripped = stripped[..^(option.Length + 1)];
                remaining.Remove(option);
            }

            // Only a composite SKU loses every option; a fixed SKU that merely ends like one of them stays whole.
            return remaining.Count == 0 && stripped.Length > 0 ? stripped : sku;
        }
    }

    public string Describe() =>
        Item.ItemId is { } id ? $"item {id} ({Item.Sku})" : $"line {Position + 1} ({Item.Sku})";

    internal void Adopt(OrderLine child)
    {
        child.Parent = this;
        _children.Add(child);
    }

    private bool Is(string type) => string.Equals(Item.ProductType, type, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Commerce's <c>product_type</c> values.</summary>
public static class ProductTypes
{
    public const string Simple = "simple";
    public const string Configurable = "configurable";
    public const string Bundle = "bundle";
    public const string Virtual = "virtual";
    public const string Downloadable = "downloadable";
    public const string GiftCard = "giftcard";
}
