namespace MlConnector.Core.Documents;

/// <summary>
/// A customer's order to us: a retail trading partner's purchase order (X12 850, RSX Order) as the sales order the
/// ERP fulfils, kept whole: where it ships (ship-to, mark-for stores, a drop-ship consumer), who pays, when it is wanted,
/// how it travels, on what terms, with which allowances and charges, and the buyer's own identifiers on every line, so
/// that what the ERP cannot hold can still be echoed on the acknowledgment, ship notice and invoice.
/// </summary>
public sealed record SalesOrder
{
    /// <summary>The source's identity of this order (e.g. trading partner and PO number), stable across versions.</summary>
    public required string SourceId { get; init; }

    /// <summary>The buyer's purchase order number.</summary>
    public required string CustomerOrderNumber { get; init; }

    public required PartyReference Customer { get; init; }
    public required DateOnly OrderDate { get; init; }
    public required string Currency { get; init; }
    public string? Site { get; init; }

    /// <summary>When the buyer wants the goods delivered (RSX date qualifier 002).</summary>
    public DateOnly? RequestedDeliveryDate { get; init; }

    /// <summary>When the buyer wants the goods shipped (RSX 010; else the earliest ship date 037).</summary>
    public DateOnly? RequestedShipDate { get; init; }

    /// <summary>Ship no later than / cancel if not shipped by (RSX 038 / 001).</summary>
    public DateOnly? CancelAfterDate { get; init; }

    public PurchaseOrderStatus Status { get; init; } = PurchaseOrderStatus.Open;

    /// <summary>The source system's reference the ERP record carries (e.g. the SPS trading partner and PO key); null when none.</summary>
    public string? ExternalReference { get; init; }

    /// <summary>The buyer's order type (RSX PrimaryPOTypeCode: SA stand-alone, DS drop ship, RL release...).</summary>
    public string? OrderType { get; init; }

    /// <summary>The end consumer's order number on a drop-ship order (RSX OrderHeader.CustomerOrderNumber).</summary>
    public string? ConsumerOrderNumber { get; init; }

    public string? Department { get; init; }
    public string? DepartmentDescription { get; init; }

    /// <summary>Our vendor number at the buyer (RSX OrderHeader.Vendor).</summary>
    public string? VendorNumber { get; init; }

    public string? Division { get; init; }
    public string? ReleaseNumber { get; init; }

    /// <summary>True when the order ships straight to the buyer's consumer (drop ship).</summary>
    public bool IsDropShip { get; init; }

    /// <summary>Ship-to, bill-to, mark-for, buying party, remit-to: every party the order names, in its order.</summary>
    public IReadOnlyList<OrderAddress> Addresses { get; init; } = [];

    public IReadOnlyList<OrderDate> Dates { get; init; } = [];
    public IReadOnlyList<PaymentTerm> PaymentTerms { get; init; } = [];
    public IReadOnlyList<CarrierRouting> Carriers { get; init; } = [];
    public IReadOnlyList<FobInstruction> Fob { get; init; } = [];
    public IReadOnlyList<ChargeAllowance> ChargesAllowances { get; init; } = [];
    public IReadOnlyList<OrderNote> Notes { get; init; } = [];
    public IReadOnlyList<OrderReference> References { get; init; } = [];
    public IReadOnlyList<OrderContact> Contacts { get; init; } = [];

    /// <summary>The ERP's code for the ship-to address (an X3 delivery address code, BPAADD), when the buyer's location maps to one.</summary>
    public string? ShipToCode { get; init; }

    /// <summary>The ERP's payment terms code (X3 PTE) the buyer's terms map to; null leaves the customer's default.</summary>
    public string? PaymentTermsCode { get; init; }

    /// <summary>The total the buyer's document states (RSX Summary.TotalAmount), checked against the lines; null when none was sent.</summary>
    public decimal? StatedTotal { get; init; }

    public required IReadOnlyList<SalesOrderLine> Lines { get; init; }

    public decimal TotalExcludingTax => Lines.Sum(line => line.Quantity * line.UnitPrice);

    /// <summary>Lines plus header and line charges, less allowances.</summary>
    public decimal NetTotal => TotalExcludingTax + ChargesAllowances.Sum(c => c.SignedAmount) + Lines.Sum(line => line.ChargesAllowances.Sum(c => c.SignedAmount));

    public OrderAddress? ShipTo => Addresses.FirstOrDefault(a => a.Role == AddressRole.ShipTo);

