using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MlConnector.Connectors.Jaggaer;

/// <summary>
/// Reads one JAGGAER instance through the J1P public API. Lists page by a 1-based record index (<c>start</c>): the
/// server decides the page size, and the next page starts at <c>startAt + returnedRecords</c>. A 200 whose envelope
/// carries <c>returnCode != 0</c> is a failure with JAGGAER's <c>returnMessage</c>. Rows are returned as JAGGAER sent
/// them, so flow records keep the source's own shape.
/// </summary>
public sealed class JaggaerClient
{
    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<JaggaerOptions> _options;

    public JaggaerClient(IHttpClientFactory httpClients, IOptions<JaggaerOptions> options)
    {
        _httpClients = httpClients;
        _options = options;
    }

    /// <summary>Supplier company profiles under <c>returnCompanyData</c>, filtered by <paramref name="filter"/>, with the configured components (<c>comp</c>).</summary>
    public IAsyncEnumerable<JaggaerPage> ListSuppliersAsync(JaggaerFilter filter, CancellationToken cancellationToken) =>
        ListAsync(_options.Value.SupplierPath, JaggaerSupplierFields.ListKey, filter, cancellationToken, _options.Value.SupplierComponents);

    /// <summary>Purchase orders under the (inferred) <see cref="JaggaerPurchaseOrderFields.ListKey"/>.</summary>
    public IAsyncEnumerable<JaggaerPage> ListPurchaseOrdersAsync(JaggaerFilter filter, CancellationToken cancellationToken) =>
        ListAsync(_options.Value.PurchaseOrderPath, JaggaerPurchaseOrderFields.ListKey, filter, cancellationToken);

    /// <summary>
    /// Pages through <paramref name="path"/> from <c>start=1</c> until <c>totRecords</c> is reached or a page is empty.
    /// An envelope without <c>startAt</c> (company profiles have none) is taken to start where it was asked to.
    /// </summary>
    /// <param name="listKey">Dotted path of the rows in the envelope, e.g. <c>returnCompanyData</c>.</param>
    /// <param name="components">The <c>comp</c> parameter (components joined by <c>;</c>), when the resource takes one.</param>
    public async IAsyncEnumerable<JaggaerPage> ListAsync(string path, string listKey, JaggaerFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken, string? components = null)
    {
        for (var start = 1; ;)
        {
            var query = "?start=" + start.ToString(CultureInfo.InvariantCulture)
                + (string.IsNullOrWhiteSpace(components) ? string.Empty : "&comp=" + Uri.EscapeDataString(components.Trim()))
                + (filter.IsEmpty ? string.Empty : "&flt=" + Uri.EscapeDataString(filter.ToString()));
            using var document = await SendAsync(path + query, cancellationToken);
            var page = ReadPage(document.RootElement, listKey, path, start);
            yield return page;
            if (page.Envelope.IsLastPage || page.Envelope.NextStart <= start)
            {
                yield break;
            }

            start = page.Envelope.NextStart;
        }
    }

    private async Task<JsonDocument> SendAsync(string relativePath, CancellationToken cancellationToken)
    {
        var uri = new Uri(_options.Value.ResolveBaseAddress(), relativePath);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await _httpClients.CreateClient(JaggaerNames.ApiHttpClient).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, uri, cancellationToken);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new JaggaerApiException($"JAGGAER answered GET {uri.AbsolutePath} with something other than JSON.", response.StatusCode, null, null, exception);
        }

        var returnCode = document.RootElement.Int("returnCode");
        if (returnCode is not 0)
        {
            var message = document.RootElement.Text("returnMessage");
            document.Dispose();
            throw new JaggaerApiException(
                $"JAGGAER refused GET {uri.AbsolutePath}: returnCode {returnCode?.ToString(CultureInfo.InvariantCulture) ?? "missing"}, {message ?? "no returnMessage"}",
                response.StatusCode,
                message,
                returnCode ?? -1);
        }

        return document;
    }

    private static async Task<JaggaerApiException> FailureAsync(HttpResponseMessage response, Uri uri, CancellationToken cancellationToken)
    {
        var detail = await JaggaerErrors.ReadDetailAsync(response, cancellationToken);
        var message = $"JAGGAER answered GET {uri.AbsolutePath} with {(int)response.StatusCode}: {detail ?? response.ReasonPhrase ?? "no detail"}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new JaggaerAuthenticationException(message + " (a fresh token was refused too: check the integration client).", response.StatusCode, detail),
            HttpStatusCode.Forbidden => new JaggaerApiException(message + " (the integration client lacks the permission).", response.StatusCode, detail),
            HttpStatusCode.NotFound => new JaggaerApiException(message + $" (no such resource on this instance: check {JaggaerOptions.SectionName}__BaseUrl and the resource path).", response.StatusCode, detail),
            _ => new JaggaerApiException(message, response.StatusCode, detail),
        };
    }

    private static JaggaerPage ReadPage(JsonElement root, string listKey, string path, int askedStart)
    {
        var rows = root.Items(listKey).Select(row => row.Clone()).ToList();
        if (root.At(listKey) is null && root.Int("returnedRecords") is > 0)
        {
            throw new JaggaerApiException($"JAGGAER's answer to {path} has no '{listKey}' list although it returned records.", HttpStatusCode.OK, null);
        }

        var returned = root.Int("returnedRecords") ?? rows.Count;
        var envelope = new JaggaerEnvelope(
            0,
            root.Text("returnMessage"),
            root.Int("totRecords") ?? returned,
            returned,
            root.Int("startAt") ?? askedStart);
        return new JaggaerPage(rows, envelope);
    }
}
