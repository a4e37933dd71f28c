using MlConnector.Core.Documents;

namespace MlConnector.Flows.JaggaerX3;

/// <summary>A JAGGAER purchase order, read from its payload, before X3 codes are known.</summary>
/// <param name="Label">How people name it in messages, e.g. "PO JPO-90001".</param>
internal sealed record JaggaerOrder(
    string SourceId,
    string Number,
    string Label,
    JaggaerSupplierRef? Supplier,
    string? Currency,
    DateOnly? OrderDate,
    PurchaseOrderStatus Status,
    string? BusinessUnit,
    IReadOnlyList<JaggaerOrderLine> Lines);

/// <param name="Number">The supplier's ERP number (<c>supplierNumber</c>), if JAGGAER carries one.</param>
internal sealed record JaggaerSupplierRef(string Id, string Name, string? Number);

/// <param name="Accounts">Every distinct GL account segment value of the line's accounting (split lines may have several).</param>
/// <param name="CostCentres">Every distinct cost-centre segment value.</param>
internal sealed record JaggaerOrderLine(
    int LineNumber,
    string Description,
    string? CatalogNumber,
    string? Unit,
    decimal? Quantity,
    decimal? UnitPrice,
    IReadOnlyList<string> Accounts,
    IReadOnlyList<string> CostCentres);
