using MlConnector.Core.Flows;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>The shared declaration of Procurify streams: day-granular timestamp cursors over numbered pages.</summary>
internal static class ProcurifyStreamDefinitions
{
    public static StreamDefinition For(string name, int pageSize) => new()
    {
        Name = name,
        CursorKind = CursorKind.Timestamp,
        CursorField = "last_modified",
        Pagination = PaginationKind.PageNumber,
        PageSize = pageSize,

        // The filters only know days: the boundary day is always read again and re-read versions are dropped.
        OverlapWindow = TimeSpan.FromDays(1),

        // Lists are not sorted by modification time, so the cursor moves only after a whole run.
        OrderedByCursorField = false,
    };
}
