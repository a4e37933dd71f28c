using Microsoft.Azure.Functions.Worker;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Functions.Triggers;

/// <summary>Polls X3 for validated customer invoices of EDI customers (sent to Stedi as 810s) on the X3StediInvoices_Schedule app setting.</summary>
public sealed class X3StediInvoicesPollFunction(FlowPoller poller)
{
    [Function("X3StediInvoicesPoll")]
    public Task RunAsync([TimerTrigger("%X3StediInvoices_Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync("x3-stedi-invoices", cancellationToken);
}
