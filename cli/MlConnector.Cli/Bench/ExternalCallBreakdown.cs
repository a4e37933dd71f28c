using MlConnector.Simulators.Common;

namespace MlConnector.Cli.Bench;

/// <summary>
/// Groups the requests a simulator journaled by method and route shape (ids and X3 keys folded), so the report
/// can say which calls dominate the external API cost of a record.
/// </summary>
public static class ExternalCallBreakdown
{
    public static IReadOnlyList<ExternalCallGroup> Group(string system, IEnumerable<JournalEntry> entries) =>
        entries
            .GroupBy(entry => (entry.Method, Route: RouteOf(entry.Path)))
            .Select(group => new ExternalCallGroup(system, group.Key.Method, group.Key.Route, group.Count(), IsTokenCall(group.Key.Route)))
            .OrderByDescending(group => group.Count)
            .ToList();

    /// <summary>OAuth token requests: paid once per token lifetime, not per record, so reported apart.</summary>
    public static bool IsTokenCall(string route) =>
        route.TrimEnd('/').EndsWith("/token", StringComparison.OrdinalIgnoreCase);

    /// <summary>"/api/v2/purchase_orders/1234/" -> "/api/v2/purchase_orders/{id}/"; "PORDER('PO1')" -> "PORDER({key})".</summary>
    public static string RouteOf(string path) =>
        string.Join('/', path.Split('/').Select(FoldSegment));

    private static string FoldSegment(string segment)
    {
        if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
        {
            return "{id}";
        }

        var open = segment.IndexOf('(', StringComparison.Ordinal);
        return open > 0 ? segment[..open] + "({key})" : segment;
    }
}

/// <param name="IsToken">A token request, counted apart from the per-record calls.</param>
public sealed record ExternalCallGroup(string System, string Method, string Route, int Count, bool IsToken);
