using System.Globalization;

namespace MlConnector.Connectors.Procurify;

/// <summary>Query parameters for a list call, in the Django-filter style Procurify uses (<c>field_0</c> from, <c>field_1</c> to).</summary>
public sealed class ProcurifyQuery
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];
    private int? _pageSize;

    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    /// <summary>Asks for pages of <paramref name="pageSize"/> rows instead of <see cref="ProcurifyOptions.PageSize"/>.</summary>
    public ProcurifyQuery WithPageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _pageSize = pageSize;
        return this;
    }

    public ProcurifyQuery Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _parameters.Add(new(name, value));
        }

        return this;
    }

    public ProcurifyQuery Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds <c>{field}_0</c> / <c>{field}_1</c>; Procurify compares whole days (YYYY-MM-DD), both ends inclusive.</summary>
    public ProcurifyQuery AddDayRange(string field, DateOnly? from, DateOnly? to = null) =>
        Add(field + "_0", from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Add(field + "_1", to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    internal string ToQueryString(int page, int defaultPageSize)
    {
        var all = _parameters
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture)))
            .Append(new("page_size", (_pageSize ?? defaultPageSize).ToString(CultureInfo.InvariantCulture)));
        return "?" + string.Join("&", all.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }
}
