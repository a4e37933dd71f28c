using Microsoft.AspNetCore.Mvc;
using MlConnector.OperatorConsole.Data;
using MlConnector.OperatorConsole.Mappings;
using MlConnector.OperatorConsole.Markup;
using MlConnector.Pipeline.Audit;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Replay;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;

namespace MlConnector.OperatorConsole.Pages;

/// <summary>
/// Needs attention: rejected and failed records grouped by reason with counts, filterable by flow, status and age;
/// reprocess a group or a record, replay what sits in poison, add the missing mapping row of a mapping reject right
/// there (checked against X3 first), and mark a new reason as seen.
/// </summary>
public sealed class AttentionPage(
    FlowCatalog catalog,
    AttentionReader reader,
    AcknowledgedReasons acknowledged,
    RecordRecovery recovery,
    PoisonReplayer replayer,
    TableMappingTables mappings,
    MappingValidator validator,
    OperatorAudit audit)
{
    private const int GroupsPerPage = 20;
    private const int RecordsPerPage = 50;

    public async Task<IActionResult> ShowAsync(ConsoleCall call)
    {
        var context = call.Context;
        var filter = Filter(call);
        var all = await reader.GroupsAsync(new AttentionFilter(null, null, null), context.Now, call.CancellationToken);
        await acknowledged.ForgetResolvedAsync(all.Select(g => g.Id).ToHashSet(StringComparer.Ordinal), call.CancellationToken);
        var groups = all.Where(g => g.Records.Any(r => filter.Matches(r, context.Now))).ToList();
        var page = call.PageNumber;
        var shown = groups.Skip((page - 1) * GroupsPerPage).Take(GroupsPerPage).ToList();
        var rows = Html.Join(shown.Select(group => GroupRow(context, group)));
        var table = shown.Count == 0
            ? Html.Of($"<p data-testid=\"nothing-to-do\">Nothing needs attention{(filter.Flow is null && filter.Status is null && filter.Age is null ? string.Empty : " with these filters")}.</p>")
            : Html.Of($"""
                <div class="table-scroll"><table class="stackable" data-testid="attention-groups">
                <thead><tr><th>Reason</th><th>Flow</th><th class="num">Records</th><th>Last change</th><th>What to do</th></tr></thead>
                <tbody>{rows}</tbody></table></div>
                """);
        var poison = await PoisonSectionAsync(context, call.CancellationToken);
        var body = Html.Of($"""
            <p>Records that were <strong>rejected</strong> (the data does not map yet; retried on every sync) or <strong>failed</strong> (the target refused or kept failing; waiting in a poison queue until replayed), grouped by reason.</p>
            {FilterForm(filter)}
            <p class="muted">{groups.Count} reason(s), {groups.Sum(g => g.Records.Count)} record(s).</p>
            {table}
            {PageLayout.Pager("attention", page, groups.Count > page * GroupsPerPage, ("flow", filter.Flow), ("status", filter.Status?.ToString()), ("age", filter.Age))}
            {poison}
            """);
        return call.Page("attention", "Needs attention", body);
    }

    public async Task<IActionResult> GroupAsync(ConsoleCall call)
    {
        var context = call.Context;
        var group = await FindGroupAsync(call);
        var page = call.PageNumber;
        var records = group.Records.Skip((page - 1) * RecordsPerPage).Take(RecordsPerPage);
        var rows = Html.Join(records.Select(r => Html.Of($"""
            <tr><td data-label="Record"><a href="{ConsoleUrls.To("record", ("flow", r.Flow), ("key", r.SourceKey))}">{r.SourceKey}</a></td>
            <td data-label="Status" class="status-{r.Status}">{r.Status}</td><td data-label="Attempts" class="num">{r.Attempts}</td>
            <td data-label="Last change">{context.Time(r.UpdatedAt)}</td>
            <td data-label="Action">{RecordAction(context, r)}</td></tr>
            """)));
        var body = Html.Of($"""
            <p><a href="{ConsoleUrls.To("attention")}">← All reasons</a></p>
            <p class="error" data-testid="group-reason">{group.Reason}</p>
            <p>{group.Records.Count} record(s) of <strong>{group.Flow}</strong>.</p>
            {Fixes(context, group)}
            <div class="table-scroll"><table class="stackable"><thead><tr><th>Record</th><th>Status</th><th class="num">Attempts</th><th>Last change</th><th>Action</th></tr></thead><tbody>{rows}</tbody></table></div>
            {PageLayout.Pager("attention/group", page, group.Records.Count > page * RecordsPerPage, ("flow", group.Flow), ("group", group.Id))}
            """);
        return call.Page("attention", "Records with one reason", body);
    }

    public async Task<IActionResult> ReprocessAsync(ConsoleCall call)
    {
        var actor = call.Context.Principal.Name;
        var (flow, keys, what) = await TargetsAsync(call);
        var requeued = await recovery.RetryRejectedAsync(flow, keys, actor, call.CancellationToken);
        await audit.RecordAsync(actor, "reprocess", flow, requeued, $"reprocess of {what}: {requeued.Count} record(s) sent back to mapping", call.CancellationToken);
        return call.Redirect(ConsoleUrls.To(call.Value("back") ?? "attention"), $"{requeued.Count} record(s) of {flow} sent back to mapping; they are written within moments if the cause is fixed.");
    }

    public async Task<IActionResult> ReplayAsync(ConsoleCall call)
    {
        var actor = call.Context.Principal.Name;
        var flow = call.Value("flow");
        var queue = call.Value("queue") is { } q ? Enum.Parse<PipelineQueue>(q, ignoreCase: true) : (PipelineQueue?)null;
        if (flow is not null && !catalog.All.Any(f => f.Name == flow))
        {
            throw new ConsoleInputException($"There is no flow named {flow}.");
        }

        var filters = call.Value("group") is not null || call.Value("record") is not null
            ? (await TargetsAsync(call)).Keys.Select(key => new ReplayFilter(flow, key, queue) { Actor = actor })
            : [new ReplayFilter(flow, null, queue) { Actor = actor }];
        var replayed = new List<string>();
        var total = 0;
        foreach (var filter in filters)
        {
            var result = await replayer.ReplayAsync(filter, call.CancellationToken);
            replayed.AddRange(result.Records);
            total += result.Total;
        }

        await audit.RecordAsync(actor, "replay", flow, replayed, $"replay from poison{(flow is null ? string.Empty : " of " + flow)}{(queue is null ? string.Empty : $" ({queue} queue)")}: {total} message(s) requeued", call.CancellationToken);
        return call.Redirect(ConsoleUrls.To(call.Value("back") ?? "attention"), total == 0 ? "No poison message matched: nothing was replayed." : $"{total} message(s) requeued from poison; the stages take them again now.");
    }

    public async Task<IActionResult> AddMappingAsync(ConsoleCall call)
    {
        var actor = call.Context.Principal.Name;
        var group = await FindGroupAsync(call);
        var table = call.Value("table") ?? throw new ConsoleInputException("Which mapping table? The form sent none.");
        var source = call.Value("source") ?? throw new ConsoleInputException("Which source value? The form sent none.");
        var target = call.Value("target") ?? throw new ConsoleInputException($"Type the X3 code that {table} {source} should map to.");
        var entry = new MappingEntry(table, source, target);
        if ((await validator.ValidateAsync([entry], call.CancellationToken)) is [var problem, ..])
        {
            throw new ConsoleInputException($"Not saved: {problem.Problem}");
        }

        await mappings.SetAsync(table, source, target, call.CancellationToken);
        var keys = group.Records.Where(r => r.StatusValue == RecordStatus.Rejected).Select(r => r.SourceKey).ToList();
        await audit.RecordAsync(actor, "mapping", group.Flow, keys, $"added mapping row {table},{source},{target} for \"{group.Reason}\"", call.CancellationToken);
        var requeued = await recovery.RetryRejectedAsync(group.Flow, keys, actor, call.CancellationToken);
        await audit.RecordAsync(actor, "reprocess", group.Flow, requeued, $"reprocess after adding {table},{source},{target}: {requeued.Count} record(s) sent back to mapping", call.CancellationToken);
        return call.Redirect(ConsoleUrls.To("attention"), $"Mapping {table} {source} → {target} saved; {requeued.Count} record(s) of {group.Flow} sent back to mapping.");
    }

    public async Task<IActionResult> AcknowledgeAsync(ConsoleCall call)
    {
        var group = await FindGroupAsync(call);
        await acknowledged.AcknowledgeAsync(group.Id, group.Flow, group.Key, call.Context.Principal.Name, call.Context.Now, call.CancellationToken);
        await audit.RecordAsync(call.Context.Principal.Name, "acknowledge", group.Flow, [], $"marked the reason \"{group.Key}\" as seen", call.CancellationToken);
        return call.Redirect(ConsoleUrls.To("attention"), "Marked as seen; it stays listed until its records are fixed.");
    }

    private static AttentionFilter Filter(ConsoleCall call) =>
        new(call.Value("flow"), Enum.TryParse<RecordStatus>(call.Value("status"), out var status) ? status : null, call.Value("age"));

    private async Task<AttentionGroup> FindGroupAsync(ConsoleCall call)
    {
        var flow = call.Value("flow") ?? throw new ConsoleInputException("Which flow? The form sent none.");
        var id = call.Value("group") ?? throw new ConsoleInputException("Which reason? The form sent none.");
        var groups = await reader.GroupsAsync(new AttentionFilter(flow, null, null), call.Context.Now, call.CancellationToken);
        return groups.FirstOrDefault(g => g.Id == id)
            ?? throw new ConsoleInputException("No record has that reason any more: it may have been fixed meanwhile. Reload Needs attention.");
    }

    /// <summary>The records an action names: one record, or every record of a reason group.</summary>
    private async Task<(string Flow, IReadOnlyList<string> Keys, string What)> TargetsAsync(ConsoleCall call)
    {
        var flow = call.Value("flow") ?? throw new ConsoleInputException("Which flow? The form sent none.");
        if (call.Value("record") is { } record)
        {
            return (flow, [record], $"record {record}");
        }

        var group = await FindGroupAsync(call);
        return (flow, group.Records.Select(r => r.SourceKey).ToList(), $"the {group.Records.Count} record(s) with \"{group.Reason}\"");
    }

    private Html GroupRow(PageContext context, AttentionGroup group)
    {
        var isNew = group.Acknowledged ? Html.Empty : Html.Of($" <span class=\"tag new\">new</span>");
        var link = ConsoleUrls.To("attention/group", ("flow", group.Flow), ("group", group.Id));
        return Html.Of($"""
            <tr data-testid="group">
            <td data-label="Reason"><a href="{link}">{group.Reason}</a>{isNew}<br><span class="muted status-{group.Status}">{group.Status}</span></td>
            <td data-label="Flow">{group.Flow}</td>
            <td data-label="Records" class="num">{group.Records.Count}</td>
            <td data-label="Last change">{context.Time(group.Newest)}</td>
            <td data-label="What to do">{Fixes(context, group)}</td>
            </tr>
            """);
    }

    private static Html Fixes(PageContext context, AttentionGroup group)
    {
        if (!context.CanChange)
        {
            return Html.Of($"<span class=\"muted\">An Operator can fix this.</span>");
        }

        var fields = new List<(string, string)> { ("flow", group.Flow), ("group", group.Id) };
        var mappingForms = Html.Join(group.Missing.Select(miss => Html.Of($"""
            <form method="post" action="{ConsoleUrls.To("attention/mapping")}" class="row" data-testid="add-mapping">
            <input type="hidden" name="flow" value="{group.Flow}"><input type="hidden" name="group" value="{group.Id}">
            <input type="hidden" name="table" value="{miss.Table}"><input type="hidden" name="source" value="{miss.Source}">
            <label>{miss.Table} <strong>{miss.Source}</strong> → <input name="target" required size="12" aria-label="X3 code for {miss.Table} {miss.Source}"></label>
            <button type="submit">Add mapping and reprocess</button>
            </form>
            """)));
        var main = group.Status == RecordStatus.Rejected
            ? PageLayout.ActionForm(context, "attention/reprocess", $"Reprocess {group.Records.Count}", fields, confirm: $"Send the {group.Records.Count} record(s) back to mapping?")
            : PageLayout.ActionForm(context, "attention/replay", $"Replay {group.Records.Count}", fields, confirm: $"Requeue the {group.Records.Count} record(s) from poison?");
        var seen = group.Acknowledged ? Html.Empty : PageLayout.ActionForm(context, "attention/acknowledge", "Mark as seen", fields, style: "secondary");
        return Html.Of($"{mappingForms}<div class=\"actions\">{main}{seen}</div>");
    }

    private static Html RecordAction(PageContext context, RecordEntity row) =>
        row.StatusValue == RecordStatus.Rejected
            ? PageLayout.ActionForm(context, "attention/reprocess", "Reprocess", [("flow", row.Flow), ("record", row.SourceKey)])
            : PageLayout.ActionForm(context, "attention/replay", "Replay", [("flow", row.Flow), ("record", row.SourceKey)]);

    private Html FilterForm(AttentionFilter filter)
    {
        var flows = Html.Join(catalog.All.Select(f => f.Name).Order(StringComparer.Ordinal).Select(name =>
            Html.Of($"<option value=\"{name}\"{(name == filter.Flow ? Html.Raw(" selected") : Html.Empty)}>{name}</option>")));
        var ages = Html.Join(AttentionFilter.Ages.Select(a =>
            Html.Of($"<option value=\"{a.Value}\"{(a.Value == (filter.Age ?? string.Empty) ? Html.Raw(" selected") : Html.Empty)}>{a.Label}</option>")));
        var statuses = Html.Join(new[] { ("", "Rejected and failed"), ("Rejected", "Rejected"), ("Failed", "Failed (poison)") }.Select(s =>
            Html.Of($"<option value=\"{s.Item1}\"{(s.Item1 == (filter.Status?.ToString() ?? string.Empty) ? Html.Raw(" selected") : Html.Empty)}>{s.Item2}</option>")));
        return Html.Of($"""
            <form method="get" action="{ConsoleUrls.To("attention")}" class="row" role="search" aria-label="Filter">
            <label>Flow <select name="flow"><option value="">All flows</option>{flows}</select></label>
            <label>Status <select name="status">{statuses}</select></label>
            <label>Age <select name="age">{ages}</select></label>
            <button type="submit" class="secondary">Filter</button>
            </form>
            """);
    }

    private async Task<Html> PoisonSectionAsync(PageContext context, CancellationToken cancellationToken)
    {
        var entries = await replayer.ListAsync(32, cancellationToken);
        var rows = Html.Join(entries.Select(e => Html.Of($"""
            <tr><td data-label="Queue">{e.Queue.ToString().ToLowerInvariant()}-poison</td><td data-label="Flow">{e.Flow}</td>
            <td data-label="Record"><a href="{ConsoleUrls.To("record", ("flow", e.Flow), ("key", e.SourceKey))}">{e.SourceKey}</a></td>
            <td data-label="Action">{PageLayout.ActionForm(context, "attention/replay", "Replay", [("flow", e.Flow), ("record", e.SourceKey), ("queue", e.Queue.ToString())])}</td></tr>
            """)));
        var replayAll = entries.Count > 0 ? PageLayout.ActionForm(context, "attention/replay", "Replay everything in poison", [], confirm: "Requeue every poison message? Fix the cause first, or they come back.") : Html.Empty;
        return Html.Of($"""
            <h2 id="poison">Poison queues</h2>
            <p>Messages that failed 5 times, or that the target refused outright. Fix the cause (credentials, the target being down, the data), then replay: writes are idempotent, so nothing is written twice.</p>
            {(entries.Count == 0 ? Html.Of($"<p data-testid=\"poison-empty\">Both poison queues are empty.</p>") : Html.Of($"<div class=\"table-scroll\"><table class=\"stackable\" data-testid=\"poison\"><thead><tr><th>Queue</th><th>Flow</th><th>Record</th><th>Action</th></tr></thead><tbody>{rows}</tbody></table></div>{replayAll}"))}
            """);
    }
}
