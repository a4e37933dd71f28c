using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.Jaggaer.Api;

/// <summary>
/// Answers a J1P list the way JAGGAER does: the <c>returnCode/returnMessage/totRecords/returnedRecords[/startAt]</c>
/// envelope (company profiles carry no <c>startAt</c>: Crown-Commercial-Service/ccs-scale-cat-service,
/// GetCompanyDataResponse.java), a fixed server page from the 1-based record index <c>start</c>, <c>flt</c> applied first,
/// and business failures (a bad filter or start) as HTTP 200 with <c>returnCode</c> 1. Content type carries the
/// <c>; charset=UTF-8</c> J1P sends.
/// </summary>
internal static class J1pList
{
    public const string ContentType = "application/json; charset=UTF-8";

    /// <param name="fields">Filterable fields by name (case-insensitive), each reading its value from a row.</param>
    /// <param name="listKey">Dotted path the rows are nested under, e.g. <c>purchaseOrderList.purchaseOrder</c>.</param>
    /// <param name="withStartAt">False for envelopes that carry no <c>startAt</c>: the caller must continue from the <c>start</c> it sent.</param>
    public static IResult Answer<T>(
        HttpRequest request,
        JaggaerSimulatorOptions options,
        IEnumerable<T> all,
        IReadOnlyDictionary<string, Func<T, string?>> fields,
        Func<T, JsonObject> shape,
        string listKey,
        bool withStartAt = true)
    {
        Fiql filter;
        try
        {
            filter = Fiql.Parse(request.Query["flt"].ToString());
        }
        catch (FormatException exception)
        {
            return Failure(exception.Message);
        }

        if (filter.Fields.FirstOrDefault(field => !fields.ContainsKey(field)) is { } unknown)
        {
            return Failure($"Invalid filter: unknown field '{unknown}'");
        }

        var startText = request.Query["start"].ToString();
        var start = 1;
        if (startText.Length > 0 && (!int.TryParse(startText, NumberStyles.Integer, CultureInfo.InvariantCulture, out start) || start < 1))
        {
            return Failure($"Invalid start '{startText}': the first record is 1");
        }

        var matching = all.Where(row => filter.Matches(field => fields[field](row))).ToList();
        var page = matching.Skip(start - 1).Take(options.PageSize).Select(row => (JsonNode)shape(row)).ToArray();
        var body = new JsonObject
        {
            ["returnCode"] = 0,
            ["returnMessage"] = "OK",
            ["totRecords"] = matching.Count,
            ["returnedRecords"] = page.Length,
        };
        if (withStartAt)
        {
            body["startAt"] = start;
        }

        Nest(body, listKey, new JsonArray(page));
        return Results.Text(body.ToJsonString(), ContentType);
    }

    /// <summary>A refusal J1P style: HTTP 200 and <c>returnCode</c> 1 with the reason in <c>returnMessage</c>.</summary>
    public static IResult Failure(string message) => Results.Text(FailureBody(message), ContentType);

    /// <summary>The components a <c>comp=</c> asks for (<c>USER;SSO_CODE</c>), upper-cased.</summary>
    public static IReadOnlySet<string> Components(HttpRequest request) =>
        request.Query["comp"].ToString().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(component => component.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

    public static string FailureBody(string message) => new JsonObject
    {
        ["returnCode"] = 1,
        ["returnMessage"] = message,
        ["totRecords"] = 0,
        ["returnedRecords"] = 0,
    }.ToJsonString();

    private static void Nest(JsonObject body, string listKey, JsonArray rows)
    {
        var names = listKey.Split('.');
        var parent = body;
        foreach (var name in names[..^1])
        {
            var child = new JsonObject();
            parent[name] = child;
            parent = child;
        }

        parent[names[^1]] = rows;
    }
}
