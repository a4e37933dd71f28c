using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Polls confirmed X3 sales deliveries of SPS orders and sends them as ship notices (856) on the X3SpsShipments_Schedule app setting.</summary>
public sealed class X3SpsShipmentsPollFunction(FlowPoller poller)
{
    [Function("X3SpsShipmentsPoll")]
    public Task RunAsync([TimerTrigger("%X3SpsShipments_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync("x3-sps-shipments", cancellationToken);
}
