using System.Text.Json;
using MlConnector.Deployment.Tests.Support;

namespace MlConnector.Deployment.Tests.Infrastructure;

/// <summary>host.json is shared by the Functions host and the local runtime; these values carry the poison and encoding contract.</summary>
public sealed class HostJsonTests
{
    private static JsonElement Root()
    {
        using JsonDocument document = JsonDocument.Parse(RepositoryFiles.Read("host.json"));
        return document.RootElement.Clone();
    }

    [Fact]
    public void Queue_messages_go_to_poison_after_five_dequeues_and_are_base64()
    {
        JsonElement queues = Root().GetProperty("extensions").GetProperty("queues");

        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        // Up to 48 messages in flight per queue: a 100 ms target stays busy at its 16 concurrent calls (mlc bench).
        Assert.Equal(32, queues.GetProperty("batchSize").GetInt32());
        Assert.Equal(16, queues.GetProperty("newBatchThreshold").GetInt32());
    }

    [Fact]
    public void Is_version_2_with_api_route_prefix()
    {
        JsonElement root = Root();

        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.Equal("api", root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.True(TimeSpan.TryParse(root.GetProperty("functionTimeout").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public void The_host_exports_opentelemetry_like_the_worker()
    {
        // With the worker on OpenTelemetry (Program.cs), the host must be too, or host and worker spans do not join.
        Assert.Equal("OpenTelemetry", Root().GetProperty("telemetryMode").GetString());
        Assert.False(Root().GetProperty("logging").TryGetProperty("applicationInsights", out _), "applicationInsights settings do nothing in OpenTelemetry mode");
    }
}
