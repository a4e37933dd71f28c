using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Polls the SPS Commerce orders folder (out/PO/) on the SpsX3_Schedule app setting.</summary>
public sealed class SpsX3PollFunction(FlowPoller poller)
{
    [Function("SpsX3Poll")]
    public Task RunAsync([TimerTrigger("%SpsX3_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync("sps-x3", cancellationToken);
}
