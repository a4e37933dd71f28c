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
/// Where an entity lives on each surface: api1 class, key and representation; GraphQL module and node, with
/// dotted GraphQL paths mapped to the X3 field codes REST uses (so both surfaces yield the same rows).
/// </summary>
internal sealed record X3EntityInfo(
    X3Entity Entity,
    string ClassName,
    string KeyField,
    string GraphQlModule,
    string GraphQlNode,
    string HeaderMap,
    string? GraphQlLinesField,
    string LineMap)
{
    /// <summary>The external-reference field token in the maps, replaced by the configured field.</summary>
    public const string ExternalReferenceToken = "YEXTREF";

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

    /// <summary>GraphQL path -> (X3 field, yes/no local menu shown as a boolean).</summary>
    public IReadOnlyList<(string Path, string Field, bool IsYesNo)> Header(SageX3Options options) => Parse(HeaderMap, options);

    public IReadOnlyList<(string Path, string Field, bool IsYesNo)> Lines(SageX3Options options) => Parse(LineMap, options);

    private static List<(string Path, string Field, bool IsYesNo)> Parse(string map, SageX3Options options) =>
        map.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .Select(p => (p[0], p[1].TrimEnd('?') == ExternalReferenceToken ? options.ExternalReferenceField : p[1].TrimEnd('?'), p[1].EndsWith('?')))
            .ToList();
}

