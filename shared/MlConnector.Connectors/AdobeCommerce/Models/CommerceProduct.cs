using System.Text.Json;

namespace MlConnector.Connectors.AdobeCommerce.Models;

/// <summary>
/// The fields of <c>GET /V1/products/{sku}</c> (<c>catalog-data-product-interface</c>, admin-schema-2.4.8.yaml) the
/// connector reads. A bundle's "Ship Bundle Items" setting is its <c>shipment_type</c> custom attribute: "0" together,
/// "1" separately (AdobeDocs/commerce-webapi src/pages/rest/tutorials/bundle-product/plan-product.md).
/// </summary>
public sealed record CommerceProduct
{
    public long? Id { get; init; }
    public string? Sku { get; init; }
    public string? TypeId { get; init; }
    public IReadOnlyList<CommerceCustomAttribute> CustomAttributes { get; init; } = [];

    public bool ShipsBundleItemsSeparately =>
        CustomAttributes.FirstOrDefault(attribute => attribute.AttributeCode == "shipment_type")?.Value is { } value &&
        (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) == "1";
}

public sealed record CommerceCustomAttribute
{
    public string? AttributeCode { get; init; }

    /// <summary>Mostly a string; some attributes (category_ids) are arrays.</summary>
    public JsonElement? Value { get; init; }
}
