using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.Procurify.Api;

/// <summary>
/// The list conventions: <c>page</c> (1-based) and <c>page_size</c> with the <c>metadata.pagination</c> envelope,
/// and Django-filter day ranges <c>{field}_0</c> / <c>{field}_1</c> compared as whole days, both ends inclusive.
/// A parameter the path does not define is ignored, as Procurify ignores it, and recorded in the log.
/// </summary>
internal sealed class ListQuery(HttpRequest request, ProcurifySimulatorOptions options, IReadOnlySet<string> defined, IgnoredParameterLog log)
{
    private readonly Dictionary<string, string[]> _invalid = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal) { "page", "page_size" };

    public string? Text(string name)
    {
        // Procurify answers an undefined filter as if it were absent.
        if (!defined.Contains(name))
        {
            return null;
        }

        _read.Add(name);
        return request.Query.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()) ? value.ToString() : null;
    }

    public int? Int(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        _invalid[name] = ["Enter a whole number."];
        return null;
    }

    /// <summary>A Django boolean filter: <c>true</c>/<c>false</c> (or <c>1</c>/<c>0</c>, any case); null when absent.</summary>
    public bool? Bool(string name)
    {
        switch (Text(name)?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                _invalid[name] = ["Select a valid choice."];
                return null;
        }
    }

    /// <summary>Reads the day filters up front, so that a malformed date is refused even when no row is compared.</summary>
    public ListQuery WithDayFilters(params string[] fields)
    {
        foreach (var field in fields)
        {
            _ = Day(field + "_0");
            _ = Day(field + "_1");
        }

        return this;
    }

    /// <summary>True when <paramref name="stamp"/>'s tenant-local date is inside the <c>{field}_0/_1</c> range.</summary>
    public bool InDayRange(string field, DateTimeOffset stamp)
    {
        var day = DateOnly.FromDateTime(stamp.ToOffset(options.TenantUtcOffset).DateTime);
        return (Day(field + "_0") is not { } from || day >= from) && (Day(field + "_1") is not { } to || day <= to);
    }

    /// <summary>A 400 with DRF field errors when a filter value could not be read, else null.</summary>
    public IResult? ValidationProblem() => _invalid.Count == 0 ? null : Results.Json(_invalid, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Records the parameters this answer did not apply: undefined ones, and defined ones the simulator does not filter on.</summary>
    public void RecordIgnored()
    {
        foreach (var (name, value) in request.Query)
        {
            if (!_read.Contains(name))
            {
                log.Add(new IgnoredParameter(request.Path.Value ?? string.Empty, name, value.ToString(), defined.Contains(name)));
            }
        }
    }

    /// <summary>
    /// One page of <paramref name="rows"/>; only the rows on it are shaped, so large lists stay cheap to page through.
    /// <paramref name="counts"/>, given the rows on the page, writes <c>metadata.counts</c>.
    /// </summary>
    public IResult Page<T>(IReadOnlyList<T> rows, Func<T, JsonObject> shape, Func<int, JsonObject>? counts = null)
    {
        RecordIgnored();
        if (ValidationProblem() is { } problem)
        {
            return problem;
        }

        var pageSize = ParsePositive(Text("page_size")) is { } asked ? Math.Min(asked, options.MaxPageSize) : options.DefaultPageSize;
        var pageCount = Math.Max(1, (rows.Count + pageSize - 1) / pageSize);
        var page = Text("page") is { } pageText ? ParsePositive(pageText) ?? -1 : 1;
        if (page < 1 || page > pageCount)
        {
            return Results.Json(new Dictionary<string, string> { ["detail"] = "Invalid page." }, statusCode: StatusCodes.Status404NotFound);
        }

        var metadata = new JsonObject
        {
            ["pagination"] = new JsonObject
            {
                ["count"] = rows.Count,
                ["next"] = page < pageCount ? PageLink(page + 1) : null,
                ["previous"] = page > 1 ? PageLink(page - 1) : null,
                ["page_size"] = pageSize,
                ["num_pages"] = pageCount,
                ["current_page"] = page,
            },
        };
        var data = new JsonArray([.. rows.Skip((page - 1) * pageSize).Take(pageSize).Select(row => (JsonNode)shape(row))]);
        if (counts is not null)
        {
            metadata["counts"] = counts(data.Count);
        }

        return Results.Json(new JsonObject { ["metadata"] = metadata, ["data"] = data });
    }

    private DateOnly? Day(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        _invalid[name] = ["Enter a valid date."];
        return null;
    }

    private string PageLink(int page)
    {
        var parameters = request.Query
            .Where(pair => pair.Key != "page")
            .Select(pair => Uri.EscapeDataString(pair.Key) + "=" + Uri.EscapeDataString(pair.Value.ToString()))
            .Append("page=" + page.ToString(CultureInfo.InvariantCulture));
        return $"{request.Scheme}://{request.Host}{request.Path}?{string.Join("&", parameters)}";
    }

    private static int? ParsePositive(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
