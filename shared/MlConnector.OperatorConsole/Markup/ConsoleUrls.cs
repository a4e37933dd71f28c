namespace MlConnector.OperatorConsole.Markup;

/// <summary>The console's addresses: every host serves it under <c>/api/console</c> (the Functions route prefix).</summary>
public static class ConsoleUrls
{
    public const string Base = "/api/console";

    public static string To(string path, params (string Name, string? Value)[] query)
    {
        var url = Base + (path.Length == 0 || path == "/" ? "/" : "/" + path.TrimStart('/'));
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? url : url + "?" + string.Join('&', parts);
    }
}
