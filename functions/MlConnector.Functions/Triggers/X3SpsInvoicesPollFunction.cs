using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Polls validated X3 sales invoices of SPS orders and sends them as invoices (810) on the X3SpsInvoices_Schedule app setting.</summary>
public sealed class X3SpsInvoicesPollFunction(FlowPoller poller)
{
    [Function("X3SpsInvoicesPoll")]
    public Task RunAsync([TimerTrigger("%X3SpsInvoices_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync("x3-sps-invoices", cancellationToken);
}
