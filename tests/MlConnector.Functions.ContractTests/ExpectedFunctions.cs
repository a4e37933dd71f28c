namespace MlConnector.Functions.ContractTests;

/// <summary>
/// Every function the app must expose, one row each: add a row with a new function. Trigger targets are what the
/// host binds: a timer's schedule (a %setting%), a queue's name, an HTTP trigger's route under the route prefix.
/// The admin and console routes are Anonymous to the host: the app's built-in authentication (Microsoft Entra ID,
/// infra/app/auth.bicep) signs callers in and the app checks their app role, so no function key is handed out.
/// </summary>
public static class ExpectedFunctions
{
    public static readonly IReadOnlyList<ExpectedFunction> All =
    [
        Timer("ProcurifyX3Poll", "%ProcurifyX3_Schedule%"),
        Timer("ProcurifyRequisitionsX3Poll", "%ProcurifyRequisitionsX3_Schedule%"),
        Timer("JaggaerSuppliersX3Poll", "%JaggaerSuppliersX3_Schedule%"),
        Timer("JaggaerX3Poll", "%JaggaerX3_Schedule%"),
        Timer("SpsX3Poll", "%SpsX3_Schedule%"),
        Timer("X3SpsAcksPoll", "%X3SpsAcks_Schedule%"),
        Timer("X3SpsInvoicesPoll", "%X3SpsInvoices_Schedule%"),
        Timer("X3SpsShipmentsPoll", "%X3SpsShipments_Schedule%"),
        Timer("X3AdobeFulfillmentPoll", "%X3AdobeFulfillment_Schedule%"),
        Timer("X3StediPoll", "%X3Stedi_Schedule%"),
        Timer("X3StediInvoicesPoll", "%X3StediInvoices_Schedule%"),
        Timer("Maintenance", "%Maintenance_Schedule%"),
        Queue("MapQueue", "map"),
        Queue("WriteQueue", "write"),
        Http("AdobeCommerceWebhook", "POST", "webhooks/adobe-commerce", "Anonymous"),
        Http("StediWebhook", "POST", "webhooks/stedi", "Anonymous"),
        Http("AdminStatus", "GET", "admin/status", "Anonymous"),
        Http("AdminHistory", "GET", "admin/history", "Anonymous"),
        Http("AdminReplay", "POST", "admin/replay", "Anonymous"),
        Http("AdminReprocess", "POST", "admin/reprocess", "Anonymous"),
        Http("OperatorConsole", "GET,POST", "console/{*path}", "Anonymous"),
    ];

    private static ExpectedFunction Timer(string name, string schedule) => new(name, "timerTrigger", schedule, null, null);

    private static ExpectedFunction Queue(string name, string queue) => new(name, "queueTrigger", queue, null, null);

    private static ExpectedFunction Http(string name, string method, string route, string authLevel) => new(name, "httpTrigger", route, method, authLevel);
}

/// <summary>A function's trigger as the host must see it; <see cref="Target"/> is the schedule, queue name or route.</summary>
public sealed record ExpectedFunction(string Name, string Trigger, string Target, string? Method, string? AuthLevel)
{
    public override string ToString() => $"{Name} ({Trigger} {Method} {Target} {AuthLevel})".Replace("  ", " ", StringComparison.Ordinal);
}
