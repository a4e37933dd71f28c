using System.Text.Json;

namespace MlConnector.Connectors.Procurify;

/// <summary>One page of a Procurify list: the <c>data</c> rows and the <c>metadata.pagination</c> envelope.</summary>
/// <param name="Counts">The purchase-order list's <c>metadata.counts</c>: per role (<c>purchased</c>, <c>receivable</c>), the orders per status group.</param>
public sealed record ProcurifyPage(IReadOnlyList<JsonElement> Data, ProcurifyPagination Pagination, JsonElement? Counts);

/// <summary><c>metadata.pagination</c>: <c>page</c> is 1-based, <c>next</c>/<c>previous</c> are null at the ends.</summary>
public sealed record ProcurifyPagination(int Count, string? Next, string? Previous, int PageSize, int NumPages, int CurrentPage);
