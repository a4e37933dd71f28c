using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using static MlConnector.Connectors.Procurify.ProcurifyFields;

namespace MlConnector.Connectors.Procurify;

/// <summary>
/// Reads one Procurify tenant. Rows are returned as the JSON Procurify sent, so that the flow records keep the
/// source's own shape. Every path ends in a slash: Procurify (Django) redirects the bare path, and a redirect
/// drops the Authorization header.
/// </summary>
public sealed class ProcurifyClient
{
    /// <summary>Requisition status APPROVED (0 PENDING, 1 APPROVED, 2 REJECTED, 3 PURCHASED, ...).</summary>
    public const int RequisitionApproved = 1;

    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<ProcurifyOptions> _options;

    public ProcurifyClient(IHttpClientFactory httpClients, IOptions<ProcurifyOptions> options)
    {
        _httpClients = httpClients;
        _options = options;
    }

    /// <summary><c>GET /api/v2/purchase_orders/{role}/{status}/</c>, summaries without lines.</summary>
    public IAsyncEnumerable<ProcurifyPage> ListPurchaseOrdersAsync(string role, string status, ProcurifyQuery query, CancellationToken cancellationToken) =>
        ListAsync($"api/v2/purchase_orders/{Uri.EscapeDataString(role)}/{Uri.EscapeDataString(status)}/", query, cancellationToken);

    /// <summary><c>GET /api/v2/purchase_orders/{id}/</c>: the purchase order with <c>order_items</c>.</summary>
    public Task<JsonElement> GetPurchaseOrderAsync(string purchaseOrderId, CancellationToken cancellationToken) =>
        GetAsync($"api/v2/purchase_orders/{Uri.EscapeDataString(purchaseOrderId)}/", cancellationToken);

    /// <summary><c>GET /api/v3/order-items/</c>, filterable by <c>last_modified_0/_1</c>, <c>orderNum</c> (the requisition), <c>is_purchased</c>, ...</summary>
    public IAsyncEnumerable<ProcurifyPage> ListOrderItemsAsync(ProcurifyQuery query, CancellationToken cancellationToken) =>
        ListAsync("api/v3/order-items/", query, cancellationToken);

    /// <summary><c>GET /api/v2/global/orders/</c> (requisitions), filterable by <c>status</c> and <c>modified_date_0/_1</c>.</summary>
    public IAsyncEnumerable<ProcurifyPage> ListRequisitionsAsync(ProcurifyQuery query, CancellationToken cancellationToken) =>
        ListAsync("api/v2/global/orders/", query, cancellationToken);

    /// <summary><c>GET /api/v3/vendors/</c>; Procurify offers no modified filter on vendors.</summary>
    public IAsyncEnumerable<ProcurifyPage> ListVendorsAsync(ProcurifyQuery query, CancellationToken cancellationToken) =>
        ListAsync("api/v3/vendors/", query, cancellationToken);

    public Task<JsonElement> GetVendorAsync(string vendorId, CancellationToken cancellationToken) =>
        GetAsync($"api/v3/vendors/{Uri.EscapeDataString(vendorId)}/", cancellationToken);

    /// <summary><c>GET /api/v3/accounts/</c>: account codes per department, filterable by <c>id</c>, <c>account_code</c>, <c>department</c>.</summary>
    public IAsyncEnumerable<ProcurifyPage> ListAccountsAsync(ProcurifyQuery query, CancellationToken cancellationToken) =>
        ListAsync("api/v3/accounts/", query, cancellationToken);

    public IAsyncEnumerable<ProcurifyPage> ListAccountCodesAsync(ProcurifyQuery query, CancellationToken cancellationToken) =>
        ListAsync("api/v3/account-codes/", query, cancellationToken);

    public IAsyncEnumerable<ProcurifyPage> ListDepartmentsAsync(ProcurifyQuery query, CancellationToken cancellationToken) =>
        ListAsync("api/v3/departments/", query, cancellationToken);

    /// <summary>Pages through a list by page number until <c>next</c> is null.</summary>
    public async IAsyncEnumerable<ProcurifyPage> ListAsync(string path, ProcurifyQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = _options.Value.PageSize;
        for (var page = 1; ; page++)
        {
            using var document = await SendAsync(path + query.ToQueryString(page, pageSize), cancellationToken);
            var result = ReadPage(document.RootElement, path);
            yield return result;
            if (result.Pagination.Next is null || result.Data.Count == 0)
            {
                yield break;
            }
        }
    }

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var document = await SendAsync(path, cancellationToken);
        var root = document.RootElement;

        // Single objects come wrapped as {"metadata": {...}, "data": {...}}.
        return (root.Property(ProcurifyFields.Envelope.Data) is { ValueKind: JsonValueKind.Object } data ? data : root).Clone();
    }

    private async Task<JsonDocument> SendAsync(string relativePath, CancellationToken cancellationToken)
    {
        var uri = new Uri(_options.Value.ResolveBaseAddress(), relativePath);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await _httpClients.CreateClient(ProcurifyNames.ApiHttpClient).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, uri, cancellationToken);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new ProcurifyApiException($"Procurify answered GET {uri.AbsolutePath} with something other than JSON.", response.StatusCode, null, exception);
        }
    }

    private static async Task<ProcurifyApiException> FailureAsync(HttpResponseMessage response, Uri uri, CancellationToken cancellationToken)
    {
        var detail = await ProcurifyErrors.ReadDetailAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        var message = $"Procurify answered GET {uri.AbsolutePath} with {status}: {detail ?? response.ReasonPhrase ?? "no detail"}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new ProcurifyAuthenticationException(message + " (the token was refused twice: check the API client).", response.StatusCode, detail),
            HttpStatusCode.Forbidden => new ProcurifyApiException(message + " (the API client lacks the permission).", response.StatusCode, detail),
            _ => new ProcurifyApiException(message, response.StatusCode, detail),
        };
    }

    private static ProcurifyPage ReadPage(JsonElement root, string path)
    {
        if (root.Property(Envelope.Data) is not { ValueKind: JsonValueKind.Array } data)
        {
            throw new ProcurifyApiException($"Procurify's answer to {path} has no '{Envelope.Data}' list.", null, null);
        }

        var metadata = root.Property(Envelope.Metadata);
        var pagination = metadata?.Property(ListMetadata.Pagination);
        var rows = data.EnumerateArray().Select(row => row.Clone()).ToList();
        var envelope = pagination is { } p
            ? new ProcurifyPagination(
                p.Int(Pagination.Count) ?? rows.Count,
                p.Text(Pagination.Next),
                p.Text(Pagination.Previous),
                p.Int(Pagination.PageSize) ?? rows.Count,
                p.Int(Pagination.NumPages) ?? 1,
                p.Int(Pagination.CurrentPage) ?? 1)
            : new ProcurifyPagination(rows.Count, null, null, rows.Count, 1, 1);
        return new ProcurifyPage(rows, envelope, metadata?.Property(ListMetadata.Counts)?.Clone());
    }
}
