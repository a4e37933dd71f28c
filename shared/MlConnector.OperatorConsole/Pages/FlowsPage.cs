using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using MlConnector.OperatorConsole.Charts;
using MlConnector.OperatorConsole.Markup;
using MlConnector.Pipeline.Audit;
using MlConnector.Pipeline.Cursors;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Replay;
using MlConnector.Pipeline.Stages;

namespace MlConnector.OperatorConsole.Pages;

/// <summary>
/// Flows: one card per flow with its schedule, last run, cursor, lag, counts by status over 24 hours, 7 days and all
/// time, records in poison, a 24-hour chart, and "Sync now" / "Dry run". Built on the admin API's status reader.
/// </summary>
public sealed class FlowsPage(
    FlowCatalog catalog,
    PipelineStatusReader status,
    RecordActivity activity,
    RunLog runLog,
    CursorStore cursors,
    FlowPoller poller,
    DryRunner dryRunner,
    OperatorAudit audit,
    IConfiguration configuration)
{
    public async Task<IActionResult> ShowAsync(ConsoleCall call)
    {
        var context = call.Context;
        var overview = await status.ReadAsync(call.CancellationToken);
        var cards = new List<Html>();
        foreach (var flow in overview.Flows)
        {
            var definition = catalog.Get(flow.Name);
            var counts = await activity.ReadAsync(flow.Name, call.CancellationToken);
            var runs = await runLog.SinceAsync(flow.Name, context.Now - TimeSpan.FromHours(24), call.CancellationToken);
            var cursor = definition.IsPolled ? await cursors.GetAsync(flow.Name, catalog.Parts(flow.Name).Source.Definition.Name, call.CancellationToken) : null;
            cards.Add(Card(context, flow, definition, counts, runs, cursor));
        }

        var poison = Html.Of($"<p>Poison queues: <a href=\"{ConsoleUrls.To("attention")}#poison\">map {overview.MapPoisonDepth}, write {overview.WritePoisonDepth}</a> message(s) waiting.</p>");
        var body = cards.Count == 0
            ? Html.Of($"<p>No flow is configured: set the connectors' addresses (README, \"What runs today\").</p>")
            : Html.Of($"{poison}<div class=\"cards\">{Html.Join(cards)}</div>");
        return call.Page("flows", "Flows", body);
    }

    public async Task<IActionResult> SyncAsync(ConsoleCall call)
    {
        var flow = PolledFlow(call);
        var summary = await poller.RunAsync(flow, PollOptions.Scheduled, progress: null, call.CancellationToken);
        var detail = $"synced {flow} now: {summary.RecordsRead} read, {summary.Enqueued} sent on to mapping, {summary.SkippedUnchanged} unchanged, {summary.RejectsRetried} rejects retried";
        await audit.RecordAsync(call.Context.Principal.Name, "sync", flow, [], detail, call.CancellationToken);
        return call.Redirect(ConsoleUrls.To("/") + "#flow-" + flow, char.ToUpperInvariant(detail[0]) + detail[1..] + ".");
    }

    public async Task<IActionResult> DryRunAsync(ConsoleCall call)
    {
        var flow = PolledFlow(call);
        var report = await dryRunner.RunAsync(flow, since: null, limit: 200, progress: null, call.CancellationToken);
        Html Rows(IReadOnlyList<DryRunItem> items, string outcome) => Html.Join(items.Select(item =>
            Html.Of($"<tr><td data-label=\"Outcome\" class=\"{(outcome == "would write" ? "status-Written" : "status-Rejected")}\">{outcome}</td><td data-label=\"Record\">{item.SourceKey}</td><td data-label=\"Detail\">{item.Detail}</td></tr>")));
        var body = Html.Of($"""
            <p>Read from the source from the flow's cursor and mapped against X3's reference data. <strong>Nothing was written and the cursor did not move.</strong></p>
            <p data-testid="dry-run-summary">{report.WouldWrite.Count} would be written, {report.WouldReject.Count} would be rejected (at most 200 records read).</p>
            <div class="table-scroll"><table class="stackable"><thead><tr><th>Outcome</th><th>Record</th><th>Detail or reason</th></tr></thead>
            <tbody>{Rows(report.WouldReject, "would reject")}{Rows(report.WouldWrite, "would write")}</tbody></table></div>
            <p><a href="{ConsoleUrls.To("/")}">Back to the flows</a></p>
            """);
        return call.Page("flows", $"Dry run of {flow}", body);
    }

    private string PolledFlow(ConsoleCall call)
    {
        var name = call.Value("flow") ?? throw new ConsoleInputException("Which flow? The form sent none.");
        if (!catalog.All.Any(f => f.Name == name))
        {
            throw new ConsoleInputException($"There is no flow named {name}.");
        }

        return catalog.Get(name).IsPolled ? name : throw new ConsoleInputException($"{name} is fed by webhooks: its source sends records by itself, so there is nothing to sync or dry-run.");
    }

    private Html Card(PageContext context, FlowStatus flow, Core.Flows.FlowDefinition definition, FlowActivity counts, IReadOnlyList<FlowRun> runs, CursorEntity? cursor)
    {
        var schedule = definition.IsPolled
            ? Html.Of($"<code>{(definition.ScheduleSetting is { } setting ? configuration[setting] : null) ?? definition.DefaultSchedule}</code> <span class=\"muted\">(UTC, {definition.ScheduleSetting ?? "default"})</span>")
            : Html.Of($"webhook: the source sends each change");
        var lag = cursor?.NewestChangeSeen is { } newest
            ? Html.Of($"{PageContext.Age(context.Now - newest)} <span class=\"muted\">(newest change seen {context.Time(newest)})</span>")
            : Html.Of($"<span class=\"muted\">no change seen yet</span>");
        var lastRun = definition.IsPolled ? context.Time(flow.LastRun) : Html.Of($"<span class=\"muted\">not polled</span>");
        var error = flow.LastRunError is { } text ? Html.Of($"<p class=\"error\">Last run failed: {text}</p>") : Html.Empty;
        var poisoned = counts.All[RecordStatus.Failed];
        var actions = definition.IsPolled
            ? Html.Of($"<div class=\"actions\">{PageLayout.ActionForm(context, "flows/sync", "Sync now", [("flow", flow.Name)])}{PageLayout.ActionForm(context, "flows/dry-run", "Dry run", [("flow", flow.Name)], style: "secondary")}</div>")
            : Html.Empty;
        return Html.Of($"""
            <section class="card" id="flow-{flow.Name}" data-testid="flow-{flow.Name}" aria-labelledby="title-{flow.Name}">
            <h2 id="title-{flow.Name}">{flow.Name}</h2>
            <p class="muted">{definition.Description}</p>
            {error}
            <dl>
            <dt>Schedule</dt><dd>{schedule}</dd>
            <dt>Last run</dt><dd>{lastRun}</dd>
            <dt>Cursor</dt><dd>{CursorText(context, definition, flow.Cursor)}</dd>
            <dt>Lag</dt><dd>{lag}</dd>
            <dt>In poison</dt><dd>{(poisoned == 0 ? Html.Of($"none") : Html.Of($"<a href=\"{ConsoleUrls.To("attention", ("flow", flow.Name), ("status", "Failed"))}\">{poisoned} record(s)</a>"))}</dd>
            </dl>
            {CountsTable(flow.Name, counts)}
            {FlowChart.Render(flow.Name, counts.Hours, runs, context.Now, context.Zone)}
            {actions}
            </section>
            """);
    }

    private Html CursorText(PageContext context, Core.Flows.FlowDefinition definition, string? value) =>
        string.IsNullOrEmpty(value) ? Html.Of($"-")
        : definition.IsPolled && catalog.Parts(definition.Name).Source.Definition.CursorKind == Core.Flows.CursorKind.Timestamp ? context.Time(CursorStore.ParseInstant(value))
        : Html.Of($"<code>{value}</code>");

    private static Html CountsTable(string flow, FlowActivity counts)
    {
        var statuses = new[] { RecordStatus.Written, RecordStatus.Rejected, RecordStatus.Failed, RecordStatus.Received, RecordStatus.Mapped };
        var rows = Html.Join(statuses.Select(s => Html.Of(
            $"<tr><th scope=\"row\" class=\"status-{s}\">{Label(s)}</th><td class=\"num\">{counts.LastDay[s]}</td><td class=\"num\">{counts.LastWeek[s]}</td><td class=\"num\">{counts.All[s]}</td></tr>")));
        return Html.Of($"<table aria-label=\"{flow} records by status\"><thead><tr><th>Status</th><th class=\"num\">24 h</th><th class=\"num\">7 days</th><th class=\"num\">All</th></tr></thead><tbody>{rows}</tbody></table>");
    }

    private static string Label(RecordStatus status) => status switch
    {
        RecordStatus.Written => "Written",
        RecordStatus.Rejected => "Rejected",
        RecordStatus.Failed => "Failed (poison)",
        RecordStatus.Received => "Received",
        RecordStatus.Mapped => "Mapped, writing",
        _ => status.ToString(),
    };
}
