namespace MlConnector.Pipeline.Storage;

/// <summary>
/// Names a storage request by what it does, from its service, method and address (Storage REST API): queue send,
/// receive, delete, update, length; table insert, merge, point read, query, batch; blob upload, download, delete.
/// </summary>
public static class StorageOperationKind
{
    public static string Of(StorageService service, string method, Uri uri)
    {
        var path = uri.AbsolutePath;
        var query = uri.Query;
        return service switch
        {
            StorageService.Queue when path.Contains("/messages/", StringComparison.Ordinal) => method switch
            {
                "DELETE" => "queue delete",
                "PUT" => "queue update (lease, release)",
                _ => "queue " + method.ToLowerInvariant(),
            },
            StorageService.Queue when path.EndsWith("/messages", StringComparison.Ordinal) => method switch
            {
                "POST" => "queue send",
                "GET" when query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => "queue peek",
                "GET" => "queue receive",
                _ => "queue " + method.ToLowerInvariant(),
            },
            StorageService.Queue when method == "GET" && query.Contains("comp=metadata", StringComparison.OrdinalIgnoreCase) => "queue length",
            StorageService.Queue => "queue " + method.ToLowerInvariant(),
            StorageService.Table when path.EndsWith("/$batch", StringComparison.Ordinal) => "table batch",
            StorageService.Table => method switch
            {
                "POST" => "table insert",
                "PATCH" or "MERGE" => "table merge",
                "PUT" => "table replace",
                "DELETE" => "table delete",
                "GET" when path.Contains("(PartitionKey=", StringComparison.Ordinal) => "table point read",
                "GET" => "table query",
                _ => "table " + method.ToLowerInvariant(),
            },
            _ => "blob " + method switch { "PUT" => "upload", "GET" => "download", "HEAD" => "properties", _ => method.ToLowerInvariant() },
        };
    }
}
