using System.Globalization;
using System.Text;

namespace MlConnector.Connectors.AdobeCommerce;

/// <summary>
/// Builds <c>searchCriteria[...]</c> query strings. Each filter is its own group, so filters are ANDed
/// (filters inside one group would be ORed).
/// </summary>
public sealed class SearchCriteria
{
    private readonly List<(string Field, string Value, string Condition)> _filters = [];
    private readonly List<(string Field, string Direction)> _sortOrders = [];

    public SearchCriteria Where(string field, string value, string condition = "eq")
    {
        _filters.Add((field, value, condition));
        return this;
    }

    public SearchCriteria OrderBy(string field, bool descending = false)
    {
        _sortOrders.Add((field, descending ? "DESC" : "ASC"));
        return this;
    }

    /// <param name="currentPage">1-based.</param>
    public string ToQueryString(int pageSize, int currentPage)
    {
        var query = new StringBuilder();
        for (var group = 0; group < _filters.Count; group++)
        {
            var (field, value, condition) = _filters[group];
            var prefix = $"searchCriteria[filter_groups][{group}][filters][0]";
            Append(query, prefix + "[field]", field);
            Append(query, prefix + "[value]", value);
            Append(query, prefix + "[condition_type]", condition);
        }

        for (var index = 0; index < _sortOrders.Count; index++)
        {
            Append(query, $"searchCriteria[sortOrders][{index}][field]", _sortOrders[index].Field);
            Append(query, $"searchCriteria[sortOrders][{index}][direction]", _sortOrders[index].Direction);
        }

        Append(query, "searchCriteria[pageSize]", pageSize.ToString(CultureInfo.InvariantCulture));
        Append(query, "searchCriteria[currentPage]", currentPage.ToString(CultureInfo.InvariantCulture));
        return query.ToString();
    }

    private static void Append(StringBuilder query, string name, string value)
    {
        query.Append(query.Length == 0 ? '?' : '&');
        query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
