using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;
using MlConnector.Connectors.SageX3.Auth;

namespace MlConnector.Connectors.SageX3.GraphQl;

/// <summary>Posts GraphQL operations to X3 (on premise or through the Cloud gateway) and returns <c>data</c>.</summary>
public sealed class SageX3GraphQlClient(IHttpClientFactory clients, IOptionsMonitor<SageX3Options> options)
{
    /// <param name="isQuery">True for reads, which may be retried; a mutation is sent once (it could apply twice).</param>
    public async Task<JsonObject> ExecuteAsync(string query, JsonObject variables, CancellationToken cancellationToken, bool isQuery = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SageX3Urls.GraphQl(options.CurrentValue))
        {
            Content = JsonContent.Create(new JsonObject { ["query"] = query, ["variables"] = variables }),
        };
        if (isQuery)
        {
            request.MarkIdempotent();
        }

        using var response = await clients.CreateClient(SageX3HttpClients.GraphQl).SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? body;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            body = null;
        }

        var errors = (body?["errors"] as JsonArray)?.Select(e => e?["message"]?.ToString()).OfType<string>().ToList() ?? [];
        if (body?["message"]?.ToString() is { Length: > 0 } message)
        {
            errors.Add(message);
        }

        if (response.IsSuccessStatusCode && errors.Count == 0 && body?["data"] is JsonObject data)
        {
            return data;
        }

        var status = response.IsSuccessStatusCode ? 400 : (int)response.StatusCode;
        var detail = errors.Count > 0 ? string.Join("; ", errors) : response.ReasonPhrase ?? "no detail";
        throw new SageX3ApiException(status, $"X3 GraphQL answered {status}: {detail}", errors);
    }
}
