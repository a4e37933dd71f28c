using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Polls X3 for fulfillments to send to Adobe Commerce on the X3AdobeFulfillment_Schedule app setting.</summary>
public sealed class X3AdobeFulfillmentPollFunction(FlowPoller poller)
{
    [Function("X3AdobeFulfillmentPoll")]
    public Task RunAsync([TimerTrigger("%X3AdobeFulfillment_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync("x3-adobe-fulfillment", cancellationToken);
}
