namespace MlConnector.Simulators.Procurify.Model;

/// <summary>A line (Procurify "order item"), shared by a requisition and the purchase order it became.</summary>
public sealed record SimOrderItem(int Id, int LineNumber, string Name, string? Sku, string Unit, decimal Quantity, decimal Price, int AccountCodeId, int DepartmentId)
{
    public decimal TaxAmount { get; init; }
    public decimal ShippingAmount { get; init; }
    public int Status { get; init; } = ProcurifyCodes.OrderItemStatus.ReceivePending;

    /// <summary>Set by the store from the owning order when absent.</summary>
    public DateTimeOffset? LastModified { get; init; }

    public decimal TotalCost => Quantity * Price + TaxAmount + ShippingAmount;
}

/// <param name="ProcurifyPO">The Procurify PO number (<c>procurify_PO</c>), the id used in URLs.</param>
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
