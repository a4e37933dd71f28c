using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Core.Secrets;
using MlConnector.Pipeline.Stages;
using MlConnector.Runtime;
using MlConnector.Runtime.Azurite;
using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.Cli.Bench;

/// <summary>
/// Webhook acknowledgment latency: N signed Adobe Commerce order webhooks sent at once to the local runtime's
/// listener (signature check, record row, enqueue, 200). Measures what the caller waits for, not the processing after.
/// </summary>
public static class WebhookLatencyScenario
{
    private const int WarmUpBase = 900_000;

    public static async Task<WebhookLatencyResult> RunAsync(int deliveries, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartScratchAsync(cancellationToken);
        await using var sandbox = await Sandbox.Sandbox.StartAsync(cancellationToken: cancellationToken);
        var port = FreePort();
        var settings = sandbox.Settings(azurite.ConnectionString, "benchhook", Path.Combine(Path.GetTempPath(), "mlc-bench", Guid.NewGuid().ToString("N")));
        await using var app = LocalRuntime.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), $"http://127.0.0.1:{port}");
        await sandbox.StoreSecretsAsync(app.Services.GetRequiredService<ISecretStore>(), cancellationToken);
        await app.StartAsync(cancellationToken);
        var webhook = new Uri($"http://127.0.0.1:{port}/api/webhooks/adobe-commerce");
        SeedX3(sandbox, deliveries);

        // Warm up the listener, the signature check and the storage connections with a burst of the same size, so
        // the measured burst finds its connections open: in Azure the front end terminates the senders' TLS
        // connections and reaches the worker over kept-alive ones, so the worker never pays a handshake per webhook.
        var warmUp = Enumerable.Range(0, deliveries).Select(i => sandbox.Adobe.Webhooks.Prepare(sandbox.Adobe.SeedOrder(Order(WarmUpBase + i)), WebhookSigningScheme.CommerceRsa)).ToList();
        await Task.WhenAll(warmUp.Select(delivery => sandbox.Adobe.Webhooks.SendAsync(webhook, delivery, cancellationToken)));
        await app.Services.GetRequiredService<PipelineBacklog>().WaitUntilEmptyAsync(cancellationToken);

        // Signed first, then sent together: the burst the receiver sees is not spread out by this sender's RSA signing.
        var signed = Enumerable.Range(1, deliveries)
            .Select(i => sandbox.Adobe.Webhooks.Prepare(sandbox.Adobe.SeedOrder(Order(i)), WebhookSigningScheme.CommerceRsa))
            .ToList();
        var results = await Task.WhenAll(signed.Select(delivery => sandbox.Adobe.Webhooks.SendAsync(webhook, delivery, cancellationToken)));
        await app.StopAsync(cancellationToken);

        var latencies = results.Select(r => r.Latency.TotalMilliseconds).Order().ToArray();
        return new WebhookLatencyResult(
            deliveries,
            results.Count(r => r.StatusCode == 200),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies[^1]);
    }

    /// <summary>Every order finds its purchase order, so the run measures acknowledgments, not rejections.</summary>
    private static void SeedX3(Sandbox.Sandbox sandbox, int deliveries)
    {
        sandbox.X3.SeedSupplier("SUPBENCH", "Bench supplier");
        sandbox.X3.SeedProduct("ITM-B1", "Bench item");
        sandbox.X3.SeedGlAccount("60710", "Purchases");
        foreach (var i in Enumerable.Range(1, deliveries).Concat(Enumerable.Range(WarmUpBase, deliveries)))
        {
            sandbox.X3.SeedPurchaseOrder("SUPBENCH", new DateOnly(2026, 1, 5), [new Simulators.SageX3.SimulatedOrderLine(1, "ITM-B1", "Bench item", 1, "UN", 10m, "60710")], number: $"POB{i:D6}");
        }
    }

    private static SimulatedOrder Order(int i) =>
        new($"B{i:D8}", $"POB{i:D6}", [new SimulatedOrderLine("ITM-B1", "Bench item", 1, 10m)]);

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed record WebhookLatencyResult(int Deliveries, int Acknowledged, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds);
