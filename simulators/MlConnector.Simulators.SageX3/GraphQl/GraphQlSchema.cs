namespace MlConnector.Simulators.SageX3.GraphQl;

/// <summary>How a GraphQL leaf maps to an X3 field; yes/no local menus (1 = no, 2 = yes) appear as booleans.</summary>
internal sealed record GraphQlLeaf(string X3Field, bool IsYesNo);

/// <summary>
/// One node type: its module and name (<c>x3Purchasing { purchaseOrder }</c>), the X3 class behind it, and
/// dotted GraphQL paths (<c>orderFromSupplier.code.code</c>) mapped to X3 fields, for the header and the lines.
/// </summary>
internal sealed record GraphQlEntity(
    string Module,
    string Name,
    string TypeName,
    string ClassName,
    IReadOnlyDictionary<string, GraphQlLeaf> Fields,
    string? LinesField,
    string? LineTypeName,
    IReadOnlyDictionary<string, GraphQlLeaf> LineFields)
{
    public GraphQlLeaf? ResolveLeaf(string path, bool lines)
    {
        var map = lines ? LineFields : Fields;
        if (map.TryGetValue(path, out var leaf))
        {
            return leaf;
        }

        // A reference filtered by value, e.g. {orderFromSupplier:'S0001'}, means its code.
        var nested = map.Keys.FirstOrDefault(k => k.StartsWith(path + ".", StringComparison.Ordinal));
        return nested is null ? null : map[nested];
    }

    public bool IsObject(string path, bool lines) =>
        (lines ? LineFields : Fields).Keys.Any(k => k.StartsWith(path + ".", StringComparison.Ordinal));
}

