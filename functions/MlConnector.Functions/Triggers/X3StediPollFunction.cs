using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Polls X3 for purchase orders of EDI suppliers (sent to Stedi as 850s) on the X3Stedi_Schedule app setting.</summary>
public sealed class X3StediPollFunction(FlowPoller poller)
{
    [Function("X3StediPoll")]
    public Task RunAsync([TimerTrigger("%X3Stedi_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync("x3-stedi", cancellationToken);
}
