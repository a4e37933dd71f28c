namespace MlConnector.Simulators.Procurify.Model;

/// <summary>A line (Procurify "order item"), shared by a requisition and the purchase order it became.</summary>
/// <param name="AccountCodeId">With <paramref name="DepartmentId"/>, names the Procurify account (account code x department) the line is charged to.</param>
public sealed record SimOrderItem(int Id, int LineNumber, string Name, string? Sku, string Unit, decimal Quantity, decimal Price, int AccountCodeId, int DepartmentId)
{
    public decimal TaxAmount { get; init; }
    public decimal ShippingAmount { get; init; }
    public int Status { get; init; } = ProcurifyCodes.OrderItemStatus.ReceivePending;

    /// <summary>Set by the store from the owning order when absent.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The id of the account (<c>/api/v3/accounts/</c>) the line names by its bare <c>account</c> id.</summary>
    public int AccountId => SimAccount.IdOf(AccountCodeId, DepartmentId);

    public decimal TotalCost => Quantity * Price + TaxAmount + ShippingAmount;
}

/// <param name="ProcurifyPO">The Procurify PO number (<c>procurify_PO</c>), the id used in URLs and in order items' <c>PO</c> lists.</param>
public sealed record SimPurchaseOrder(int ProcurifyPO, int VendorId, string Currency, DateTimeOffset Date, IReadOnlyList<SimOrderItem> Lines)
{
    public Guid Uuid { get; init; } = Guid.NewGuid();

    /// <summary>The customer's own PO number (<c>PO_Num</c>), optional.</summary>
    public string? PoNum { get; init; }
    public int Version { get; init; } = 1;
    public DateTimeOffset? LastModified { get; init; }
    public int State { get; init; } = ProcurifyCodes.PurchaseOrderState.Purchased;
    public string FulfilmentStatus { get; init; } = "empty";
    public DateOnly? PromiseDate { get; init; }
    public string? Comment { get; init; }
    public int? RequisitionNum { get; init; }
    public DateTimeOffset? ClosedDate { get; init; }

    /// <summary>PO-level freight (<c>freight</c>, a decimal string upstream).</summary>
    public decimal Freight { get; init; }

    /// <summary>PO-level other charges (<c>other</c>).</summary>
    public decimal Other { get; init; }

    /// <summary>PO-level tax (<c>tax</c>, <c>{value, type}</c>); null when the order carries none.</summary>
    public SimPriceModifier? Tax { get; init; }

    /// <summary>PO-level discount (<c>discount</c>, <c>{value, type}</c>); null when the order carries none.</summary>
    public SimPriceModifier? Discount { get; init; }

    public decimal Subtotal => Lines.Sum(line => line.Quantity * line.Price);

    public decimal DiscountAmount => Discount?.AmountOn(Subtotal) ?? 0m;

    /// <summary>A percentage tax applies to the subtotal after the discount.</summary>
    public decimal TaxAmount => Tax?.AmountOn(Subtotal - DiscountAmount) ?? 0m;

    public decimal Total => Subtotal - DiscountAmount + TaxAmount + Freight + Other;
}

/// <summary>
/// Procurify's <c>PriceModifierDocs</c>: a <c>value</c> and whether it is an <c>amount</c> or a <c>percentage</c>
/// (konfig-sdks/procurify-python-sdk, procurify_python_sdk/pydantic/price_modifier_docs.py and price_modifier_docs_type_enum.py).
/// </summary>
public sealed record SimPriceModifier(decimal Value, string Type)
{
    public const string AmountType = "amount";
    public const string PercentageType = "percentage";

    public static SimPriceModifier Amount(decimal value) => new(value, AmountType);

    public static SimPriceModifier Percentage(decimal value) => new(value, PercentageType);

    /// <summary>The modifier in money on <paramref name="basis"/>, rounded to cents.</summary>
    public decimal AmountOn(decimal basis) => Type == PercentageType ? Math.Round(basis * Value / 100m, 2, MidpointRounding.AwayFromZero) : Value;
}

public sealed record SimRequisition(int Num, int DepartmentId, string Currency, DateTimeOffset Date, IReadOnlyList<SimRequisitionLine> Lines)
{
    public Guid Uuid { get; init; } = Guid.NewGuid();
    public string Description { get; init; } = string.Empty;
    public DateOnly? DateRequired { get; init; }
    public DateTimeOffset? DateModified { get; init; }
    public int Status { get; init; } = ProcurifyCodes.RequisitionStatus.Approved;
}

/// <summary>A requisition line names its preferred vendor; the purchaser confirms it when buying.</summary>
public sealed record SimRequisitionLine(SimOrderItem Item, int VendorId);
