namespace MlConnector.Connectors.SageX3.Reading;

/// <summary>The X3 objects the connector reads and writes.</summary>
public enum X3Entity
{
    PurchaseOrder,
    Supplier,
    SupplierInvoice,
    GlAccount,
    Dimension,
    Product,
    Receipt,
    Delivery,
    SalesOrder,
    Customer,
    SalesInvoice,
}

/// <summary>
/// One X3 field on the GraphQL surface: the dotted path that reads it (null: not read over GraphQL) and the input
/// property that writes it (null: the path's first segment, or <c>_id</c>; empty: never written, X3 derives it).
/// </summary>
internal sealed record X3GraphQlField(string Field, string? Read, string? Input = null, bool IsYesNo = false)
{
    public string? InputName => Input ?? (Read is null ? null : Read == "_id" ? "_id" : Read.Split('.')[0]);
}

/// <summary>
/// Where an entity lives on each surface: api1 class, key and representations; GraphQL package, node and type, with
/// the X3 field codes each GraphQL path carries (so both surfaces yield the same rows). Every path can be replaced by
/// the setting <c>SageX3__GraphQlFields__{Type}__{FIELD}</c> (empty: not used over GraphQL).
/// </summary>
internal sealed record X3EntityInfo(
    X3Entity Entity,
    string ClassName,
    string KeyField,
    string GraphQlPackage,
    string GraphQlNode,
    string GraphQlType,
    IReadOnlyList<X3GraphQlField> HeaderFields,
    string? GraphQlLinesField = null,
    string? GraphQlLineType = null,
    string? LineKeyField = null,
    IReadOnlyList<X3GraphQlField>? LineFields = null)
{
    /// <summary>The external-reference field token in the maps, replaced by the configured field.</summary>
    public const string ExternalReferenceToken = "YEXTREF";

    /// <summary>A line's identity on both surfaces: api1 <c>$uuid</c>, GraphQL <c>_id</c>.</summary>
    public const string LineIdentity = "$uuid";

    public bool HasLines => GraphQlLinesField is not null;

    public string Representation(SageX3Options options) => Entity switch
    {
        X3Entity.PurchaseOrder => options.PurchaseOrderRepresentation,
        X3Entity.Supplier => options.SupplierRepresentation,
        X3Entity.SupplierInvoice => options.SupplierInvoiceRepresentation,
        X3Entity.GlAccount => options.GlAccountRepresentation,
        X3Entity.Dimension => options.DimensionRepresentation,
        X3Entity.Product => options.ProductRepresentation,
        X3Entity.Receipt => options.ReceiptRepresentation,
        X3Entity.SalesOrder => options.SalesOrderRepresentation,
        X3Entity.Customer => options.CustomerRepresentation,
        X3Entity.SalesInvoice => options.SalesInvoiceRepresentation,
        _ => options.DeliveryRepresentation,
    };

    /// <summary>The writable representation <c>$create</c>/<c>$edit</c> go through (X3's standard ones only read); null when the connector never writes it.</summary>
    public string? WriteRepresentation(SageX3Options options) => Entity switch
    {
        X3Entity.PurchaseOrder => options.PurchaseOrderWriteRepresentation,
        X3Entity.Supplier => options.SupplierWriteRepresentation,
        X3Entity.SupplierInvoice => options.SupplierInvoiceWriteRepresentation,
        X3Entity.Receipt => options.ReceiptWriteRepresentation,
        X3Entity.SalesOrder => options.SalesOrderWriteRepresentation,
        _ => null,
    };

    /// <summary>The setting naming <see cref="WriteRepresentation"/>.</summary>
    public string WriteRepresentationSetting => $"SageX3__{Entity}WriteRepresentation";

    public string? LinesProperty(SageX3Options options) => Entity switch
    {
        X3Entity.PurchaseOrder => options.PurchaseOrderLinesProperty,
        X3Entity.SupplierInvoice => options.SupplierInvoiceLinesProperty,
        X3Entity.Receipt => options.ReceiptLinesProperty,
        X3Entity.Delivery => options.DeliveryLinesProperty,
        X3Entity.SalesOrder => options.SalesOrderLinesProperty,
        X3Entity.SalesInvoice => options.SalesInvoiceLinesProperty,
        _ => null,
    };

    public string GraphQlRoot(SageX3Options options) => options.GraphQlRootPrefix + GraphQlPackage;

    /// <summary>The header's GraphQL fields, with the configured external-reference field and overrides applied.</summary>
    public IReadOnlyList<X3GraphQlField> Header(SageX3Options options) => Resolve(HeaderFields, GraphQlType, options);

    public IReadOnlyList<X3GraphQlField> Lines(SageX3Options options) => GraphQlLineType is null ? [] : Resolve(LineFields ?? [], GraphQlLineType, options);

    private static List<X3GraphQlField> Resolve(IReadOnlyList<X3GraphQlField> fields, string type, SageX3Options options)
    {
        var overrides = options.GraphQlFields.GetValueOrDefault(type);
        return fields.Select(f =>
        {
            var field = f.Field == ExternalReferenceToken ? f with { Field = options.ExternalReferenceField } : f;
            return overrides?.TryGetValue(f.Field, out var path) == true
                ? field with { Read = string.IsNullOrWhiteSpace(path) ? null : path.Trim(), Input = string.IsNullOrWhiteSpace(path) ? string.Empty : field.Input }
                : field;
        }).ToList();
    }
}
