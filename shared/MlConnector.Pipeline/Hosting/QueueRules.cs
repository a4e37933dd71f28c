using System.Globalization;
using System.Text.Json;

namespace MlConnector.Pipeline.Hosting;

/// <summary>
/// The queue retry rules, read from host.json's <c>extensions.queues</c> so that the Functions host and the
/// local runtime apply the same numbers. Defaults are the Functions host's own.
/// </summary>
public sealed record QueueRules
{
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How long a failed message stays invisible before its retry.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public int BatchSize { get; init; } = 16;

    public int NewBatchThreshold { get; init; } = 8;

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    public string MessageEncoding { get; init; } = "base64";

    /// <summary>Reads host.json; a missing file gives the host defaults, a malformed one an error naming the file.</summary>
    public static QueueRules Load(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath))
        {
            return new QueueRules();
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("queues", out var queues))
            {
                return new QueueRules();
            }

            var defaults = new QueueRules();
            var batchSize = Math.Clamp(Int(queues, "batchSize") ?? defaults.BatchSize, 1, 32);
            return new QueueRules
            {
                MaxDequeueCount = Int(queues, "maxDequeueCount") ?? defaults.MaxDequeueCount,
                VisibilityTimeout = Span(queues, "visibilityTimeout") ?? defaults.VisibilityTimeout,
                BatchSize = batchSize,
                NewBatchThreshold = Int(queues, "newBatchThreshold") ?? batchSize / 2,
                MaxPollingInterval = Span(queues, "maxPollingInterval") ?? defaults.MaxPollingInterval,
                MessageEncoding = queues.TryGetProperty("messageEncoding", out var encoding) ? encoding.GetString() ?? defaults.MessageEncoding : defaults.MessageEncoding,
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{hostJsonPath} is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>host.json beside the running app (the Functions output folder, or the CLI's).</summary>
    public static QueueRules LoadFromAppDirectory() => Load(Path.Combine(AppContext.BaseDirectory, "host.json"));

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetInt32() : null;

    private static TimeSpan? Span(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? TimeSpan.Parse(value.GetString()!, CultureInfo.InvariantCulture) : null;
}
