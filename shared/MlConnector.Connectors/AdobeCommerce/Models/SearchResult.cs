namespace MlConnector.Connectors.AdobeCommerce.Models;

/// <summary>The envelope every Commerce search returns: one page of items and the count of all matches.</summary>
public sealed record SearchResult<T>
{
    public IReadOnlyList<T> Items { get; init; } = [];
    public int TotalCount { get; init; }
}