    public OrderAddress? BillTo => Addresses.FirstOrDefault(a => a.Role == AddressRole.BillTo);
}

public sealed record SalesOrderLine
{
    public required int LineNumber { get; init; }
    public required string ItemCode { get; init; }
    public string? Description { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public required decimal UnitPrice { get; init; }

    /// <summary>The buyer's line number as sent (RSX LineSequenceNumber), echoed on every answer.</summary>
    public string? BuyerLineNumber { get; init; }

    public string? BuyerPartNumber { get; init; }
    public string? VendorPartNumber { get; init; }

    /// <summary>UPC (RSX ConsumerPackageCode).</summary>
    public string? ConsumerPackageCode { get; init; }

    public string? Gtin { get; init; }
    public string? UpcCaseCode { get; init; }
    public string? Ean { get; init; }

    /// <summary>The buyer's unit of measure (RSX OrderQtyUOM) before mapping to the ERP's unit.</summary>
    public string? BuyerUnit { get; init; }

    /// <summary>The buyer's retail price when sent (RSX PriceInformation RTL).</summary>
    public decimal? RetailPrice { get; init; }

    public DateOnly? RequestedShipDate { get; init; }
    public DateOnly? RequestedDeliveryDate { get; init; }

    /// <summary>Where this line's quantity goes: one destination for a store split line (mark-for store or ship-to store), else null.</summary>
    public string? DestinationLocation { get; init; }

    /// <summary>Units per outer pack (RSX PhysicalDetails PackValue), when the buyer says.</summary>
    public decimal? PackSize { get; init; }

    public IReadOnlyList<ChargeAllowance> ChargesAllowances { get; init; } = [];
    public IReadOnlyList<OrderNote> Notes { get; init; } = [];
    public IReadOnlyList<OrderReference> References { get; init; } = [];
}

/// <summary>What an address is for. <see cref="Other"/> keeps a code the ERP has no use for, to echo it.</summary>
public enum AddressRole
{
    ShipTo,
    BillTo,
    MarkFor,
    BuyingParty,
    RemitTo,
    ShipFrom,
    Other,
}

/// <param name="Code">The source's own code for the role (RSX AddressTypeCode: ST, BT, Z7, BY, RI, SF...).</param>
/// <param name="LocationQualifier">How <paramref name="LocationNumber"/> is coded (RSX LocationCodeQualifier, e.g. 92 = buyer's own).</param>
public sealed record OrderAddress(
    AddressRole Role,
    string Code,
    string? LocationQualifier,
    string? LocationNumber,
    string? Name,
    string? AlternateName,
    IReadOnlyList<string> Lines,
    string? City,
    string? State,
    string? PostalCode,
    string? Country);

/// <param name="Qualifier">What the date means (RSX DateTimeQualifier: 002 requested delivery, 010 requested ship, 001 cancel...).</param>
public sealed record OrderDate(string Qualifier, DateOnly Date);

public sealed record PaymentTerm(
    string? TermsType,
    string? BasisDateCode,
    decimal? DiscountPercent,
    int? DiscountDueDays,
    int? NetDueDays,
    string? Description);

/// <param name="TransportMethod">RSX CarrierTransMethodCode (M motor, A air...).</param>
/// <param name="CarrierCode">The carrier's SCAC (RSX CarrierAlphaCode).</param>
public sealed record CarrierRouting(string? TransportMethod, string? CarrierCode, string? Routing, string? ServiceLevel);

public sealed record FobInstruction(string? PayCode, string? LocationQualifier, string? LocationDescription);

/// <param name="IsCharge">True for a charge (adds to the total), false for an allowance (deducted).</param>
/// <param name="Code">What it is for (RSX AllowChrgCode, e.g. C310 discount, D240 freight).</param>
public sealed record ChargeAllowance(bool IsCharge, string? Code, decimal Amount, decimal? Percent, string? PercentQualifier, string? HandlingCode, string? Description)
{
    /// <summary>The ERP's own code for it (an X3 invoicing element), when mapped; unmapped ones stay on the record and are echoed.</summary>
    public string? ErpCode { get; init; }

    public decimal SignedAmount => IsCharge ? Amount : -Amount;
}

public sealed record OrderNote(string? Code, string Text);

public sealed record OrderReference(string Qualifier, string Id, string? Description);

public sealed record OrderContact(string? TypeCode, string? Name, string? Phone, string? Fax, string? Email);
