using System.Text.Json;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>host.json extensions.http.routePrefix ("api" when absent), as both the host and the worker read it.</summary>
public static class RoutePrefix
{
    public static string Read(string appDirectory)
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, "host.json")));
        return hostJson.RootElement.TryGetProperty("extensions", out var extensions) &&
               extensions.TryGetProperty("http", out var http) &&
               http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString() ?? "api"
            : "api";
    }
}
