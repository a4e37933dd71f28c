using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlConnector.Simulators.SpsCommerce.Files;

namespace MlConnector.Simulators.SpsCommerce.Api;

/// <summary>
/// Transaction API v5 (<c>https://api.spscommerce.com/transactions/v5</c>): list a directory (path ending in <c>/</c>,
/// <c>limit</c> 1-1000, opaque <c>cursor</c>, <c>entryNamePrefix</c>), download raw bytes, delete (204), upload raw
/// <c>application/octet-stream</c> bytes (201 <c>{path,url}</c>, same path overwrites), and the processing history.
/// Every call needs a bearer token from <c>/oauth/token</c>.
/// </summary>
internal static class TransactionEndpoints
{
    public const string DataPrefix = "/transactions/v5/data/";
    public const string HistoryPath = "/transactions/v5/history";

    public static void Map(WebApplication app)
    {
        app.MapGet("/transactions/v5/data/{**path}", (HttpContext context, SpsFileStore store, SpsCommerceSimulatorOptions options) =>
        {
            var path = PathOf(context);
            return path.Length == 0 || path.EndsWith('/') ? List(context, store, options, path) : Download(context, store, path);
        });

        app.MapDelete("/transactions/v5/data/{**path}", (HttpContext context, SpsFileStore store) =>
        {
            var path = PathOf(context);
            if (path.Length == 0 || path.EndsWith('/'))
            {
                return Problem.Of(context, 400, "Bad Request", "Directories cannot be deleted.");
            }

            return store.Delete(path) ? Results.NoContent() : Problem.Of(context, 404, "Not Found", "File not found: /" + path);
        });

        app.MapPost("/transactions/v5/data/{**path}", async (HttpContext context, SpsFileStore store, UploadRules rules) =>
        {
            var path = PathOf(context);
            if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                return Problem.Of(context, 415, "Unsupported Media Type", "Content-Type must be application/octet-stream.");
            }

            if (path.Length == 0 || path.EndsWith('/'))
            {
                return Problem.Of(context, 400, "Bad Request", "The path must name a file, not a directory.");
            }

            if (!path.StartsWith("in/", StringComparison.Ordinal) && !path.StartsWith("testin/", StringComparison.Ordinal))
            {
                return Problem.Of(context, 403, "Forbidden", "Files can only be uploaded to in/ or testin/.");
            }

            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var content = buffer.ToArray();
            var errors = rules.Validate(path, content);
            if (errors.Count > 0)
            {
                var detail = "The document is not valid RSX 7.7.7: " + string.Join("; ", errors.Take(20).Select(e => e.Message)) + (errors.Count > 20 ? $" (and {errors.Count - 20} more)" : string.Empty);
                return Problem.Of(context, 400, "Bad Request", detail, errors.Select(e => new Dictionary<string, string> { ["field"] = e.Field, ["message"] = e.Message }).ToList());
            }

            var meta = context.Request.Headers
                .Where(h => h.Key.StartsWith("sps-meta-", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
            store.Put(path, content, meta);
            return Results.Json(new Dictionary<string, string> { ["path"] = "/" + path, ["url"] = Url(context, path) }, statusCode: StatusCodes.Status201Created);
        });

        app.MapGet(HistoryPath, (HttpContext context, SpsFileStore store) =>
        {
            var limit = IntQuery(context, "limit") ?? 100;
            var offset = IntQuery(context, "offset") ?? 0;
            if (limit is < 1 or > 1000 || offset < 0)
            {
                return Problem.Of(context, 400, "Bad Request", "limit must be 1-1000 and offset not negative.");
            }

            var all = store.History();
            var page = all.Skip(offset).Take(limit).Select(h => new Dictionary<string, object>
            {
                ["id"] = h.Id,
                ["path"] = h.Path,
                ["direction"] = h.Direction,
                ["status_log"] = h.StatusLog.Select(s => new Dictionary<string, string> { ["status"] = s.Status, ["timestamp"] = s.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) }).ToList(),
            }).ToList();
            var root = $"{context.Request.Scheme}://{context.Request.Host}{HistoryPath}";
            return Results.Json(new Dictionary<string, object?>
            {
                ["results"] = page,
                ["paging"] = new Dictionary<string, object?>
                {
                    ["offset"] = offset,
                    ["limit"] = limit,
                    ["total_count"] = all.Count,
                    ["next"] = offset + limit < all.Count ? new Dictionary<string, string> { ["url"] = $"{root}?limit={limit}&offset={offset + limit}" } : null,
                    ["previous"] = offset > 0 ? new Dictionary<string, string> { ["url"] = $"{root}?limit={limit}&offset={Math.Max(0, offset - limit)}" } : null,
                },
            });
        });
    }

    private static IResult List(HttpContext context, SpsFileStore store, SpsCommerceSimulatorOptions options, string directory)
    {
        var limit = IntQuery(context, "limit") ?? options.MaxListLimit;
        if (limit < 1 || limit > options.MaxListLimit)
        {
            return Problem.Of(context, 400, "Bad Request", $"limit must be between 1 and {options.MaxListLimit.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!store.DirectoryExists(directory))
        {
            return Problem.Of(context, 404, "Not Found", "Directory not found");
        }

        string? after = null;
        var cursor = context.Request.Query["cursor"].ToString();
        if (cursor.Length > 0)
        {
            try
            {
                after = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            }
            catch (FormatException)
            {
                return Problem.Of(context, 400, "Bad Request", "Invalid cursor.");
            }
        }

        var prefix = context.Request.Query["entryNamePrefix"].ToString();
        var entries = store.List(directory, prefix.Length == 0 ? null : prefix, after, limit + 1);
        var more = entries.Count > limit;
        var page = entries.Take(limit).ToList();
        object? next = null;
        if (more)
        {
            // An opaque continuation token (here: the last name returned), so deleting listed files never shifts the next page.
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1].Path));
            var query = $"?limit={limit.ToString(CultureInfo.InvariantCulture)}&cursor={Uri.EscapeDataString(token)}" + (prefix.Length > 0 ? "&entryNamePrefix=" + Uri.EscapeDataString(prefix) : string.Empty);
            next = new Dictionary<string, string> { ["cursor"] = token, ["url"] = Url(context, directory) + query };
        }

        return Results.Json(new Dictionary<string, object?>
        {
            ["results"] = page.Select(e => new Dictionary<string, string> { ["path"] = "/" + e.Path, ["type"] = e.IsDirectory ? "directory" : "file", ["url"] = Url(context, e.Path) }).ToList(),
            ["paging"] = new Dictionary<string, object?> { ["limit"] = limit, ["next"] = next },
        });
    }

    private static IResult Download(HttpContext context, SpsFileStore store, string path) =>
        store.Download(path) is { } file
            ? Results.Bytes(file.Content, "application/octet-stream")
            : Problem.Of(context, 404, "Not Found", "File not found: /" + path);

    private static string PathOf(HttpContext context) => (context.Request.Path.Value ?? DataPrefix)[DataPrefix.Length..];

    private static string Url(HttpContext context, string path) => $"{context.Request.Scheme}://{context.Request.Host}{DataPrefix}{path}";

    private static int? IntQuery(HttpContext context, string name) =>
        int.TryParse(context.Request.Query[name].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
