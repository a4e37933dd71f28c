using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MlConnector.Core.Flows;
using MlConnector.OperatorConsole.Markup;
using MlConnector.Pipeline.Audit;
using MlConnector.Pipeline.Cursors;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Records;

namespace MlConnector.OperatorConsole.Pages;

/// <summary>
/// Cursors: where each polled flow reads from next, and moving it back for a backfill ("re-read everything changed
/// since the 1st"). Moving asks first and says what will be re-read and why nothing already written is written twice.
/// </summary>
public sealed class CursorsPage(FlowCatalog catalog, CursorStore cursors, RecordActivity activity, OperatorAudit audit)
{
    public async Task<IActionResult> ShowAsync(ConsoleCall call)
    {
        var context = call.Context;
        var rows = new List<Html>();
        foreach (var flow in catalog.All.Where(f => f.IsPolled).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var stream = catalog.Parts(flow.Name).Source.Definition;
            var cursor = await cursors.GetAsync(flow.Name, stream.Name, call.CancellationToken);
            var move = context.CanChange ? MoveForm(flow.Name, stream) : Html.Of($"<span class=\"muted\">An Operator can move it.</span>");
            rows.Add(Html.Of($"""
                <tr data-testid="cursor-{flow.Name}"><th scope="row" data-label="Flow">{flow.Name}</th>
                <td data-label="Reads next from">{Describe(context, stream, cursor?.Value)}</td>
                <td data-label="Last run">{context.Time(cursor?.LastRunFinishedAt ?? cursor?.LastRunStartedAt)}</td>
                <td data-label="Move">{move}</td></tr>
                """));
        }

        var body = Html.Of($"""
            <p>Each polled flow remembers how far it has read its source. Moving a cursor back makes the next sync read again from there (a backfill); records whose version is already written are recognised and not written twice.</p>
            <div class="table-scroll"><table class="stackable"><thead><tr><th>Flow</th><th>Reads next from</th><th>Last run</th><th>Move to</th></tr></thead><tbody>{Html.Join(rows)}</tbody></table></div>
            """);
        return call.Page("cursors", "Cursors", body);
    }

    public async Task<IActionResult> ConfirmAsync(ConsoleCall call)
    {
        var context = call.Context;
        var (flow, stream) = Flow(call);
        var target = Target(call, stream);
        var cursor = await cursors.GetAsync(flow, stream.Name, call.CancellationToken);
        var (known, written) = await activity.ChangedSinceAsync(flow, target, call.CancellationToken);
        var from = target is { } at ? Html.Of($"{context.Time(at)}") : Html.Of($"the beginning of its source");
        var overlap = target is not null && stream.CursorKind == CursorKind.Timestamp && stream.OverlapWindow > TimeSpan.Zero
            ? Html.Of($" (less the {(int)stream.OverlapWindow.TotalMinutes}-minute overlap every poll keeps)")
            : Html.Empty;
        var body = Html.Of($"""
            <div class="card" data-testid="cursor-confirmation">
            <p>Move <strong>{flow}</strong> from {Describe(context, stream, cursor?.Value)} to {from}?</p>
            <p>The next sync of {flow} re-reads every {catalog.Get(flow).SourceSystem} change since {from}{overlap}.
            This connector already knows <strong data-testid="known-count">{known}</strong> record(s) changed since then, {written} of them written to {catalog.Get(flow).TargetSystem}:
            a version already written is skipped, not written twice; a rejected one is mapped again; anything new is written.</p>
            <form method="post" action="{ConsoleUrls.To("cursors/move")}" class="row">
            <input type="hidden" name="flow" value="{flow}">
            <input type="hidden" name="to" value="{target?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty}">
            <input type="hidden" name="confirm" value="yes">
            <button type="submit">Yes, move the cursor</button>
            <a class="button secondary" href="{ConsoleUrls.To("cursors")}">Cancel</a>
            </form>
            </div>
            """);
        return call.Page("cursors", $"Move the cursor of {flow}", body);
    }

    public async Task<IActionResult> MoveAsync(ConsoleCall call)
    {
        var (flow, stream) = Flow(call);
        if (call.Value("confirm") != "yes")
        {
            throw new ConsoleInputException("Confirm the move on the confirmation page first.");
        }

        DateTimeOffset? target = call.Value("to") is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;
        var before = (await cursors.GetAsync(flow, stream.Name, call.CancellationToken))?.Value;
        await cursors.ResetAsync(flow, stream.Name, target, call.CancellationToken);
        var to = target is { } at ? CursorStore.FormatInstant(at) : "the beginning";
        await audit.RecordAsync(call.Context.Principal.Name, "cursor", flow, [], $"moved the cursor from {(string.IsNullOrEmpty(before) ? "the beginning" : before)} to {to}", call.CancellationToken);
        return call.Redirect(ConsoleUrls.To("cursors"), $"{flow} reads from {to} on its next sync (or press Sync now on Flows).");
    }

    private (string Flow, StreamDefinition Stream) Flow(ConsoleCall call)
    {
        var name = call.Value("flow") ?? throw new ConsoleInputException("Which flow?");
        if (!catalog.All.Any(f => f.Name == name) || !catalog.Get(name).IsPolled)
        {
            throw new ConsoleInputException($"{name} is not a polled flow: only polled flows have a cursor.");
        }

        return (name, catalog.Parts(name).Source.Definition);
    }

    /// <summary>The instant the operator picked (date and time in their zone), or null for "from the beginning".</summary>
    private static DateTimeOffset? Target(ConsoleCall call, StreamDefinition stream)
    {
        if (call.Value("from") == "beginning")
        {
            return null;
        }

        if (stream.CursorKind == CursorKind.Opaque)
        {
            throw new ConsoleInputException("This source hands out an opaque position, not a date: it can only be read again from the beginning.");
        }

        var date = call.Value("date") ?? throw new ConsoleInputException("Pick the date to re-read from.");
        if (!DateTime.TryParseExact($"{date} {call.Value("time") ?? "00:00"}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new ConsoleInputException($"'{date} {call.Value("time")}' is not a date and time (yyyy-MM-dd and HH:mm).");
        }

        var zone = call.Context.Zone;
        var instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return instant > call.Context.Now ? throw new ConsoleInputException("That is in the future: a cursor can only move back to re-read changes.") : instant;
    }

    private static Html Describe(PageContext context, StreamDefinition stream, string? value) =>
        string.IsNullOrEmpty(value) ? Html.Of($"the beginning")
        : stream.CursorKind == CursorKind.Opaque ? Html.Of($"<code>{value}</code> <span class=\"muted\">(the source's own position)</span>")
        : context.Time(CursorStore.ParseInstant(value));

    private static Html MoveForm(string flow, StreamDefinition stream) =>
        stream.CursorKind == CursorKind.Opaque
            ? Html.Of($"""
                <form method="get" action="{ConsoleUrls.To("cursors/move")}" class="row"><input type="hidden" name="flow" value="{flow}"><input type="hidden" name="from" value="beginning">
                <button type="submit" class="secondary">Read everything again…</button></form>
                """)
            : Html.Of($"""
                <form method="get" action="{ConsoleUrls.To("cursors/move")}" class="row">
                <input type="hidden" name="flow" value="{flow}">
                <label>Date <input type="date" name="date" required aria-label="Re-read {flow} from this date"></label>
                <label>Time <input type="time" name="time" value="00:00"></label>
                <button type="submit" class="secondary">Move…</button>
                </form>
                """);
}
