using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Polls X3 sales orders from SPS trading partners and sends their acknowledgments (855) on the X3SpsAcks_Schedule app setting.</summary>
public sealed class X3SpsAcksPollFunction(FlowPoller poller)
{
    [Function("X3SpsAcksPoll")]
    public Task RunAsync([TimerTrigger("%X3SpsAcks_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync("x3-sps-acks", cancellationToken);
}
