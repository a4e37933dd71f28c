using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;

namespace MlConnector.Connectors.Stedi;

/// <summary>What generate-edi answered: the X12 it produced and the ids to find it in Stedi's portal.</summary>
public sealed record GeneratedEdi(string Edi, string? ArtifactId, string FileExecutionId);

/// <summary>
/// The Stedi Core API: generate-edi (with an Idempotency-Key, so a retried POST is safe), the translated JSON of a
/// transaction (a 302 to a pre-signed URL, fetched without the API key), and a one-item transaction list as a probe.
/// </summary>
public sealed class StediClient(IHttpClientFactory httpClients, IOptions<StediOptions> options)
{
    /// <summary>POST <c>x12/partnerships/{id}/generate-edi</c>; the key makes Stedi answer a repeat with the first result.</summary>
    public async Task<GeneratedEdi> GenerateEdiAsync(string partnershipId, JsonObject body, string idempotencyKey, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Value.ResolveBaseAddress(), $"x12/partnerships/{Uri.EscapeDataString(partnershipId)}/generate-edi");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        request.MarkIdempotent();
        using var response = await httpClients.CreateClient(StediNames.ApiHttpClient).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, "POST", uri, cancellationToken);
        }

        var answer = await ReadJsonAsync(response, uri, cancellationToken);
        return new GeneratedEdi(
            answer["edi"]?.ToString() ?? string.Empty,
            answer["artifactId"]?.ToString(),
            answer["fileExecutionId"]?.ToString() ?? throw new StediApiException($"Stedi's answer to POST {uri.AbsolutePath} has no fileExecutionId.", response.StatusCode, null));
    }

    /// <summary>The Guide JSON Stedi translated a transaction to: <c>GET transactions/{id}/output</c>, then its pre-signed URL.</summary>
    public async Task<JsonObject> GetTransactionOutputAsync(string transactionId, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Value.ResolveBaseAddress(), $"transactions/{Uri.EscapeDataString(transactionId)}/output");
        using var response = await httpClients.CreateClient(StediNames.ApiHttpClient).GetAsync(uri, cancellationToken);
        Uri? download = null;
        if (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect)
        {
            download = response.Headers.Location;
        }
        else if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, "GET", uri, cancellationToken);
        }

        if (download is null || !download.IsAbsoluteUri)
        {
            var answer = await ReadJsonAsync(response, uri, cancellationToken);
            var link = answer["documentDownloadUrl"]?.ToString();
            download = link is null ? null : new Uri(link, UriKind.Absolute);
        }

        if (download is null)
        {
            throw new StediApiException($"Stedi's answer to GET {uri.AbsolutePath} names no download URL.", response.StatusCode, null);
        }

        using var artifact = await httpClients.CreateClient(StediNames.ArtifactHttpClient).GetAsync(download, cancellationToken);
        if (!artifact.IsSuccessStatusCode)
        {
            throw new StediApiException($"Downloading the output of transaction {transactionId} failed with {(int)artifact.StatusCode} (the pre-signed URL may have expired).", artifact.StatusCode, null);
        }

        return await ReadJsonAsync(artifact, new Uri(download.GetLeftPart(UriPartial.Path)), cancellationToken);
    }

    /// <summary>
    /// GET <c>transactions?pageSize=1</c> (Core API ListTransactions): the cheapest call that proves the address and
    /// the key; answers how many transactions the first page held (0 or 1).
    /// </summary>
    public async Task<int> ProbeAsync(CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Value.ResolveBaseAddress(), "transactions?pageSize=1");
        using var response = await httpClients.CreateClient(StediNames.ApiHttpClient).GetAsync(uri, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, "GET", uri, cancellationToken);
        }

        var page = await ReadJsonAsync(response, uri, cancellationToken);
        return (page["items"] as JsonArray)?.Count ?? 0;
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
                   ?? throw new StediApiException($"Stedi answered {uri.AbsolutePath} with an empty body.", response.StatusCode, null);
        }
        catch (JsonException exception)
        {
            throw new StediApiException($"Stedi answered {uri.AbsolutePath} with something other than a JSON object.", response.StatusCode, null, exception);
        }
    }

    private static async Task<StediApiException> FailureAsync(HttpResponseMessage response, string method, Uri uri, CancellationToken cancellationToken)
    {
        var detail = await DetailAsync(response, cancellationToken);
        var message = $"Stedi answered {method} {uri.AbsolutePath} with {(int)response.StatusCode}: {detail ?? response.ReasonPhrase ?? "no detail"}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new StediAuthenticationException(
                message + $" (check the API key in secret '{StediSecretNames.ApiKey}': Stedi refused it or it was revoked).", response.StatusCode, detail),
            _ => new StediApiException(message, response.StatusCode, detail),
        };
    }

    /// <summary>Stedi's <c>message</c> (its error bodies are <c>{code, message}</c>), else the start of the body.</summary>
    private static async Task<string?> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return (JsonNode.Parse(text) as JsonObject)?["message"]?.ToString() ?? text[..Math.Min(text.Length, 300)];
        }
        catch (JsonException)
        {
            return text[..Math.Min(text.Length, 300)];
        }
    }
}
