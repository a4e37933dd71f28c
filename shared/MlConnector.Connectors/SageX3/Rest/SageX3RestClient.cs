using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.Auth;

namespace MlConnector.Connectors.SageX3.Rest;

/// <summary>One page of an api1 <c>$query</c>: rows as X3 sent them (technical <c>$…</c> members included).</summary>
public sealed record X3RestPage(IReadOnlyList<JsonObject> Resources, Uri? Next);

/// <summary>
/// The api1 web services: <c>$query</c> with <c>where</c> and <c>$links.$next</c> paging, <c>$details</c>,
/// <c>$template</c>, <c>$create</c> and partial <c>$edit</c>. Errors become <see cref="SageX3ApiException"/> with
/// X3's diagnoses; transport failures (timeouts, dropped connections) propagate as they are.
/// </summary>
public sealed class SageX3RestClient(IHttpClientFactory clients, IOptionsMonitor<SageX3Options> options)
{
    private HttpClient Http => clients.CreateClient(SageX3HttpClients.Rest);

    public async IAsyncEnumerable<X3RestPage> QueryAsync(string className, string representation, string? where, int? count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = $"representation={Uri.EscapeDataString(representation)}.$query";
        if (count is { } size)
        {
            query += $"&count={size}";
        }

        if (!string.IsNullOrEmpty(where))
        {
            query += $"&where={Uri.EscapeDataString(where)}";
        }

        Uri? next = new(SageX3Urls.RestBase(options.CurrentValue), $"{className}?{query}");
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            var body = await SendAsync(request, $"query {className} ({representation})", cancellationToken) as JsonObject;
            var rows = (body?["$resources"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            next = body?["$links"]?["$next"]?["$url"]?.GetValue<string>() is { Length: > 0 } url ? new Uri(url) : null;
            yield return new X3RestPage(rows, next);
        }
    }

    /// <summary>The record's details, or null when X3 has no such key.</summary>
    public async Task<JsonObject?> GetDetailsAsync(string className, string representation, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Resource(className, key, representation, "$details"));
        try
        {
            return await SendAsync(request, $"read {className} {key}", cancellationToken) as JsonObject;
        }
        catch (SageX3ApiException notFound) when (IsRecordNotFound(notFound))
        {
            return null;
        }
    }

    /// <summary>
    /// X3's answer for a key it lacks: the generic message 721 "Record does not exist" (Sage's ERR_GEN list of generic
    /// messages), which does not repeat the key, whether X3 sends it with 404 or with a 200. Other 404s (an unknown class,
    /// representation or folder) are configuration errors and stay errors.
    /// </summary>
    public static bool IsRecordNotFound(SageX3ApiException error) =>
        error.StatusCode is 404 or 200 && error.Diagnoses.Any(d => d.Contains("Record does not exist", StringComparison.OrdinalIgnoreCase) || d.TrimStart().StartsWith("721", StringComparison.Ordinal));

    public async Task<JsonObject> GetTemplateAsync(string className, string representation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(SageX3Urls.RestBase(options.CurrentValue), $"{className}/$template?representation={Uri.EscapeDataString(representation)}.$create"));
        return (JsonObject)(await SendAsync(request, $"template {className}", cancellationToken))!;
    }

    /// <summary>POST <c>$create</c>; returns the created record as X3 echoes it (201).</summary>
    public async Task<JsonObject> CreateAsync(string className, string representation, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(SageX3Urls.RestBase(options.CurrentValue), $"{className}?representation={Uri.EscapeDataString(representation)}.$create"))
        {
            Content = JsonContent.Create(body),
        };
        return (JsonObject)(await SendAsync(request, $"create {className}", cancellationToken))!;
    }

    /// <summary>PUT <c>$edit</c> with only the fields to change; returns the record after X3's business rules.</summary>
    public async Task<JsonObject> EditAsync(string className, string representation, string key, JsonObject changes, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Resource(className, key, representation, "$edit"))
        {
            Content = JsonContent.Create(changes),
        };
        return (JsonObject)(await SendAsync(request, $"update {className} {key}", cancellationToken))!;
    }

    private Uri Resource(string className, string key, string representation, string facet) =>
        new(SageX3Urls.RestBase(options.CurrentValue), $"{className}{SDataLiteral.Key(key)}?representation={Uri.EscapeDataString(representation)}.{facet}");

    private async Task<JsonNode?> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException) when (!response.IsSuccessStatusCode)
        {
            // An error page that is not JSON: reported by status below.
        }

        var errors = ErrorDiagnoses(body);
        if (response.IsSuccessStatusCode && errors.Count == 0)
        {
            return body;
        }

        // A 2xx carrying error diagnoses is a refusal, not a record (X3 may report a missing key that way).
        var diagnoses = response.IsSuccessStatusCode ? errors : Diagnoses(body);
        var detail = diagnoses.Count > 0 ? string.Join("; ", diagnoses) : response.ReasonPhrase ?? "no detail";
        var message = response.StatusCode == HttpStatusCode.Unauthorized
            ? $"X3 refused the credentials of user '{options.CurrentValue.User}' ({detail})"
            : $"X3 answered {(int)response.StatusCode} to {what}: {detail}";
        throw new SageX3ApiException((int)response.StatusCode, message, diagnoses);
    }

    private static List<string> ErrorDiagnoses(JsonNode? body) =>
        body?["$diagnoses"] is JsonArray list
            ? list.Where(d => d?["$severity"]?.ToString() is "error" or "fatal").Select(d => d?["$message"]?.ToString()).OfType<string>().ToList()
            : [];

    private static List<string> Diagnoses(JsonNode? body)
    {
        if (body?["$diagnoses"] is JsonArray list)
        {
            return list.Select(d => d?["$message"]?.ToString()).OfType<string>().ToList();
        }

        return body?["$message"]?.ToString() is { Length: > 0 } single ? [single] : [];
    }
}
