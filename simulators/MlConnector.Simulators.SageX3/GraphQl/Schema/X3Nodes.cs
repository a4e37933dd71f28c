using static MlConnector.Simulators.SageX3.GraphQl.Schema.X3NodeDeclarations;

namespace MlConnector.Simulators.SageX3.GraphQl.Schema;

/// <summary>
/// The X3 GraphQL schema the simulator serves, one property per line (adding a field is one line). Names come from:
/// <list type="bullet">
/// <item>[S] Sage's sample portal, github Sage-ERP-X3/sample-x3-ws-php-webportal @ 99607dd: GraphQL/PurchaseOrder_read.graphql,
/// PurchaseOrder_query.graphql, PurchaseReceipt_read.graphql, PurchaseReceipt_mutation.graphql, README.md (variables of
/// the receipt mutation) and page_poh_gq_read.php (how it builds them). Commit a27fdda "migrated to X32024R1" renamed
/// <c>xtremX3Purchasing</c> to <c>x3Purchasing</c> and the receipt line's <c>purchaseOrderLineNumber</c> to
/// <c>purchaseOrderLine { lineNumber sequenceNumber }</c>.</item>
/// <item>[P] https://developer.sage.com/x3/graphql/examples/purchasing/ (receipt create with <c>stockDetails</c> as a list,
/// <c>purchaseOrderLineNumber: 1000</c>, <c>_forMutationOnlyDoClosePurchaseOrderLine</c>; site/unit <c>code</c>).</item>
/// <item>[O] https://developer.sage.com/x3/graphql/examples/sales-orders/ (sales order create: salesSite, soldToCustomer,
/// currency, orderDate, lines with lineNumber, grossPrice, product, salesUnit, quantityInSalesUnitOrdered).</item>
/// <item>[U] https://developer.sage.com/sdmo/guides/graphql/graphql-mutations-examples/record-update/ and bulk-update/
/// (Sage's xtrem platform: <c>update(data: { _id, … })</c>; lines changed by <c>_id</c> with <c>_action</c>).</item>
/// <item>[I] inferred: no public document names it. The connector's matching setting is overridable and <c>mlc ping</c>
/// checks it against the customer's X3.</item>
/// </list>
/// </summary>
internal static class X3Nodes
{
    public static readonly IReadOnlyList<X3NodeType> Types =
    [
        // Value types: a reference to them is just a code. [S][P] site/unit/product references select _id or code.
        Value("UnitOfMeasure"),
        Value("Currency"),
        Value("Country"),
        Value("BusinessPartner"),
        Value("DimensionType"),

        Node("Site", "FACILITY", // [S] purchaseSite { _id name }, receiptSite { _id name }; [P] { code }
            Id("FCY"),
            Text("code", "FCY", writable: false),
            Text("name", "FCYNAM", writable: false)),

        Node("Supplier", "BPSUPPLIER", // [S] orderFromSupplier { code { code } }, supplier { _id }
            Id("BPSNUM"),
            Ref("code", "BPSNUM", "BusinessPartner", writable: false),
            Text("companyName1", "BPSNAM"), // [I] by analogy with the customer node's companyName1 (BPRNAM)
            Ref("currency", "CUR", "Currency"), // [I]
            Text("companyRegistrationNumber", "CRN"), // [I]
            Text("email", "WEB"), // [I]
            Text("addressLine1", "BPAADDLIG1"), // [I]
            Text("addressLine2", "BPAADDLIG2"), // [I]
            Text("city", "CTY"), // [I]
            Text("state", "SAT"), // [I]
            Text("zipCode", "POSCOD"), // [I]
            Ref("country", "CRY", "Country"), // [I]
            Flag("isActive", "ENAFLG"), // [I]
            Text("externalReference", "YEXTREF"), // [I] a customer field
            Stamps()),

        Node("Customer", "BPCUSTOMER",
            Id("BPCNUM"),
            Ref("code", "BPCNUM", "BusinessPartner", writable: false),
            Text("companyName1", "BPCNAM"), // [I] companyName1 (BPRNAM) as public X3 Cloud schema exports show it
            Ref("currency", "CUR", "Currency"), // [I]
            Ref("country", "CRY", "Country"), // [I]
            Stamps()),

        Node("Product", "ITMMASTER", // [S] product { code description1 }
            Id("ITMREF"),
            Text("code", "ITMREF", writable: false),
            Text("description1", "ITMDES1"),
            Ref("stockUnit", "STU", "UnitOfMeasure"), // [I]
            Stamps()),

        Node("Account", "GACCOUNT", // [I] the whole finance node
            Id("ACC"),
            Text("code", "ACC", writable: false),
            Text("description", "DES"),
            Stamps()),

        Node("Dimension", "CACCE", // [I] the whole finance node
            Id("CCE"),
            Text("code", "CCE", writable: false),
            Ref("dimensionType", "DIE", "DimensionType"),
            Text("description", "DES"),
            Stamps()),

        Node("PurchaseOrder", "PORDER",
            Id("POHNUM"),
            Text("id", "POHNUM"), // [S][P]
            Ref("purchaseSite", "POHFCY", "Site"), // [S]
            Ref("receiptSite", "POHFCY", "Site", writable: false), // [S]
            Ref("orderFromSupplier", "BPSNUM", "Supplier"), // [S]
            Scalar("orderDate", "ORDDAT", "Date"), // [O] on sales orders; the purchase order reference page lists it
            Ref("currency", "CUR", "Currency"), // [O] currency on the sales order input
            Flag("isClosed", "CLEFLG"), // [S]
            Text("receiptStatus", "RCPFLG", writable: false), // [S]
            Text("signatureStatus", "APPFLG", writable: false), // [S]
            Scalar("expectedReceiptDate", "EXTRCPDAT", "Date"), // [I] listed on Sage's purchase order reference page
            Text("internalOrderReference", "YEXTREF"), // [S]
            Lines("purchaseOrderLines", "PurchaseOrderLine"), // [S]
            Stamps()), // [S] _createStamp, _updateStamp

        Node("PurchaseOrderLine", null,
            LineId(),
            Scalar("lineNumber", "POPLIN", "Int"), // [S]
            Scalar("sequenceNumber", "POQSEQ", "Int"), // [S] via the receipt line's purchaseOrderLine { sequenceNumber }
            Ref("product", "ITMREF", "Product"), // [S]
            Scalar("quantityInOrderUnitOrdered", "QTYUOM", "Decimal"), // [S]
            Scalar("quantityInStockUnitReceived", "QTYSTURCP", "Decimal", writable: false), // [S]
            Ref("orderUnit", "UOM", "UnitOfMeasure"), // [S]
            Scalar("grossPrice", "GROPRI", "Decimal"), // [O] on sales order lines; [I] on purchase order lines
            Ref("account", "ACC", "Account"), // [I]
            Ref("costCentre", "CCE", "Dimension"), // [I]
            Scalar("expectedReceiptDate", "EXTRCPDAT", "Date")), // [I]

        Node("PurchaseReceipt", "PRECEIPT",
            Id("PTHNUM"),
            Text("id", "PTHNUM"), // [S]
            Ref("receiptSite", "PRHFCY", "Site"), // [S] header, and on each line
            Scalar("receiptDate", "RCPDAT", "Date"), // [S]
            Ref("supplier", "BPSNUM", "Supplier"), // [S]
            Text("carrier", "BPTNUM"), // [I]
            Text("trackingNumber", "TRKNUM"), // [I]
            Text("externalReference", "YEXTREF"), // [I] a customer field
            Lines("lines", "PurchaseReceiptLine"), // [S]
            Stamps()),

        Node("PurchaseReceiptLine", null,
            LineId(), // [S] _id
            Scalar("lineNumber", "PTDLIN", "Int"), // [S]
            Ref("receiptSite", "PRHFCY", "Site"), // [S]
            Ref("purchaseOrder", "POHNUM", "PurchaseOrder"), // [S] read purchaseOrder { id }, written as the order number
            Ref("purchaseOrderLine", "POPLIN", "PurchaseOrderLine", writable: false), // [S] 2024 R1: { lineNumber sequenceNumber }
            InputOnly("purchaseOrderLineNumber", "POPLIN", "Int"), // [S][P] the input names the order line by number
            Ref("product", "ITMREF", "Product"), // [S][P]
            Ref("receiptUnit", "UOM", "UnitOfMeasure"), // [S][P]
            Scalar("quantityInReceiptUnitReceived", "QTYUOM", "Decimal"), // [S][P]
            InputOnly("_forMutationOnlyDoClosePurchaseOrderLine", "$closeOrderLine", "Int"), // [P]
            InputList("stockDetails", "$stockDetails", "PurchaseReceiptLineStockDetail")), // [S][P]

        Node("PurchaseReceiptLineStockDetail", null, // [P] the stock detail input of a receipt line
            InputOnly("status", "STA", "String"),
            InputOnly("packingUnit", "PCU", "IntOrString"),
            InputOnly("quantityInPackingUnit", "QTYPCU", "Decimal"),
            InputOnly("location", "LOC", "String"),
            InputOnly("lot", "LOT", "String"),
            InputOnly("sublot", "SLO", "String"),
            InputOnly("supplierLot", "BPSLOT", "String"),
            InputOnly("licensePlateNumber", "LPNNUM", "String"),
            InputOnly("majorVersion", "ECCVALMAJ", "String"),
            InputOnly("minorVersion", "ECCVALMIN", "String")),

        Node("PurchaseInvoice", "PINVOICE", // [I] the whole node: no public purchase invoice document
            Id("NUM"),
            Text("id", "NUM"),
            Ref("billBySupplier", "BPR", "Supplier"),
            Text("supplierDocumentNumber", "BPRVCR"),
            Scalar("accountingDate", "ACCDAT", "Date"),
            Ref("currency", "CUR", "Currency"),
            Ref("purchaseOrder", "POHNUM", "PurchaseOrder"),
            Scalar("totalAmountExcludingTax", "AMTNOT", "Decimal"),
            Scalar("totalAmountIncludingTax", "AMTATI", "Decimal"),
            Scalar("shippingAmount", "INVSHI", "Decimal"),
            Scalar("discountAmount", "INVDCT", "Decimal"),
            Text("externalReference", "YEXTREF"),
            Lines("purchaseInvoiceLines", "PurchaseInvoiceLine"),
            Stamps()),

        Node("PurchaseInvoiceLine", null, // [I]
            LineId(),
            Scalar("lineNumber", "LIN", "Int"),
            Ref("product", "ITMREF", "Product"),
            Text("description", "ITMDES"),
            Scalar("quantityInPurchaseUnit", "QTYUOM", "Decimal"),
            Scalar("netPrice", "NETPRI", "Decimal"),
            Scalar("taxAmount", "AMTTAX", "Decimal"),
            Scalar("taxRate", "TAXRAT", "Decimal"),
            Ref("account", "ACC", "Account"),
            Scalar("purchaseOrderLine", "POPLIN", "Int")),

        Node("SalesOrder", "SORDER",
            Id("SOHNUM"),
            Text("id", "SOHNUM"), // [O]
            Ref("salesSite", "SALFCY", "Site"), // [O]
            Ref("soldToCustomer", "BPCORD", "Customer"), // [O]
            Text("customerOrderReference", "CUSORDREF"), // [I]
            Scalar("orderDate", "ORDDAT", "Date"), // [O]
            Scalar("requestedDeliveryDate", "DEMDLVDAT", "Date"), // [I]
            Ref("currency", "CUR", "Currency"), // [O]
            Flag("isClosed", "CLEFLG"), // [I]
            Text("externalReference", "YEXTREF"), // [I] a customer field
            Ref("billToCustomer", "BPCINV", "Customer"), // [I] SORDER.BPCINV; the sales invoice node names it so too
            Text("shipToCustomerAddress", "BPAADD"), // [I] SORDER.BPAADD, the customer's delivery address code
            Text("shipToName", "BPDNAM"), // [I] SORDER.BPDNAM
            Dimensioned("shipToAddressLines", "BPDADDLIG", "String"), // [I] SORDER.BPDADDLIG_0..2
            Text("shipToCity", "BPDCTY"), // [I]
            Text("shipToState", "BPDSAT"), // [I]
            Text("shipToPostalCode", "BPDPOSCOD"), // [I]
            Ref("shipToCountry", "BPDCRY", "Country"), // [I]
            Text("billToName", "BPINAM"), // [I] SORDER.BPINAM
            Dimensioned("billToAddressLines", "BPIADDLIG", "String"), // [I] SORDER.BPIADDLIG_0..2
            Text("billToCity", "BPICTY"), // [I]
            Text("billToState", "BPISAT"), // [I]
            Text("billToPostalCode", "BPIPOSCOD"), // [I]
            Ref("billToCountry", "BPICRY", "Country"), // [I]
            Scalar("shipmentDate", "SHIDAT", "Date"), // [I] SORDER.SHIDAT; the delivery node's name for it
            Ref("carrier", "BPTNUM", "BusinessPartner"), // [I] as on the delivery node
            Text("paymentTerm", "PTE"), // [I] SORDER.PTE
            Text("headerText", "SOHTEX1"), // [I] SORDER.SOHTEX1
            Dimensioned("invoicingElements", "INVDTA", "String"), // [I] SORDER.INVDTA_0..n (invoicing element codes)
            Dimensioned("invoicingElementAmounts", "INVDTAAMT", "Decimal"), // [I] SORDER.INVDTAAMT_0..n
            Lines("lines", "SalesOrderLine"), // [O]
            Stamps()),

        Node("SalesOrderLine", null,
            LineId(),
            Scalar("lineNumber", "SOPLIN", "Int"), // [O]
            Ref("product", "ITMREF", "Product"), // [O]
            Text("description", "ITMDES"), // [I]
            Scalar("quantityInSalesUnitOrdered", "QTY", "Decimal"), // [O]
            Ref("salesUnit", "SAU", "UnitOfMeasure"), // [O]
            Scalar("grossPrice", "GROPRI", "Decimal"), // [O]
            Scalar("requestedDeliveryDate", "DEMDLVDAT", "Date"), // [I] SORDERQ.DEMDLVDAT, as on the header
            Scalar("shipmentDate", "SHIDAT", "Date"), // [I] SORDERQ.SHIDAT
            Text("shipToCustomerAddress", "BPAADD")), // [I] SORDERQ.BPAADD: the line's store / mark-for address code

        Node("SalesDelivery", "SDELIVERY", // [I] the whole node
            Id("SDHNUM"),
            Text("id", "SDHNUM"),
            Ref("salesOrder", "SOHNUM", "SalesOrder"),
            Ref("soldToCustomer", "BPCORD", "Customer"),
            Scalar("shipmentDate", "SHIDAT", "Date"),
            Ref("carrier", "BPTNUM", "BusinessPartner"),
            Text("carrierName", "BPTNAM"),
            Text("trackingNumber", "TRKNUM"),
            Flag("isConfirmed", "CFMFLG"),
            Text("customerOrderReference", "YEXTREF"),
            Text("shipToCustomerAddress", "BPAADD"), // SDELIVERY.BPAADD, as on the sales order
            Lines("lines", "SalesDeliveryLine"),
            Stamps()),

        Node("SalesDeliveryLine", null, // [I]
            LineId(),
            Scalar("lineNumber", "SDDLIN", "Int"),
            Ref("product", "ITMREF", "Product"),
            Scalar("quantityInSalesUnitDelivered", "QTY", "Decimal"),
            Ref("salesUnit", "SAU", "UnitOfMeasure"),
            Scalar("salesOrderLine", "SOPLIN", "Int")), // SDELIVERYD.SOPLIN: the order line shipped

        Node("SalesInvoice", "SINVOICE", // [I] the whole node
            Id("NUM"),
            Text("id", "NUM"),
            Ref("billToCustomer", "BPCINV", "Customer"),
            Text("billToCustomerName", "BPCNAM"),
            Scalar("invoiceDate", "INVDAT", "Date"),
            Ref("currency", "CUR", "Currency"),
            Ref("salesOrder", "SOHNUM", "SalesOrder"),
            Text("customerOrderReference", "CUSORDREF"),
            Scalar("status", "STA", "Int"),
            Scalar("totalAmountExcludingTax", "AMTNOT", "Decimal"),
            Lines("lines", "SalesInvoiceLine"),
            Stamps()),

        Node("SalesInvoiceLine", null, // [I]
            LineId(),
            Scalar("lineNumber", "SIDLIN", "Int"),
            Ref("product", "ITMREF", "Product"),
            Text("description", "ITMDES"),
            Scalar("quantityInSalesUnit", "QTY", "Decimal"),
            Ref("salesUnit", "SAU", "UnitOfMeasure"),
            Scalar("netPrice", "NETPRI", "Decimal"),
            Scalar("taxAmount", "AMTTAX", "Decimal")),
    ];

    /// <summary>What each package root publishes. Package roots are <c>x3{Package}</c> (2024 R1 on) or <c>xtremX3{Package}</c>.</summary>
    public static readonly IReadOnlyList<X3PublishedNode> Published =
    [
        new("Structure", "site", "Site"), // the xtremX3Structure / x3Structure
        new("MasterData", "supplier", "Supplier"),
        new("MasterData", "customer", "Customer"),
        new("MasterData", "product", "Product"),
        new("FinanceData", "account", "Account"), // [I]
        new("FinanceData", "dimension", "Dimension"), // [I]
        new("Purchasing", "purchaseOrder", "PurchaseOrder"), // [S]
        new("Purchasing", "purchaseReceipt", "PurchaseReceipt"), // [S]
        new("Purchasing", "purchaseInvoice", "PurchaseInvoice"), // [I]
        new("Sales", "salesOrder", "SalesOrder"), // [O]
        new("Sales", "salesDelivery", "SalesDelivery"), // [I]
        new("Sales", "salesInvoice", "SalesInvoice"), // [I]
    ];

    public static X3NodeType Type(string name) => Types.First(t => t.TypeName == name);
}
