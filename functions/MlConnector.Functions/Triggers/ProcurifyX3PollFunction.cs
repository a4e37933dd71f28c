using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Polls Procurify for purchase orders on the ProcurifyX3_Schedule app setting.</summary>
public sealed class ProcurifyX3PollFunction(FlowPoller poller)
{
    [Function("ProcurifyX3Poll")]
    public Task RunAsync([TimerTrigger("%ProcurifyX3_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync("procurify-x3", cancellationToken);
}
