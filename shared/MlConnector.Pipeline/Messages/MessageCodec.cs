using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using MlConnector.Core;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Messages;

/// <summary>
/// Serializes envelopes, moving payloads over the queue limit to blob storage (claim check) and back.
/// The queue clients add the Base64 layer themselves.
/// </summary>
public sealed class MessageCodec(PipelineStorage storage, IOptions<PipelineOptions> options)
{
    public async Task<BinaryData> EncodeAsync(PipelineMessage message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, CanonicalJson.Options);
        if (bytes.Length <= options.Value.ClaimCheckThresholdBytes || message.Payload is not { } payload)
        {
            return new BinaryData(bytes);
        }

        var blobName = $"{TableKeys.Escape(message.Flow)}/{Guid.NewGuid():N}.json";
        await storage.Payloads.GetBlobClient(blobName).UploadAsync(
            new BinaryData(JsonSerializer.SerializeToUtf8Bytes(payload, CanonicalJson.Options)), cancellationToken);
        var claim = message with { Payload = null, PayloadBlob = blobName };
        return new BinaryData(JsonSerializer.SerializeToUtf8Bytes(claim, CanonicalJson.Options));
    }

    /// <summary>Reads an envelope; a body that is not one throws <see cref="MalformedMessageException"/>.</summary>
    public static PipelineMessage Decode(BinaryData body)
    {
        try
        {
            var message = body.ToObjectFromJson<PipelineMessage>(CanonicalJson.Options);
            if (message is null || string.IsNullOrEmpty(message.Flow) || string.IsNullOrEmpty(message.SourceKey))
            {
                throw new MalformedMessageException("The message is not a pipeline envelope: flow or source key is missing.");
            }

            return message;
        }
        catch (JsonException ex)
        {
            throw new MalformedMessageException($"The message is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The payload, fetched from blob storage when the envelope carries a claim check.</summary>
    public async Task<JsonElement> ReadPayloadAsync(PipelineMessage message, CancellationToken cancellationToken)
    {
        if (message.Payload is { } inline)
        {
            return inline;
        }

        if (message.PayloadBlob is null)
        {
            throw new MalformedMessageException("The message carries neither a payload nor a payload blob.");
        }

        var content = await storage.Payloads.GetBlobClient(message.PayloadBlob).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToObjectFromJson<JsonElement>(CanonicalJson.Options);
    }

    /// <summary>Removes a claim-check blob once the envelope that named it is done with.</summary>
    public async Task ReleasePayloadAsync(PipelineMessage message, CancellationToken cancellationToken)
    {
        if (message.PayloadBlob is { } blobName)
        {
            await storage.Payloads.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }
}

public sealed class MalformedMessageException : Exception
{
    public MalformedMessageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
