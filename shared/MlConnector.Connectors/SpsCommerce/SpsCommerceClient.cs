using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.Http;

namespace MlConnector.Connectors.SpsCommerce;

/// <summary>One entry of a folder listing (path without the leading slash).</summary>
public sealed record SpsEntry(string Path, bool IsDirectory);

/// <summary>One page of a listing; <paramref name="NextCursor"/> is null on the last page.</summary>
public sealed record SpsListingPage(IReadOnlyList<SpsEntry> Entries, string? NextCursor);

/// <summary>
/// Transaction API v5: files, not records. Lists a folder page by page with the opaque <c>cursor</c> SPS returns in
/// <c>paging.next</c>, downloads raw bytes, deletes processed <c>out/</c> files, and uploads raw bytes into <c>in/</c>
/// (same path overwrites, so a deterministic name makes a retry harmless).
/// </summary>
public sealed class SpsCommerceClient(IHttpClientFactory httpClients, IOptions<SpsCommerceOptions> options)
{
    public async IAsyncEnumerable<SpsListingPage> ListAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var query = $"?limit={options.Value.PageSize}" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var uri = new Uri(options.Value.DataAddress(folder) + query);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await Client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw await FailureAsync(response, "GET", folder, cancellationToken);
            }

            var page = await ReadPageAsync(response, folder, cancellationToken);
            yield return page;
            if (page.NextCursor is not null && page.NextCursor == cursor)
            {
                throw new SpsCommerceApiException($"SPS returned the same cursor twice while listing {folder}.", HttpStatusCode.OK, null);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <summary>The file's raw bytes; null when it no longer exists (another run processed it).</summary>
    public async Task<byte[]?> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, options.Value.DataAddress(path));
        using var response = await Client.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return response.IsSuccessStatusCode
            ? await response.Content.ReadAsByteArrayAsync(cancellationToken)
            : throw await FailureAsync(response, "GET", path, cancellationToken);
    }

    /// <summary>Removes a processed file from <c>out/</c>; a file already gone counts as removed.</summary>
    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, options.Value.DataAddress(path));
        using var response = await Client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
        {
            throw await FailureAsync(response, "DELETE", path, cancellationToken);
        }
    }

    /// <summary>Uploads raw bytes to <paramref name="path"/> (overwriting any file there); returns the stored path.</summary>
    public async Task<string> UploadAsync(string path, byte[] content, IReadOnlyDictionary<string, string>? meta, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.DataAddress(path)) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        foreach (var (key, value) in meta ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation("sps-meta-" + key, value);
        }

        // Same path overwrites: resending after a lost answer leaves one file, so the retry policy may resend.
        request.MarkIdempotent();
        using var response = await Client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, "POST", path, cancellationToken);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return document.RootElement.TryGetProperty("path", out var stored) && stored.GetString() is { } value ? value.TrimStart('/') : path;
        }
        catch (JsonException)
        {
            return path;
        }
    }

    private HttpClient Client => httpClients.CreateClient(SpsCommerceNames.ApiHttpClient);

    private static async Task<SpsListingPage> ReadPageAsync(HttpResponseMessage response, string folder, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = document.RootElement;
            var entries = new List<SpsEntry>();
            if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                foreach (var result in results.EnumerateArray())
                {
                    var path = result.TryGetProperty("path", out var p) ? p.GetString() : null;
                    if (string.IsNullOrEmpty(path))
                    {
                        continue;
                    }

                    var type = result.TryGetProperty("type", out var t) ? t.GetString() : "file";
                    entries.Add(new SpsEntry(path.TrimStart('/'), string.Equals(type, "directory", StringComparison.OrdinalIgnoreCase)));
                }
            }

            string? next = null;
            if (root.TryGetProperty("paging", out var paging) && paging.ValueKind == JsonValueKind.Object &&
                paging.TryGetProperty("next", out var nextLink) && nextLink.ValueKind == JsonValueKind.Object &&
                nextLink.TryGetProperty("cursor", out var cursor) && cursor.ValueKind == JsonValueKind.String)
            {
                next = cursor.GetString();
            }

            return new SpsListingPage(entries, string.IsNullOrEmpty(next) ? null : next);
        }
        catch (JsonException exception)
        {
            throw new SpsCommerceApiException($"SPS answered the listing of {folder} with something other than JSON.", response.StatusCode, null, exception);
        }
    }

    private static async Task<SpsCommerceApiException> FailureAsync(HttpResponseMessage response, string method, string path, CancellationToken cancellationToken)
    {
        var detail = await SpsErrors.ReadDetailAsync(response, cancellationToken);
        var message = $"SPS Commerce answered {method} {path} with {(int)response.StatusCode}: {detail ?? response.ReasonPhrase ?? "no detail"}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new SpsCommerceAuthenticationException(message + " (a fresh token was refused too: check the app's access).", response.StatusCode, detail),
            HttpStatusCode.Forbidden => new SpsCommerceApiException(message + " (the app has no access to this folder).", response.StatusCode, detail),
            HttpStatusCode.NotFound => new SpsCommerceApiException(message + $" (folder names are case-sensitive; check {SpsCommerceOptions.SectionName}__OrdersFolder / __UploadFolder, and that SPS has enabled routing).", response.StatusCode, detail),
            _ => new SpsCommerceApiException(message, response.StatusCode, detail),
        };
    }
}
