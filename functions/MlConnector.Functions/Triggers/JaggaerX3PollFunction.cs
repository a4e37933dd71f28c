using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Polls JAGGAER for purchase orders on the JaggaerX3_Schedule app setting.</summary>
public sealed class JaggaerX3PollFunction(FlowPoller poller)
{
    [Function("JaggaerX3Poll")]
    public Task RunAsync([TimerTrigger("%JaggaerX3_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync("jaggaer-x3", cancellationToken);
}