/// <summary>The published nodes. Names follow Sage's x3Purchasing reference where documented; the rest are inferred.</summary>
internal static class GraphQlSchema
{
    public static readonly IReadOnlyList<GraphQlEntity> Entities =
    [
        Entity("x3Purchasing", "purchaseOrder", "PurchaseOrder", "PORDER",
            "_id=POHNUM id=POHNUM purchaseSite.code=POHFCY orderFromSupplier.code.code=BPSNUM orderFromSupplier.code.companyName=BPSNAM orderDate=ORDDAT currency.code=CUR isClosed=CLEFLG? expectedReceiptDate=EXTRCPDAT internalOrderReference=YEXTREF _createStamp=CREDATTIM _updateStamp=UPDDATTIM",
            "purchaseOrderLines", "PurchaseOrderLine",
            "lineNumber=POPLIN product.code=ITMREF product.description1=ITMDES quantityInOrderUnitOrdered=QTYUOM orderUnit.code=UOM grossPrice=GROPRI taxAmount=AMTTAX account.code=ACC costCentre.code=CCE expectedReceiptDate=EXTRCPDAT"),
        Entity("x3MasterData", "supplier", "Supplier", "BPSUPPLIER",
            "_id=BPSNUM code=BPSNUM companyName=BPSNAM currency.code=CUR companyRegistrationNumber=CRN email=WEB addressLine1=BPAADDLIG1 addressLine2=BPAADDLIG2 city=CTY state=SAT zipCode=POSCOD country.code=CRY isActive=ENAFLG? externalReference=YEXTREF _createStamp=CREDATTIM _updateStamp=UPDDATTIM",
            null, null, string.Empty),
        Entity("x3Purchasing", "purchaseInvoice", "PurchaseInvoice", "PINVOICE",
            "_id=NUM id=NUM billBySupplier.code.code=BPR billBySupplier.code.companyName=BPRNAM supplierDocumentNumber=BPRVCR accountingDate=ACCDAT currency.code=CUR purchaseOrder.id=POHNUM totalAmountExcludingTax=AMTNOT totalAmountIncludingTax=AMTATI shippingAmount=INVSHI discountAmount=INVDCT externalReference=YEXTREF _createStamp=CREDATTIM _updateStamp=UPDDATTIM",
            "purchaseInvoiceLines", "PurchaseInvoiceLine",
            "lineNumber=LIN product.code=ITMREF product.description1=ITMDES quantityInPurchaseUnit=QTYUOM netPrice=NETPRI taxAmount=AMTTAX taxRate=TAXRAT account.code=ACC purchaseOrderLine=POPLIN"),
        Entity("x3Purchasing", "purchaseReceipt", "PurchaseReceipt", "PRECEIPT",
            "_id=PTHNUM id=PTHNUM supplier.code.code=BPSNUM receiptDate=RCPDAT carrier.code=BPTNUM trackingNumber=TRKNUM externalReference=YEXTREF _createStamp=CREDATTIM _updateStamp=UPDDATTIM",
            "purchaseReceiptLines", "PurchaseReceiptLine",
            "lineNumber=PTDLIN purchaseOrder.id=POHNUM purchaseOrderLine=POPLIN product.code=ITMREF quantityInReceiptUnit=QTYUOM receiptUnit.code=UOM"),
        Entity("x3Sales", "salesDelivery", "SalesDelivery", "SDELIVERY",
            "_id=SDHNUM id=SDHNUM salesOrder.id=SOHNUM soldToCustomer.code=BPCORD shipmentDate=SHIDAT carrier.code=BPTNUM carrier.description=BPTNAM trackingNumber=TRKNUM isConfirmed=CFMFLG? customerOrderReference=YEXTREF _createStamp=CREDATTIM _updateStamp=UPDDATTIM shipToCustomerAddress.code=BPAADD",
            "salesDeliveryLines", "SalesDeliveryLine",
            "lineNumber=SDDLIN product.code=ITMREF quantityInSalesUnitDelivered=QTY salesUnit.code=SAU salesOrderLine=SOPLIN"),
        Entity("x3Sales", "salesOrder", "SalesOrder", "SORDER",
            "_id=SOHNUM id=SOHNUM salesSite.code=SALFCY soldToCustomer.code=BPCORD soldToCustomer.companyName=BPCNAM customerOrderReference=CUSORDREF orderDate=ORDDAT requestedDeliveryDate=DEMDLVDAT currency.code=CUR isClosed=CLEFLG? externalReference=YEXTREF _createStamp=CREDATTIM _updateStamp=UPDDATTIM billToCustomer.code=BPCINV shipToCustomerAddress.code=BPAADD shipToName=BPDNAM shipToAddressLines=BPDADDLIG shipToCity=BPDCTY shipToState=BPDSAT shipToPostalCode=BPDPOSCOD shipToCountry.code=BPDCRY billToName=BPINAM billToAddressLines=BPIADDLIG billToCity=BPICTY billToState=BPISAT billToPostalCode=BPIPOSCOD billToCountry.code=BPICRY shipmentDate=SHIDAT carrier.code=BPTNUM paymentTerm.code=PTE headerText=SOHTEX1 invoicingElements=INVDTA invoicingElementAmounts=INVDTAAMT",
            "salesOrderLines", "SalesOrderLine",
            "lineNumber=SOPLIN product.code=ITMREF product.description1=ITMDES quantityInSalesUnitOrdered=QTY salesUnit.code=SAU grossPrice=GROPRI requestedDeliveryDate=DEMDLVDAT shipmentDate=SHIDAT shipToCustomerAddress.code=BPAADD"),
        Entity("x3MasterData", "customer", "Customer", "BPCUSTOMER",
            "_id=BPCNUM code=BPCNUM companyName=BPCNAM currency.code=CUR country.code=CRY _createStamp=CREDATTIM _updateStamp=UPDDATTIM", null, null, string.Empty),
        Entity("x3Sales", "salesInvoice", "SalesInvoice", "SINVOICE",
            "_id=NUM id=NUM billToCustomer.code=BPCINV billToCustomer.companyName=BPCNAM invoiceDate=INVDAT currency.code=CUR salesOrder.id=SOHNUM customerOrderReference=CUSORDREF status=STA totalAmountExcludingTax=AMTNOT _createStamp=CREDATTIM _updateStamp=UPDDATTIM",
            "salesInvoiceLines", "SalesInvoiceLine",
            "lineNumber=SIDLIN product.code=ITMREF product.description1=ITMDES quantityInSalesUnit=QTY salesUnit.code=SAU netPrice=NETPRI taxAmount=AMTTAX"),
        Entity("x3MasterData", "product", "Product", "ITMMASTER",
            "_id=ITMREF code=ITMREF description1=ITMDES1 stockUnit.code=STU _createStamp=CREDATTIM _updateStamp=UPDDATTIM", null, null, string.Empty),
        Entity("x3FinanceData", "account", "Account", "GACCOUNT",
            "_id=ACC code=ACC description=DES _createStamp=CREDATTIM _updateStamp=UPDDATTIM", null, null, string.Empty),
        Entity("x3FinanceData", "dimension", "Dimension", "CACCE",
            "_id=CCE code=CCE dimensionType.code=DIE description=DES _createStamp=CREDATTIM _updateStamp=UPDDATTIM", null, null, string.Empty),
    ];

    public static readonly IReadOnlyList<string> Modules = Entities.Select(e => e.Module).Distinct().ToList();

    private static GraphQlEntity Entity(string module, string name, string type, string cls, string fields, string? linesField, string? lineType, string lineFields) =>
        new(module, name, type, cls, ParseMap(fields), linesField, lineType, ParseMap(lineFields));

    private static Dictionary<string, GraphQlLeaf> ParseMap(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(p => p[0], p => new GraphQlLeaf(p[1].TrimEnd('?'), p[1].EndsWith('?')), StringComparer.Ordinal);
}
