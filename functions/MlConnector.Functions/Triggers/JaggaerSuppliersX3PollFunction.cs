using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Polls JAGGAER for supplier profiles on the JaggaerSuppliersX3_Schedule app setting (before the order poll).</summary>
public sealed class JaggaerSuppliersX3PollFunction(FlowPoller poller)
{
    [Function("JaggaerSuppliersX3Poll")]
    public Task RunAsync([TimerTrigger("%JaggaerSuppliersX3_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync("jaggaer-suppliers-x3", cancellationToken);
}
