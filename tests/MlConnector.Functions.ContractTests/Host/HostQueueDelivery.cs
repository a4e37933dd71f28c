using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using MlConnector.Functions.ContractTests.Rpc;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>
/// The host's queue listener, run by hand: reads a queue trigger's queue with the encoding host.json names (the
/// host's QueueClient decodes base64 before the worker sees a message), invokes the function once per message,
/// deletes the message when the invocation succeeds and leaves it for a retry when it fails.
/// </summary>
public sealed class HostQueueDelivery(FunctionsTestHost host, string storageConnectionString)
{
    private readonly QueueMessageEncoding _encoding = ReadEncoding(host.AppDirectory);

    /// <summary>Delivers what <paramref name="functionName"/>'s queue holds now; returns each message with its invocation's answer.</summary>
    public async Task<IReadOnlyList<QueueInvocation>> DeliverAsync(string functionName)
    {
        var function = host.Function(functionName);
        var queue = new QueueClient(storageConnectionString, function.Property("queueName"), new QueueClientOptions { MessageEncoding = _encoding });
        var delivered = new List<QueueInvocation>();
        while (true)
        {
            QueueMessage[] batch = (await queue.ReceiveMessagesAsync(maxMessages: 16, visibilityTimeout: TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                return delivered;
            }

            foreach (var message in batch)
            {
                var answer = await host.InvokeAsync(functionName, [TriggerInputs.Queue(function.TriggerParameter, message)], TriggerInputs.QueueMetadata(message));
                if (answer.Result.Status == StatusResult.Types.Status.Success)
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }

                delivered.Add(new QueueInvocation(functionName, message.Body.ToString(), answer));
            }
        }
    }

    private static QueueMessageEncoding ReadEncoding(string appDirectory)
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, "host.json")));
        var encoding = hostJson.RootElement.TryGetProperty("extensions", out var extensions) &&
                       extensions.TryGetProperty("queues", out var queues) &&
                       queues.TryGetProperty("messageEncoding", out var value)
            ? value.GetString()
            : "base64";
        return string.Equals(encoding, "none", StringComparison.OrdinalIgnoreCase) ? QueueMessageEncoding.None : QueueMessageEncoding.Base64;
    }
}

/// <summary>One message the host delivered and the worker's answer.</summary>
public sealed record QueueInvocation(string Function, string MessageText, InvocationResponse Answer)
{
    public bool Succeeded => Answer.Result.Status == StatusResult.Types.Status.Success;
}
