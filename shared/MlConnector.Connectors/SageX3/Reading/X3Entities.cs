namespace MlConnector.Connectors.SageX3.Reading;

/// <summary>
/// The entities and their GraphQL fields, one per line (adding a field is one line). Sources, as in the simulator's
/// schema (simulators/MlConnector.Simulators.SageX3/GraphQl/Schema/X3Nodes.cs):
/// [S] github Sage-ERP-X3/sample-x3-ws-php-webportal @ 99607dd, GraphQL/*.graphql and README.md (2024 R1 names);
/// [P] https://developer.sage.com/x3/graphql/examples/purchasing/; [O] https://developer.sage.com/x3/graphql/examples/sales-orders/;
/// [I] inferred: overridable by <c>SageX3__GraphQlFields__{Type}__{FIELD}</c>, checked by <c>mlc ping</c>.
/// References are read by their <c>_id</c> (Sage's sample reads <c>purchaseSite { _id }</c>, <c>supplier { _id }</c>).
/// </summary>
internal static class X3Entities
{
    private const string ExternalReference = X3EntityInfo.ExternalReferenceToken;

    public static readonly IReadOnlyDictionary<X3Entity, X3EntityInfo> All = new Dictionary<X3Entity, X3EntityInfo>
    {
        [X3Entity.PurchaseOrder] = new(X3Entity.PurchaseOrder, "PORDER", "POHNUM", "Purchasing", "purchaseOrder", "PurchaseOrder",
        [
            F("POHNUM", "_id"), // [S]
            F("POHFCY", "purchaseSite._id"), // [S]
            F("BPSNUM", "orderFromSupplier.code.code", "orderFromSupplier"), // [S]
            Derived("BPSNAM", "orderFromSupplier.companyName1"), // [I]
            F("ORDDAT", "orderDate"), // [O]
            F("CUR", "currency._id"), // [O]
            YesNo("CLEFLG", "isClosed"), // [S]
            F("EXTRCPDAT", "expectedReceiptDate"), // [I]
            F(ExternalReference, "internalOrderReference"), // [S]
            Derived("UPDDATTIM", "_updateStamp"), // [S]
        ],
        "purchaseOrderLines", "PurchaseOrderLine", "POPLIN", // [S]
        [
            F(X3EntityInfo.LineIdentity, "_id"),
            F("POPLIN", "lineNumber"), // [S]
            F("ITMREF", "product.code", "product"), // [S]
            Derived("ITMDES", "product.description1"), // [S] the product's description: X3 takes it from the product
            F("QTYUOM", "quantityInOrderUnitOrdered"), // [S]
            F("UOM", "orderUnit._id"), // [S]
            F("GROPRI", "grossPrice"), // [O] on sales lines
            F("ACC", "account._id"), // [I]
            F("CCE", "costCentre._id"), // [I]
            F("EXTRCPDAT", "expectedReceiptDate"), // [I]
            NotOnGraphQl("AMTTAX"), // no public name for a line's tax; X3 computes taxes from its tax rules
        ]),
        [X3Entity.Supplier] = new(X3Entity.Supplier, "BPSUPPLIER", "BPSNUM", "MasterData", "supplier", "Supplier",
        [
            F("BPSNUM", "_id"), // [S] supplier { _id }
            F("BPSNAM", "companyName1"), // [I]
            F("CUR", "currency._id"), // [I]
            F("CRN", "companyRegistrationNumber"), // [I]
            F("WEB", "email"), // [I]
            F("BPAADDLIG1", "addressLine1"), // [I]
            F("BPAADDLIG2", "addressLine2"), // [I]
            F("CTY", "city"), // [I]
            F("SAT", "state"), // [I]
            F("POSCOD", "zipCode"), // [I]
            F("CRY", "country._id"), // [I]
            YesNo("ENAFLG", "isActive"), // [I]
            F(ExternalReference, "externalReference"), // [I]
            Derived("UPDDATTIM", "_updateStamp"),
        ]),
        [X3Entity.SupplierInvoice] = new(X3Entity.SupplierInvoice, "PINVOICE", "NUM", "Purchasing", "purchaseInvoice", "PurchaseInvoice", // [I]
        [
            F("NUM", "_id"),
            F("BPR", "billBySupplier._id"),
            Derived("BPRNAM", "billBySupplier.companyName1"),
            F("BPRVCR", "supplierDocumentNumber"),
            F("ACCDAT", "accountingDate"),
            F("CUR", "currency._id"),
            F("POHNUM", "purchaseOrder._id"),
            F("AMTNOT", "totalAmountExcludingTax"),
            F("AMTATI", "totalAmountIncludingTax"),
            F("INVSHI", "shippingAmount"),
            F("INVDCT", "discountAmount"),
            F(ExternalReference, "externalReference"),
            Derived("UPDDATTIM", "_updateStamp"),
        ],
        "purchaseInvoiceLines", "PurchaseInvoiceLine", "LIN",
        [
            F(X3EntityInfo.LineIdentity, "_id"),
            F("LIN", "lineNumber"),
            F("ITMREF", "product.code", "product"),
            F("ITMDES", "description"),
            F("QTYUOM", "quantityInPurchaseUnit"),
            F("NETPRI", "netPrice"),
            F("AMTTAX", "taxAmount"),
            F("TAXRAT", "taxRate"),
            F("ACC", "account._id"),
            F("POPLIN", "purchaseOrderLine"),
        ]),
        [X3Entity.GlAccount] = new(X3Entity.GlAccount, "GACCOUNT", "ACC", "FinanceData", "account", "Account", // [I]
        [
            F("ACC", "_id"),
            F("DES", "description"),
            Derived("UPDDATTIM", "_updateStamp"),
        ]),
        [X3Entity.Dimension] = new(X3Entity.Dimension, "CACCE", "CCE", "FinanceData", "dimension", "Dimension", // [I]
        [
            F("CCE", "_id"),
            F("DIE", "dimensionType._id"),
            F("DES", "description"),
            Derived("UPDDATTIM", "_updateStamp"),
        ]),
        [X3Entity.Product] = new(X3Entity.Product, "ITMMASTER", "ITMREF", "MasterData", "product", "Product",
        [
            F("ITMREF", "_id"), // [S] product { code }
            F("ITMDES1", "description1"), // [S]
            F("STU", "stockUnit._id"), // [I]
            Derived("UPDDATTIM", "_updateStamp"),
        ]),
        [X3Entity.Receipt] = new(X3Entity.Receipt, "PRECEIPT", "PTHNUM", "Purchasing", "purchaseReceipt", "PurchaseReceipt",
        [
            F("PTHNUM", "_id"), // [S] id
            F("PRHFCY", "receiptSite._id"), // [S] receipt site on the header
            F("BPSNUM", "supplier._id"), // [S]
            F("RCPDAT", "receiptDate"), // [S]
            F("BPTNUM", "carrier"), // [I]
            F("TRKNUM", "trackingNumber"), // [I]
            F(ExternalReference, "externalReference"), // [I]
            Derived("UPDDATTIM", "_updateStamp"),
        ],
        "lines", "PurchaseReceiptLine", "PTDLIN", // [S]
        [
            F(X3EntityInfo.LineIdentity, "_id"), // [S]
            F("PTDLIN", "lineNumber"), // [S]
            F("PRHFCY", "receiptSite._id"), // [S] and on each line
            F("POHNUM", "purchaseOrder.id", "purchaseOrder"), // [S]
            F("POPLIN", "purchaseOrderLine.lineNumber", "purchaseOrderLineNumber"), // [S] read as an object (2024 R1), written by number
            Derived("POQSEQ", "purchaseOrderLine.sequenceNumber"), // [S]
            F("ITMREF", "product.code", "product"), // [S]
            F("QTYUOM", "quantityInReceiptUnitReceived"), // [S]
            F("UOM", "receiptUnit._id", "receiptUnit"), // [S]
            F("$stockDetails", null, "stockDetails"), // [S][P] status, packingUnit, quantityInPackingUnit
        ]),
        [X3Entity.Delivery] = new(X3Entity.Delivery, "SDELIVERY", "SDHNUM", "Sales", "salesDelivery", "SalesDelivery", // [I]
        [
            F("SDHNUM", "_id"),
            F("SOHNUM", "salesOrder._id"),
            F("SHIDAT", "shipmentDate"),
            F("BPTNUM", "carrier._id"),
            F("BPTNAM", "carrierName"),
            F("TRKNUM", "trackingNumber"),
            YesNo("CFMFLG", "isConfirmed"),
            F(ExternalReference, "customerOrderReference"),
            F("BPAADD", "shipToCustomerAddress"),
            Derived("UPDDATTIM", "_updateStamp"),
        ],
        "lines", "SalesDeliveryLine", "SDDLIN",
        [
            F(X3EntityInfo.LineIdentity, "_id"),
            F("SDDLIN", "lineNumber"),
            F("ITMREF", "product.code", "product"),
            F("QTY", "quantityInSalesUnitDelivered"),
            F("SAU", "salesUnit._id"),
            F("SOPLIN", "salesOrderLine"),
        ]),
        [X3Entity.SalesOrder] = new(X3Entity.SalesOrder, "SORDER", "SOHNUM", "Sales", "salesOrder", "SalesOrder",
        [
            F("SOHNUM", "_id"), // [O] id
            F("SALFCY", "salesSite._id"), // [O]
            F("BPCORD", "soldToCustomer._id"), // [O]
            Derived("BPCNAM", "soldToCustomer.companyName1"), // [I]
            F("CUSORDREF", "customerOrderReference"), // [I]
            F("ORDDAT", "orderDate"), // [O]
            F("DEMDLVDAT", "requestedDeliveryDate"), // [I]
            F("CUR", "currency._id"), // [O]
            YesNo("CLEFLG", "isClosed"), // [I]
            F(ExternalReference, "externalReference"), // [I]
            F("BPCINV", "billToCustomer._id"), // [I]
            F("BPAADD", "shipToCustomerAddress"), // [I]
            F("BPDNAM", "shipToName"), // [I]
            F("BPDADDLIG", "shipToAddressLines"), // [I] dimensioned: a list
            F("BPDCTY", "shipToCity"), // [I]
            F("BPDSAT", "shipToState"), // [I]
            F("BPDPOSCOD", "shipToPostalCode"), // [I]
            F("BPDCRY", "shipToCountry._id"), // [I]
            F("BPINAM", "billToName"), // [I]
            F("BPIADDLIG", "billToAddressLines"), // [I] dimensioned: a list
            F("BPICTY", "billToCity"), // [I]
            F("BPISAT", "billToState"), // [I]
            F("BPIPOSCOD", "billToPostalCode"), // [I]
            F("BPICRY", "billToCountry._id"), // [I]
            F("SHIDAT", "shipmentDate"), // [I]
            F("BPTNUM", "carrier._id"), // [I]
            F("PTE", "paymentTerm"), // [I]
            F("SOHTEX1", "headerText"), // [I]
            F("INVDTA", "invoicingElements"), // [I] dimensioned: a list
            F("INVDTAAMT", "invoicingElementAmounts"), // [I] dimensioned: a list
            Derived("UPDDATTIM", "_updateStamp"),
        ],
        "lines", "SalesOrderLine", "SOPLIN", // [O]
        [
            F(X3EntityInfo.LineIdentity, "_id"),
            F("SOPLIN", "lineNumber"), // [O]
            F("ITMREF", "product.code", "product"), // [O]
            F("ITMDES", "description"), // [I]
            F("QTY", "quantityInSalesUnitOrdered"), // [O]
            F("SAU", "salesUnit._id"), // [O]
            F("GROPRI", "grossPrice"), // [O]
            F("DEMDLVDAT", "requestedDeliveryDate"), // [I]
            F("SHIDAT", "shipmentDate"), // [I]
            F("BPAADD", "shipToCustomerAddress"), // [I]
        ]),
        [X3Entity.Customer] = new(X3Entity.Customer, "BPCUSTOMER", "BPCNUM", "MasterData", "customer", "Customer",
        [
            F("BPCNUM", "_id"),
            F("BPCNAM", "companyName1"), // [I] companyName1 as X3 Cloud schema exports show it
            F("CUR", "currency._id"), // [I]
            F("CRY", "country._id"), // [I]
            Derived("UPDDATTIM", "_updateStamp"),
        ]),
        [X3Entity.SalesInvoice] = new(X3Entity.SalesInvoice, "SINVOICE", "NUM", "Sales", "salesInvoice", "SalesInvoice", // [I]
        [
            F("NUM", "_id"),
            F("BPCINV", "billToCustomer._id"),
            F("BPCNAM", "billToCustomerName"),
            F("INVDAT", "invoiceDate"),
            F("CUR", "currency._id"),
            F("SOHNUM", "salesOrder._id"),
            F("CUSORDREF", "customerOrderReference"),
            F("STA", "status"),
            F("AMTNOT", "totalAmountExcludingTax"),
            Derived("UPDDATTIM", "_updateStamp"),
        ],
        "lines", "SalesInvoiceLine", "SIDLIN",
        [
            F(X3EntityInfo.LineIdentity, "_id"),
            F("SIDLIN", "lineNumber"),
            F("ITMREF", "product.code", "product"),
            F("ITMDES", "description"),
            F("QTY", "quantityInSalesUnit"),
            F("SAU", "salesUnit._id"),
            F("NETPRI", "netPrice"),
            F("AMTTAX", "taxAmount"),
        ]),
    };

    private static X3GraphQlField F(string field, string? read, string? input = null) => new(field, read, input);

    private static X3GraphQlField YesNo(string field, string read) => new(field, read, IsYesNo: true);

    /// <summary>Read over GraphQL, never written: X3 derives it (a name behind a reference, a stamp).</summary>
    private static X3GraphQlField Derived(string field, string read) => new(field, read, string.Empty);

    /// <summary>Known to the connector, absent from GraphQL: neither read nor sent.</summary>
    private static X3GraphQlField NotOnGraphQl(string field) => new(field, null, string.Empty);
}
