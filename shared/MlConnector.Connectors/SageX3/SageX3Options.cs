using MlConnector.Core.Configuration;

namespace MlConnector.Connectors.SageX3;

/// <summary>How the connector reaches one Sage X3 folder. Every property is an app setting <c>SageX3__{Name}</c>.</summary>
[ConfigurationSection("SageX3")]
public sealed class SageX3Options
{
    public const string SectionName = "SageX3";

    /// <summary>The Syracuse server, e.g. <c>https://x3.example.com</c>. Required for Rest and GraphQl modes.</summary>
    public string ServerUrl { get; set; } = string.Empty;

    /// <summary>Overrides the URL's port when set (X3 commonly listens on 8124). Default 0: the URL's own port.</summary>
    public int Port { get; set; }

    /// <summary>The endpoint (folder) name, e.g. <c>SEED</c>. Default SEED.</summary>
    public string Endpoint { get; set; } = "SEED";

    /// <summary>Rest (api1 + HTTP Basic), GraphQl (on-premise connected application) or Cloud (X3 Cloud gateway). Default Rest.</summary>
    public SageX3Mode Mode { get; set; } = SageX3Mode.Rest;

    /// <summary>The Syracuse user: Basic login in Rest mode, the JWT subject (allowed user) in GraphQl mode.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>Connected application client id (GraphQl mode) or the app's gateway client id (Cloud mode).</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Lifetime of the JWT the connector signs in GraphQl mode; must not exceed the connected app's "Tokens validity". Default 5 min.</summary>
    public TimeSpan TokenValidity { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The regional gateway base, e.g. <c>https://api.eu-sagex3.com/v1</c> (Cloud mode).</summary>
    public string CloudGatewayUrl { get; set; } = string.Empty;

    /// <summary>Representation (REST view) per class; customers often publish their own (e.g. YPOH). Defaults are the class names.</summary>
    public string PurchaseOrderRepresentation { get; set; } = "PORDER";

    public string SupplierRepresentation { get; set; } = "BPSUPPLIER";

    public string SupplierInvoiceRepresentation { get; set; } = "PINVOICE";

    public string GlAccountRepresentation { get; set; } = "GACCOUNT";

    public string DimensionRepresentation { get; set; } = "CACCE";

    public string ProductRepresentation { get; set; } = "ITMMASTER";

    public string ReceiptRepresentation { get; set; } = "PRECEIPT";

    public string DeliveryRepresentation { get; set; } = "SDELIVERY";

    /// <summary>Sales orders (SORDER) created from trading partners' purchase orders, and the customers (BPCUSTOMER) they are sold to.</summary>
    public string SalesOrderRepresentation { get; set; } = "SORDER";

    public string CustomerRepresentation { get; set; } = "BPCUSTOMER";

    /// <summary>Customer (sales) invoices, sent to EDI partners as 810s.</summary>
    public string SalesInvoiceRepresentation { get; set; } = "SINVOICE";

    /// <summary>
    /// Writable representations for <c>$create</c>/<c>$edit</c>: X3's standard representations only read, so the customer
    /// builds one per written class (docs/x3-setup.md). Defaults YMLPOH, YMLBPS, YMLPIH, YMLPTH, YMLSOH.
    /// </summary>
    public string PurchaseOrderWriteRepresentation { get; set; } = "YMLPOH";

    public string SupplierWriteRepresentation { get; set; } = "YMLBPS";

    public string SupplierInvoiceWriteRepresentation { get; set; } = "YMLPIH";

    public string ReceiptWriteRepresentation { get; set; } = "YMLPTH";

    public string SalesOrderWriteRepresentation { get; set; } = "YMLSOH";

    /// <summary>
    /// The GraphQL roots' prefix: <c>x3</c> (<c>x3Purchasing</c>, X3 2024 R1 and later) or <c>xtremX3</c>
    /// (<c>xtremX3Purchasing</c>, before 2024 R1). Default x3; <c>mlc ping</c> says which one the server publishes.
    /// </summary>
    public string GraphQlRootPrefix { get; set; } = "x3";

    /// <summary>
    /// GraphQL paths replacing the defaults, per GraphQL type and X3 field: <c>SageX3__GraphQlFields__PurchaseOrderLine__ACC=account._id</c>;
    /// an empty value leaves the field out of GraphQL reads and writes.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> GraphQlFields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Stock status of goods received through GraphQL (a receipt line's <c>stockDetails.status</c>). Default A (accepted).</summary>
    public string ReceiptStockStatus { get; set; } = "A";

    /// <summary>Name of the lines array in each representation's details (it depends on the representation).</summary>
    public string PurchaseOrderLinesProperty { get; set; } = "PORDERP";

    public string SupplierInvoiceLinesProperty { get; set; } = "PINVOICED";

    public string ReceiptLinesProperty { get; set; } = "PRECEIPTD";

    public string DeliveryLinesProperty { get; set; } = "SDELIVERYD";

    /// <summary>Lines array of the sales order representation (X3 table SORDERQ). Default SORDERQ.</summary>
    public string SalesOrderLinesProperty { get; set; } = "SORDERQ";

    /// <summary>Sales site used when an incoming sales order names none (falls back to <see cref="DefaultSite"/>).</summary>
    public string DefaultSalesSite { get; set; } = string.Empty;

    public string SalesInvoiceLinesProperty { get; set; } = "SINVOICED";

    /// <summary>The field carrying the source system's reference on created records (a specific field, e.g. YEXTREF). Default YEXTREF.</summary>
    public string ExternalReferenceField { get; set; } = "YEXTREF";

    /// <summary>Order fields receiving a trading partner's acknowledgment (855). Defaults YACKSTA / YACKDAT.</summary>
    public string AcknowledgmentStatusField { get; set; } = "YACKSTA";

    public string AcknowledgmentDateField { get; set; } = "YACKDAT";

    /// <summary>Purchase site used when an incoming order names none.</summary>
    public string DefaultSite { get; set; } = string.Empty;

    /// <summary>Rows asked per page (<c>count=</c> / <c>first:</c>); X3 may cap it. Default 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How long a reference-data answer is trusted. Default 5 min.</summary>
    public TimeSpan ReferenceDataCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>"X3 folder SEED": where reference data lives, for messages.</summary>
    public string Scope => $"X3 folder {Endpoint}";
}

public enum SageX3Mode
{
    Rest,
    GraphQl,
    Cloud,
}
