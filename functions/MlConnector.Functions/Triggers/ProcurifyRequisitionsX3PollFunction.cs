using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Polls Procurify for approved requisitions on the ProcurifyRequisitionsX3_Schedule app setting.</summary>
public sealed class ProcurifyRequisitionsX3PollFunction(FlowPoller poller)
{
    [Function("ProcurifyRequisitionsX3Poll")]
    public Task RunAsync([TimerTrigger("%ProcurifyRequisitionsX3_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync("procurify-requisitions-x3", cancellationToken);
}
