using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.AdobeCommerce.Models;
using MlConnector.Connectors.Http;

namespace MlConnector.Connectors.AdobeCommerce;

/// <summary>
/// The Adobe Commerce REST calls the fulfilment flow needs. Paths are relative to <see cref="AdobeCommerceOptions.BaseUrl"/>
/// (which carries the store code). Errors become <see cref="AdobeCommerceApiException"/> with Commerce's own message.
/// </summary>
public sealed class AdobeCommerceClient
{
    public const string HttpClientName = "adobe-commerce";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<AdobeCommerceOptions> _options;

    public AdobeCommerceClient(IHttpClientFactory httpClientFactory, IOptions<AdobeCommerceOptions> options)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
    }

    /// <summary>The order with this increment id (the number on the storefront), or null.</summary>
    public async Task<CommerceOrder?> FindOrderByIncrementIdAsync(string incrementId, CancellationToken cancellationToken)
    {
        var orders = await SearchAsync<CommerceOrder>("V1/orders", new SearchCriteria().Where("increment_id", incrementId), cancellationToken);
        return orders.FirstOrDefault(order => string.Equals(order.IncrementId, incrementId, StringComparison.Ordinal));
    }

    public Task<IReadOnlyList<CommerceOrder>> SearchOrdersAsync(SearchCriteria criteria, CancellationToken cancellationToken) =>
        SearchAsync<CommerceOrder>("V1/orders", criteria, cancellationToken);

    /// <summary>Orders as Commerce wrote them (every field), for admitting them into a flow as a webhook would.</summary>
    public Task<IReadOnlyList<JsonElement>> SearchOrderDocumentsAsync(SearchCriteria criteria, CancellationToken cancellationToken) =>
        SearchAsync<JsonElement>("V1/orders", criteria, cancellationToken);

    /// <summary>One cheap read (a page of one order) that proves URL, store code and credential.</summary>
    public async Task<int> CountOrdersAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "V1/orders" + new SearchCriteria().ToQueryString(1, 1));
        var page = await SendAsync<SearchResult<CommerceOrder>>(request, cancellationToken);
        return page.TotalCount;
    }

    /// <summary>One cheap catalog read (a page of one product) that proves the integration may read products.</summary>
    public async Task<int> CountProductsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "V1/products" + new SearchCriteria().ToQueryString(1, 1));
        var page = await SendAsync<SearchResult<CommerceProduct>>(request, cancellationToken);
        return page.TotalCount;
    }

    public async Task<CommerceOrder> GetOrderAsync(long entityId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"V1/orders/{entityId.ToString(CultureInfo.InvariantCulture)}");
        return await SendAsync<CommerceOrder>(request, cancellationToken);
    }

    /// <summary>A catalog product by SKU (the SKU is one path segment, so it is escaped).</summary>
    public async Task<CommerceProduct> GetProductAsync(string sku, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "V1/products/" + Uri.EscapeDataString(sku));
        return await SendAsync<CommerceProduct>(request, cancellationToken);
    }

    public Task<IReadOnlyList<CommerceShipment>> ListShipmentsAsync(long orderEntityId, CancellationToken cancellationToken) =>
        SearchAsync<CommerceShipment>(
            "V1/shipments",
            new SearchCriteria().Where("order_id", orderEntityId.ToString(CultureInfo.InvariantCulture)),
            cancellationToken);

    /// <summary>
    /// Creates a shipment and returns its id. Not marked idempotent: a blind resend after a lost answer would ship
    /// twice, so callers check <see cref="ListShipmentsAsync"/> before calling again.
    /// </summary>
    public async Task<long> ShipOrderAsync(long orderEntityId, ShipOrderRequest shipment, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"V1/order/{orderEntityId.ToString(CultureInfo.InvariantCulture)}/ship")
        {
            Content = JsonContent.Create(shipment, options: AdobeCommerceJson.Options),
        };
        return await SendAsync<long>(request, cancellationToken);
    }

    public async Task AddOrderCommentAsync(long orderEntityId, OrderStatusComment comment, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"V1/orders/{orderEntityId.ToString(CultureInfo.InvariantCulture)}/comments")
        {
            Content = JsonContent.Create(new OrderStatusCommentRequest(comment), options: AdobeCommerceJson.Options),
        };
        await SendAsync<bool>(request, cancellationToken);
    }

    /// <summary>
    /// Reads every page. Commerce answers a page past the last with the last page again, so the loop stops on
    /// <c>total_count</c> (and on an empty or repeated page, in case the count moves during the read).
    /// </summary>
    public async Task<IReadOnlyList<T>> SearchAsync<T>(string resource, SearchCriteria criteria, CancellationToken cancellationToken)
    {
        var pageSize = _options.Value.PageSize;
        var all = new List<T>();
        for (var page = 1; ; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, resource + criteria.ToQueryString(pageSize, page));
            var result = await SendAsync<SearchResult<T>>(request, cancellationToken);
            if (result.Items.Count == 0)
            {
                return all;
            }

            all.AddRange(result.Items);
            if (all.Count >= result.TotalCount || page * pageSize >= result.TotalCount)
            {
                return all.Count > result.TotalCount ? all.Take(result.TotalCount).ToList() : all;
            }
        }
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new AdobeCommerceApiException($"{request.Method} {request.RequestUri}: no answer from Adobe Commerce ({exception.Message})", null, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AdobeCommerceApiException($"{request.Method} {request.RequestUri}: Adobe Commerce did not answer in time", null, exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var message = await ReadErrorMessageAsync(response, cancellationToken);
                throw new AdobeCommerceApiException(
                    $"{request.Method} {request.RequestUri}: Adobe Commerce answered {(int)response.StatusCode}: {message}",
                    response.StatusCode);
            }

            var value = await response.Content.ReadFromJsonAsync<T>(AdobeCommerceJson.Options, cancellationToken);
            return value ?? throw new AdobeCommerceApiException($"{request.Method} {request.RequestUri}: empty answer", response.StatusCode);
        }
    }

    /// <summary>Commerce errors are <c>{"message":"... %1 ...","parameters":[...] or {...}}</c>; the placeholders are filled in.</summary>
    private static async Task<string> ReadErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (!document.RootElement.TryGetProperty("message", out var messageElement) || messageElement.ValueKind != JsonValueKind.String)
            {
                return response.ReasonPhrase ?? "no message";
            }

            var message = messageElement.GetString() ?? string.Empty;
            if (document.RootElement.TryGetProperty("parameters", out var parameters))
            {
                message = FillPlaceholders(message, parameters);
            }

            return message;
        }
        catch (JsonException)
        {
            return response.StatusCode == HttpStatusCode.NotFound ? "not found (check BaseUrl and the store code)" : response.ReasonPhrase ?? "no message";
        }
    }

    private static string FillPlaceholders(string message, JsonElement parameters)
    {
        if (parameters.ValueKind == JsonValueKind.Array)
        {
            var index = 1;
            foreach (var value in parameters.EnumerateArray())
            {
                message = message.Replace($"%{index.ToString(CultureInfo.InvariantCulture)}", value.ToString(), StringComparison.Ordinal);
                index++;
            }
        }
        else if (parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in parameters.EnumerateObject())
            {
                message = message.Replace("%" + property.Name, property.Value.ToString(), StringComparison.Ordinal);
            }
        }

        return message;
    }
}
