using Microsoft.Extensions.Logging;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Messages;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// Opens a stage's queue message: the envelope and its flow. A message that is not an envelope, or names a flow
/// this deployment does not run, can never succeed, so it goes to poison at once with the reason logged.
/// </summary>
internal static class StageMessages
{
    public static async Task<(PipelineMessage Message, FlowParts Parts)?> OpenOrPoisonAsync(
        BinaryData body, PipelineQueue queue, FlowCatalog catalog, PoisonQueueWriter poison, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var message = MessageCodec.Decode(body);
            var parts = catalog.Parts(message.Flow);
            _ = parts.Definition;
            return (message, parts);
        }
        catch (Exception ex) when (ex is MalformedMessageException or UnknownFlowException)
        {
            logger.LogError("{Queue} message moved to poison: {Reason}", queue, ex.Message);
            await poison.SendAsync(queue, body, cancellationToken);
            return null;
        }
    }
}
