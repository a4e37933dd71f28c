using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Google.Protobuf;
using MlConnector.Functions.ContractTests.Rpc;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>The trigger values the host's extensions hand the worker, shaped as they shape them.</summary>
public static class TriggerInputs
{
    /// <summary>
    /// The timer trigger's TimerInfo as JSON (WebJobs Timers: TimerInfo { Schedule, ScheduleStatus { Last, Next,
    /// LastUpdated }, IsPastDue }; Azure/azure-webjobs-sdk-extensions src/WebJobs.Extensions/Extensions/Timers/TimerInfo.cs
    /// and ScheduleStatus.cs). The worker reads ScheduleStatus and IsPastDue (Worker.Extensions.Timer TimerInfo.cs).
    /// </summary>
    public static ParameterBinding Timer(string parameterName, DateTimeOffset last, DateTimeOffset next)
    {
        var timerInfo = new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = last, Next = next, LastUpdated = last },
            IsPastDue = false,
        };
        return new ParameterBinding { Name = parameterName, Data = new TypedData { Json = JsonSerializer.Serialize(timerInfo) } };
    }

    /// <summary>
    /// A queue message for a <c>QueueMessage</c> parameter: deferred binding data from the AzureStorageQueues
    /// extension, version 1.0, content type application/json, content = the QueueMessage serialized by
    /// System.Text.Json as the host's converter does (Azure/azure-sdk-for-net
    /// sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Queues/src/Triggers/StorageQueueMessageToParameterBindingDataConverter.cs).
    /// <paramref name="message"/> is what the host's QueueClient returns: its body already decoded per host.json messageEncoding.
    /// </summary>
    public static ParameterBinding Queue(string parameterName, QueueMessage message) => new()
    {
        Name = parameterName,
        Data = new TypedData
        {
            ModelBindingData = new ModelBindingData
            {
                Version = "1.0",
                Source = "AzureStorageQueues",
                ContentType = "application/json",
                Content = ByteString.CopyFrom(new BinaryData(message).ToArray()),
            },
        },
    };

    /// <summary>
    /// The queue trigger's binding data, sent as trigger metadata (QueueTriggerBinding.CreateBindingData in the same
    /// extension: QueueTrigger, DequeueCount, ExpirationTime, Id, InsertionTime, NextVisibleTime, PopReceipt). Strings go
    /// as strings, everything else as JSON (Azure/azure-functions-host
    /// src/WebJobs.Script.Grpc/MessageExtensions/GrpcMessageConversionExtensions.cs, ToRpc and ToRpcDefault): the
    /// worker refuses TypedData.int in trigger metadata.
    /// </summary>
    public static IReadOnlyDictionary<string, TypedData> QueueMetadata(QueueMessage message) => new Dictionary<string, TypedData>
    {
        ["QueueTrigger"] = new() { String = message.Body.ToString() },
        ["DequeueCount"] = new() { Json = JsonSerializer.Serialize(message.DequeueCount) },
        ["ExpirationTime"] = new() { Json = JsonSerializer.Serialize(message.ExpiresOn ?? DateTimeOffset.MaxValue) },
        ["Id"] = new() { String = message.MessageId },
        ["InsertionTime"] = new() { Json = JsonSerializer.Serialize(message.InsertedOn ?? DateTimeOffset.UtcNow) },
        ["NextVisibleTime"] = new() { Json = JsonSerializer.Serialize(message.NextVisibleOn ?? DateTimeOffset.MaxValue) },
        ["PopReceipt"] = new() { String = message.PopReceipt },
    };

    public static string Iso(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
