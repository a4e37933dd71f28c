using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using MlConnector.Functions.ContractTests.Host;

namespace MlConnector.Functions.ContractTests.Support;

/// <summary>Drives the map and write queue functions the way the host's queue listeners would, until both queues are empty.</summary>
public sealed class PipelineDriver(SandboxWorkerFixture worker)
{
    private static readonly TimeSpan PatienceForForwarding = TimeSpan.FromSeconds(30);

    /// <summary>Delivers every map and write message (and what they lead to); returns each invocation.</summary>
    public async Task<IReadOnlyList<QueueInvocation>> RunAsync()
    {
        var all = new List<QueueInvocation>();
        for (var round = 0; round < 10; round++)
        {
            var map = await worker.Queues.DeliverAsync("MapQueue");
            var write = await worker.Queues.DeliverAsync("WriteQueue");
            all.AddRange(map);
            all.AddRange(write);
            if (map.Count == 0 && write.Count == 0)
            {
                return all;
            }
        }

        throw new InvalidOperationException("The map and write queues did not empty in 10 rounds.");
    }

    /// <summary>The envelopes waiting on the map queue, read raw: each must be base64 text, as the host's trigger expects.</summary>
    public async Task<IReadOnlyList<JsonElement>> PeekMapEnvelopesAsync()
    {
        var raw = new QueueClient(worker.StorageConnectionString, worker.Host.Function("MapQueue").Property("queueName"), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var messages = (await raw.PeekMessagesAsync(maxMessages: 32)).Value;
        return [.. messages.Select(m => JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString()))).RootElement.Clone())];
    }

    /// <summary>Waits until the webhook inbox has forwarded a record of <paramref name="flow"/> to the map queue.</summary>
    public async Task WaitForMapEnvelopeAsync(string flow)
    {
        var deadline = DateTimeOffset.UtcNow + PatienceForForwarding;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if ((await PeekMapEnvelopesAsync()).Any(envelope => envelope.GetProperty("flow").GetString() == flow))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No {flow} record reached the map queue within {PatienceForForwarding.TotalSeconds:0} s.\n{worker.Host.Channel.LogText()}");
    }
}
