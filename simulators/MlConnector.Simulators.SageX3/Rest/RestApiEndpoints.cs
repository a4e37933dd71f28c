using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlConnector.Simulators.SageX3.Auth;
using MlConnector.Simulators.SageX3.Http;
using MlConnector.Simulators.SageX3.Model;

namespace MlConnector.Simulators.SageX3.Rest;

/// <summary>
/// The api1 web services: <c>/api1/x3/erp/{endpoint}/{CLASS}[('{KEY}')][/$template]?representation={REPR}.{facet}</c>
/// with the <c>$query</c>, <c>$details</c>, <c>$create</c> and <c>$edit</c> facets.
/// </summary>
internal static partial class RestApiEndpoints
{
    public const int DefaultPageSize = 20;

    public static void Map(WebApplication app, SimulatorState state) =>
        app.Map("/api1/x3/erp/{endpoint}/{**resource}", (HttpContext context, string endpoint, string? resource) => Handle(context, state, endpoint, resource ?? string.Empty));

    private static async Task Handle(HttpContext context, SimulatorState state, string endpoint, string resource)
    {
        if (!BasicAuthentication.IsValid(context.Request, state.Options.Users))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Syracuse\"";
            await X3Responses.Diagnoses(context, 401, "Authentication failed: invalid user or password");
            return;
        }

        if (!state.Folders.TryGetValue(endpoint, out var folder))
        {
            await X3Responses.Diagnoses(context, 404, $"Endpoint '{endpoint}' does not exist on this server");
            return;
        }

        var match = ResourcePattern().Match(resource);
        var cls = match.Success ? X3Catalog.FindClass(match.Groups["class"].Value) : null;
        if (cls is null)
        {
            await X3Responses.Diagnoses(context, 404, $"Class '{resource}' does not exist in endpoint '{endpoint}'");
            return;
        }

        var representationParameter = context.Request.Query["representation"].ToString();
        var facetAt = representationParameter.LastIndexOf(".$", StringComparison.Ordinal);
        if (facetAt <= 0)
        {
            await X3Responses.Diagnoses(context, 400, "The representation parameter is mandatory: representation={REPR}.{$facet}");
            return;
        }

        var representation = state.FindRepresentation(cls.Name, representationParameter[..facetAt]);
        if (representation is null)
        {
            await X3Responses.Diagnoses(context, 404, $"Representation '{representationParameter[..facetAt]}' does not exist for class '{cls.Name}'");
            return;
        }

        var facet = representationParameter[(facetAt + 1)..];
        var key = match.Groups["key"].Success ? match.Groups["key"].Value.Replace("''", "'", StringComparison.Ordinal) : null;
        var template = match.Groups["template"].Success;
        var method = context.Request.Method;
        if (facet is "$create" or "$edit" && !representation.IsWritable)
        {
            // X3's standard representations read; writes go through a representation the customer builds for them.
            await X3Responses.Diagnoses(context, 400, $"The facet {facet} is not available on representation '{representation.Name}'");
            return;
        }

