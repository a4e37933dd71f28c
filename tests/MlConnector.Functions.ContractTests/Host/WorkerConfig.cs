using System.Text.Json;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>The worker.config.json the Functions SDK writes beside the app: how the host starts the worker.</summary>
public sealed record WorkerConfig(string Language, string ExecutablePath, string WorkerPath, bool WorkerIndexing)
{
    public static WorkerConfig Read(string appDirectory)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, "worker.config.json")));
        var description = document.RootElement.GetProperty("description");
        return new WorkerConfig(
            description.GetProperty("language").GetString()!,
            description.GetProperty("defaultExecutablePath").GetString()!,
            description.GetProperty("defaultWorkerPath").GetString()!,
            description.TryGetProperty("workerIndexing", out var indexing) && string.Equals(indexing.GetString(), "true", StringComparison.OrdinalIgnoreCase));
    }
}