internal static class X3Entities
{
    public static readonly IReadOnlyDictionary<X3Entity, X3EntityInfo> All = new Dictionary<X3Entity, X3EntityInfo>
    {
        [X3Entity.PurchaseOrder] = new(X3Entity.PurchaseOrder, "PORDER", "POHNUM", "x3Purchasing", "purchaseOrder",
            "_id=POHNUM purchaseSite.code=POHFCY orderFromSupplier.code.code=BPSNUM orderFromSupplier.code.companyName=BPSNAM orderDate=ORDDAT currency.code=CUR isClosed=CLEFLG? expectedReceiptDate=EXTRCPDAT internalOrderReference=YEXTREF _updateStamp=UPDDATTIM",
            "purchaseOrderLines",
            "lineNumber=POPLIN product.code=ITMREF product.description1=ITMDES quantityInOrderUnitOrdered=QTYUOM orderUnit.code=UOM grossPrice=GROPRI taxAmount=AMTTAX account.code=ACC costCentre.code=CCE expectedReceiptDate=EXTRCPDAT"),
        [X3Entity.Supplier] = new(X3Entity.Supplier, "BPSUPPLIER", "BPSNUM", "x3MasterData", "supplier",
            "_id=BPSNUM companyName=BPSNAM currency.code=CUR companyRegistrationNumber=CRN email=WEB addressLine1=BPAADDLIG1 addressLine2=BPAADDLIG2 city=CTY state=SAT zipCode=POSCOD country.code=CRY isActive=ENAFLG? externalReference=YEXTREF _updateStamp=UPDDATTIM",
            null, string.Empty),
        [X3Entity.SupplierInvoice] = new(X3Entity.SupplierInvoice, "PINVOICE", "NUM", "x3Purchasing", "purchaseInvoice",
            "_id=NUM billBySupplier.code.code=BPR billBySupplier.code.companyName=BPRNAM supplierDocumentNumber=BPRVCR accountingDate=ACCDAT currency.code=CUR purchaseOrder.id=POHNUM totalAmountExcludingTax=AMTNOT totalAmountIncludingTax=AMTATI shippingAmount=INVSHI discountAmount=INVDCT externalReference=YEXTREF _updateStamp=UPDDATTIM",
            "purchaseInvoiceLines",
            "lineNumber=LIN product.code=ITMREF product.description1=ITMDES quantityInPurchaseUnit=QTYUOM netPrice=NETPRI taxAmount=AMTTAX taxRate=TAXRAT account.code=ACC purchaseOrderLine=POPLIN"),
        [X3Entity.GlAccount] = new(X3Entity.GlAccount, "GACCOUNT", "ACC", "x3FinanceData", "account",
            "_id=ACC description=DES _updateStamp=UPDDATTIM", null, string.Empty),
        [X3Entity.Dimension] = new(X3Entity.Dimension, "CACCE", "CCE", "x3FinanceData", "dimension",
            "_id=CCE dimensionType.code=DIE description=DES _updateStamp=UPDDATTIM", null, string.Empty),
        [X3Entity.Product] = new(X3Entity.Product, "ITMMASTER", "ITMREF", "x3MasterData", "product",
            "_id=ITMREF description1=ITMDES1 stockUnit.code=STU _updateStamp=UPDDATTIM", null, string.Empty),
        [X3Entity.Receipt] = new(X3Entity.Receipt, "PRECEIPT", "PTHNUM", "x3Purchasing", "purchaseReceipt",
            "_id=PTHNUM supplier.code.code=BPSNUM receiptDate=RCPDAT carrier.code=BPTNUM trackingNumber=TRKNUM externalReference=YEXTREF _updateStamp=UPDDATTIM",
            "purchaseReceiptLines",
            "lineNumber=PTDLIN purchaseOrder.id=POHNUM purchaseOrderLine=POPLIN product.code=ITMREF quantityInReceiptUnit=QTYUOM receiptUnit.code=UOM"),
        [X3Entity.Delivery] = new(X3Entity.Delivery, "SDELIVERY", "SDHNUM", "x3Sales", "salesDelivery",
            "_id=SDHNUM salesOrder.id=SOHNUM shipmentDate=SHIDAT carrier.code=BPTNUM carrier.description=BPTNAM trackingNumber=TRKNUM isConfirmed=CFMFLG? customerOrderReference=YEXTREF _updateStamp=UPDDATTIM shipToCustomerAddress.code=BPAADD",
            "salesDeliveryLines",
            "lineNumber=SDDLIN product.code=ITMREF quantityInSalesUnitDelivered=QTY salesUnit.code=SAU salesOrderLine=SOPLIN"),
        [X3Entity.SalesOrder] = new(X3Entity.SalesOrder, "SORDER", "SOHNUM", "x3Sales", "salesOrder",
            "_id=SOHNUM salesSite.code=SALFCY soldToCustomer.code=BPCORD soldToCustomer.companyName=BPCNAM customerOrderReference=CUSORDREF orderDate=ORDDAT requestedDeliveryDate=DEMDLVDAT currency.code=CUR isClosed=CLEFLG? externalReference=YEXTREF _updateStamp=UPDDATTIM billToCustomer.code=BPCINV shipToCustomerAddress.code=BPAADD shipToName=BPDNAM shipToAddressLines=BPDADDLIG shipToCity=BPDCTY shipToState=BPDSAT shipToPostalCode=BPDPOSCOD shipToCountry.code=BPDCRY billToName=BPINAM billToAddressLines=BPIADDLIG billToCity=BPICTY billToState=BPISAT billToPostalCode=BPIPOSCOD billToCountry.code=BPICRY shipmentDate=SHIDAT carrier.code=BPTNUM paymentTerm.code=PTE headerText=SOHTEX1 invoicingElements=INVDTA invoicingElementAmounts=INVDTAAMT",
            "salesOrderLines",
            "lineNumber=SOPLIN product.code=ITMREF product.description1=ITMDES quantityInSalesUnitOrdered=QTY salesUnit.code=SAU grossPrice=GROPRI requestedDeliveryDate=DEMDLVDAT shipmentDate=SHIDAT shipToCustomerAddress.code=BPAADD"),
        [X3Entity.Customer] = new(X3Entity.Customer, "BPCUSTOMER", "BPCNUM", "x3MasterData", "customer",
            "_id=BPCNUM companyName=BPCNAM currency.code=CUR country.code=CRY _updateStamp=UPDDATTIM", null, string.Empty),
        [X3Entity.SalesInvoice] = new(X3Entity.SalesInvoice, "SINVOICE", "NUM", "x3Sales", "salesInvoice",
            "_id=NUM billToCustomer.code=BPCINV billToCustomer.companyName=BPCNAM invoiceDate=INVDAT currency.code=CUR salesOrder.id=SOHNUM customerOrderReference=CUSORDREF status=STA totalAmountExcludingTax=AMTNOT _updateStamp=UPDDATTIM",
            "salesInvoiceLines",
            "lineNumber=SIDLIN product.code=ITMREF product.description1=ITMDES quantityInSalesUnit=QTY salesUnit.code=SAU netPrice=NETPRI taxAmount=AMTTAX"),
    };
}
