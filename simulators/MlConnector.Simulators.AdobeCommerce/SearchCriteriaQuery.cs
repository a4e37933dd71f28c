using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>
/// Commerce's <c>searchCriteria</c>: filters in one group are ORed, groups ANDed; <c>currentPage</c> is 1-based, and a
/// page past the last answers with the last page again (the quirk clients must stop on <c>total_count</c> for).
/// </summary>
internal sealed partial class SearchCriteriaQuery
{
    private readonly List<List<(string Field, string Value, string Condition)>> _groups = [];

    public int? PageSize { get; private set; }

    public int CurrentPage { get; private set; } = 1;

    public static SearchCriteriaQuery Parse(IQueryCollection query)
    {
        var parsed = new SearchCriteriaQuery();
        var filters = new SortedDictionary<(int Group, int Filter), Dictionary<string, string>>();
        foreach (var (key, value) in query)
        {
            var match = FilterKey().Match(key);
            if (match.Success)
            {
                var slot = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
                if (!filters.TryGetValue(slot, out var parts))
                {
                    filters[slot] = parts = [];
                }

                parts[match.Groups[3].Value] = value.ToString();
            }
            else if (key == "searchCriteria[pageSize]" && int.TryParse(value, CultureInfo.InvariantCulture, out var size))
            {
                parsed.PageSize = size;
            }
            else if (key == "searchCriteria[currentPage]" && int.TryParse(value, CultureInfo.InvariantCulture, out var page))
            {
                parsed.CurrentPage = Math.Max(1, page);
            }
        }

        foreach (var group in filters.GroupBy(f => f.Key.Group))
        {
            parsed._groups.Add(group.Select(f => (
                f.Value.GetValueOrDefault("field", string.Empty),
                f.Value.GetValueOrDefault("value", string.Empty),
                f.Value.GetValueOrDefault("condition_type", "eq"))).ToList());
        }

        return parsed;
    }

    public JsonObject Apply(IReadOnlyList<JsonObject> all)
    {
        var matching = all.Where(item => _groups.All(group => group.Any(filter => Matches(item, filter)))).ToList();
        var total = matching.Count;
        var page = matching;
        if (PageSize is { } size and > 0)
        {
            var lastPage = Math.Max(1, (int)Math.Ceiling(total / (double)size));
            var current = Math.Min(CurrentPage, lastPage); // the quirk: past the end, the last page again
            page = matching.Skip((current - 1) * size).Take(size).ToList();
        }

        var criteria = new JsonObject
        {
            ["filter_groups"] = new JsonArray(_groups.Select(g => (JsonNode)new JsonObject
            {
                ["filters"] = new JsonArray(g.Select(f => (JsonNode)new JsonObject { ["field"] = f.Field, ["value"] = f.Value, ["condition_type"] = f.Condition }).ToArray()),
            }).ToArray()),
        };
        if (PageSize is { } pageSize)
        {
            criteria["page_size"] = pageSize;
            criteria["current_page"] = CurrentPage;
        }

        return new JsonObject
        {
            ["items"] = new JsonArray(page.Select(i => (JsonNode)i).ToArray()),
            ["search_criteria"] = criteria,
            ["total_count"] = total,
        };
    }

    private static bool Matches(JsonObject item, (string Field, string Value, string Condition) filter)
    {
        var node = item[filter.Field];
        var actual = node?.ToString();
        return filter.Condition switch
        {
            "eq" => actual == filter.Value,
            "neq" => actual != filter.Value,
            "in" => filter.Value.Split(',').Contains(actual),
            "nin" => !filter.Value.Split(',').Contains(actual),
            "like" => actual is not null && Regex.IsMatch(actual, "^" + Regex.Escape(filter.Value).Replace("%", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)),
            "null" => node is null,
            "notnull" => node is not null,
            "gt" => Compare(actual, filter.Value) > 0,
            "gteq" or "from" => Compare(actual, filter.Value) >= 0,
            "lt" => Compare(actual, filter.Value) < 0,
            "lteq" or "to" => Compare(actual, filter.Value) <= 0,
            _ => false,
        };
    }

    private static int Compare(string? actual, string expected)
    {
        if (actual is null)
        {
            return -1;
        }

        return decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var a) &&
               decimal.TryParse(expected, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(actual, expected);
    }

    [GeneratedRegex(@"^searchCriteria\[filter_groups\]\[(\d+)\]\[filters\]\[(\d+)\]\[(field|value|condition_type)\]$")]
    private static partial Regex FilterKey();
}
