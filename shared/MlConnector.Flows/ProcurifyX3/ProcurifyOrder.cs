using MlConnector.Core.Documents;

namespace MlConnector.Flows.ProcurifyX3;

/// <summary>A Procurify purchase order or approved requisition, read from its payload, before X3 codes are known.</summary>
/// <param name="Label">How people name it in messages, e.g. "PO 1001" or "Requisition 501".</param>
internal sealed record ProcurifyOrder(
    string SourceId,
    string Number,
    string Label,
    ProcurifyVendorRef? Vendor,
    string? Currency,
    DateOnly? OrderDate,
    DateOnly? ExpectedDate,
    PurchaseOrderStatus Status,
    string? BuyerReference,
    IReadOnlyList<ProcurifyOrderLine> Lines);

internal sealed record ProcurifyVendorRef(string Id, string Name, string? ExternalId);

internal sealed record ProcurifyDepartmentRef(string Id, string Name, string? ExternalId);

internal sealed record ProcurifyOrderLine(
    int LineNumber,
    string Name,
    string? Sku,
    string? Unit,
    decimal? Quantity,
    decimal? Price,
    decimal TaxAmount,
    string? Currency,
    string? AccountCode,
    ProcurifyDepartmentRef? Department,
    ProcurifyVendorRef? Vendor,
    DateOnly? ExpectedDate);