        var notFound = state.Options.NotFoundStatus;
        var handler = (method, facet, key, template) switch
        {
            ("GET", "$query", null, false) => Query(context, folder, cls, representation, state.Options.PageCap),
            ("GET", "$details", not null, false) => Details(context, folder, cls, representation, key, notFound),
            ("GET", "$create", null, true) => X3Responses.Json(context, 200, Template(cls, representation)),
            ("POST", "$create", null, false) => Create(context, folder, cls, representation),
            ("PUT", "$edit", not null, false) => Edit(context, folder, cls, representation, key, notFound),
            _ => X3Responses.Diagnoses(context, 400, $"Facet '{facet}' is not valid for {method} on {resource}"),
        };
        await handler;
    }

    private static async Task Query(HttpContext context, X3Folder folder, X3ClassDefinition cls, X3Representation representation, int pageCap)
    {
        Func<JsonObject, bool> where = _ => true;
        var whereText = context.Request.Query["where"].ToString();
        if (whereText.Length > 0)
        {
            try
            {
                where = SDataWhere.Parse(whereText, representation.QueryFields.ToHashSet(StringComparer.Ordinal));
            }
            catch (UnknownPropertyException unknown)
            {
                await X3Responses.Diagnoses(context, 500, $"Property '{unknown.Property}' does not exist in representation '{representation.Name}' (facet $query)");
                return;
            }
            catch (FormatException syntax)
            {
                await X3Responses.Diagnoses(context, 400, $"Invalid where clause: {syntax.Message}");
                return;
            }
        }

        var count = int.TryParse(context.Request.Query["count"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0
            ? Math.Min(asked, pageCap)
            : DefaultPageSize;
        var keyFilter = context.Request.Query["key"].ToString();
        var after = keyFilter.StartsWith("gt.", StringComparison.Ordinal) ? keyFilter[3..] : null;

        var rows = folder.All(cls.Name)
            .Where(r => after is null || string.CompareOrdinal(r[cls.KeyField]!.ToString(), after) > 0)
            .Where(where)
            .Take(count + 1)
            .ToList();
        var page = rows.Take(count).ToList();
        var resources = new JsonArray(page.Select(r => (JsonNode)Shape(context, r, cls, representation, representation.QueryFields, withLines: false)).ToArray());
        var links = new JsonObject();
        if (rows.Count > count)
        {
            var lastKey = page[^1][cls.KeyField]!.ToString();
            links["$next"] = new JsonObject
            {
                ["$url"] = NextUrl(context, lastKey),
                ["$type"] = "application/json",
                ["$method"] = "GET",
            };
        }

        await X3Responses.Json(context, 200, new JsonObject
        {
            ["$itemsPerPage"] = count,
            ["$resources"] = resources,
            ["$links"] = links,
        });
    }

    private static Task Details(HttpContext context, X3Folder folder, X3ClassDefinition cls, X3Representation representation, string key, int notFoundStatus)
    {
        var record = folder.Find(cls.Name, key);
        return record is null
            ? X3Responses.RecordDoesNotExist(context, notFoundStatus)
            : X3Responses.Json(context, 200, Shape(context, record, cls, representation, representation.DetailFields, withLines: true));
    }

    private static async Task Create(HttpContext context, X3Folder folder, X3ClassDefinition cls, X3Representation representation)
    {
        var (header, lines, error) = await ReadBody(context, representation);
        if (error is not null)
        {
            await X3Responses.Diagnoses(context, 400, error);
            return;
        }

        try
        {
            X3Rules.Validate(folder, cls.Name, header!, lines ?? []);
            header![X3Folder.LinesKey] = lines ?? [];
            var stored = folder.Insert(cls, header);
            var key = stored[cls.KeyField]!.ToString();
            context.Response.Headers.Location = DetailsUrl(context, cls, representation, key);
            await X3Responses.Json(context, 201, Shape(context, stored, cls, representation, representation.DetailFields, withLines: true));
        }
        catch (X3ValidationException invalid)
        {
            await X3Responses.Diagnoses(context, 400, invalid.Message);
        }
    }

    private static async Task Edit(HttpContext context, X3Folder folder, X3ClassDefinition cls, X3Representation representation, string key, int notFoundStatus)
    {
        var (header, lines, error) = await ReadBody(context, representation);
        if (error is not null)
        {
            await X3Responses.Diagnoses(context, 400, error);
            return;
        }

        var current = folder.Find(cls.Name, key);
        if (current is null)
        {
            await X3Responses.RecordDoesNotExist(context, notFoundStatus);
            return;
        }

        try
        {
            var merged = (JsonObject)current.DeepClone();
            foreach (var (field, value) in header!)
            {
                merged[field] = value?.DeepClone();
            }

            var mergedLines = lines is null ? null : EditLines((JsonArray)current[X3Folder.LinesKey]!.DeepClone(), lines, representation);
            X3Rules.Validate(folder, cls.Name, merged, mergedLines ?? (JsonArray)current[X3Folder.LinesKey]!);
            header.Remove(cls.KeyField);
            var updated = folder.Update(cls, key, header, mergedLines);
            await X3Responses.Json(context, 200, Shape(context, updated!, cls, representation, representation.DetailFields, withLines: true));
        }
        catch (X3ValidationException invalid)
        {
            await X3Responses.Diagnoses(context, 400, invalid.Message);
        }
    }

    /// <summary>
    /// Lines in an <c>$edit</c> body are changes: a line carrying <c>$uuid</c> changes that line (only the fields sent); a
    /// line without one is a new line. So resending every line without its <c>$uuid</c> duplicates them, as X3 does.
    /// </summary>
    private static JsonArray EditLines(JsonArray current, JsonArray changes, X3Representation representation)
    {
        foreach (var change in changes.OfType<JsonObject>())
        {
            if (change["$uuid"]?.ToString() is not { Length: > 0 } uuid)
            {
                current.Add(change.DeepClone());
                continue;
            }

            var line = current.OfType<JsonObject>().FirstOrDefault(l => l["$uuid"]?.ToString() == uuid)
                ?? throw new X3ValidationException($"{representation.LinesProperty}: the line {uuid} does not exist");
            foreach (var (field, value) in change)
            {
                line[field] = value?.DeepClone();
            }
        }

        return current;
    }

    /// <summary>Splits a body into header fields and lines, refusing properties the representation does not publish.</summary>
    private static async Task<(JsonObject? Header, JsonArray? Lines, string? Error)> ReadBody(HttpContext context, X3Representation representation)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException exception)
        {
            return (null, null, $"Invalid JSON: {exception.Message}");
        }

        if (body is null)
        {
            return (null, null, "A JSON object is expected");
        }

        var header = new JsonObject();
        JsonArray? lines = null;
        foreach (var (field, value) in body)
        {
            if (field.StartsWith('$') || field is "UPDDATTIM" or "CREDATTIM")
            {
                continue;
            }

            if (field == representation.LinesProperty && value is JsonArray array)
            {
                lines = [];
                foreach (var line in array.OfType<JsonObject>())
                {
                    var unknownLineField = line.Select(p => p.Key).FirstOrDefault(k => !k.StartsWith('$') && !representation.LineFields.Contains(k));
                    if (unknownLineField is not null)
                    {
                        return (null, null, $"Property '{unknownLineField}' does not exist in {representation.LinesProperty} of representation '{representation.Name}'");
                    }

                    lines.Add(line.DeepClone());
                }
            }
            else if (representation.DetailFields.Contains(field))
            {
                header[field] = value?.DeepClone();
            }
            else
            {
                return (null, null, $"Property '{field}' does not exist in representation '{representation.Name}'");
            }
        }

        return (header, lines, null);
    }

    private static JsonObject Template(X3ClassDefinition cls, X3Representation representation)
    {
        var template = new JsonObject();
        foreach (var field in representation.DetailFields.Where(f => f is not "UPDDATTIM" and not "CREDATTIM"))
        {
            template[field] = field == cls.KeyField ? string.Empty : null;
        }

        if (representation.LinesProperty is not null)
        {
            template[representation.LinesProperty] = new JsonArray();
        }

        return template;
    }

    private static JsonObject Shape(HttpContext context, JsonObject record, X3ClassDefinition cls, X3Representation representation, IReadOnlyList<string> fields, bool withLines)
    {
        var key = record[cls.KeyField]!.ToString();
        var shaped = new JsonObject
        {
            ["$uuid"] = record["$uuid"]?.DeepClone(),
            ["$key"] = key,
            ["$etag"] = record["$etag"]?.ToString(),
            ["$url"] = DetailsUrl(context, cls, representation, key),
        };
        foreach (var field in fields)
        {
            if (record[field] is { } value)
            {
                shaped[field] = value.DeepClone();
            }
        }

        if (withLines && representation.LinesProperty is not null)
        {
            var lines = new JsonArray();
            foreach (var line in (record[X3Folder.LinesKey] as JsonArray ?? []).OfType<JsonObject>())
            {
                var shapedLine = new JsonObject { ["$uuid"] = line["$uuid"]?.DeepClone() };
                foreach (var field in representation.LineFields)
                {
                    if (line[field] is { } value)
                    {
                        shapedLine[field] = value.DeepClone();
                    }
                }

                lines.Add(shapedLine);
            }

            shaped[representation.LinesProperty] = lines;
        }

        return shaped;
    }

    private static string DetailsUrl(HttpContext context, X3ClassDefinition cls, X3Representation representation, string key)
    {
        var basePath = context.Request.Path.Value!;
        var classAt = basePath.LastIndexOf("/" + cls.Name, StringComparison.Ordinal);
        var root = $"{context.Request.Scheme}://{context.Request.Host}{basePath[..classAt]}";
        return $"{root}/{cls.Name}('{Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal))}')?representation={representation.Name}.$details";
    }

    private static string NextUrl(HttpContext context, string lastKey)
    {
        var parameters = context.Request.Query
            .Where(q => q.Key != "key")
            .Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"key=gt.{Uri.EscapeDataString(lastKey)}");
        return $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?{string.Join('&', parameters)}";
    }

    [GeneratedRegex(@"^(?<class>[A-Z0-9_]+)(\('(?<key>(?:[^']|'')*)'\))?(?<template>/\$template)?$")]
    private static partial Regex ResourcePattern();
}
