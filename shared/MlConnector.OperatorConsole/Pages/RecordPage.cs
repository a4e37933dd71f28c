using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using MlConnector.OperatorConsole.Markup;
using MlConnector.Pipeline.Audit;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Replay;

namespace MlConnector.OperatorConsole.Pages;

/// <summary>
/// Records: search by source key, X3 document number or correlation id; one record's lineage (received, mapped,
/// written or rejected, each attempt with its error, the target id, and every operator action on it), and the source
/// payload and the document sent, each viewable and downloadable.
/// </summary>
public sealed class RecordPage(FlowCatalog catalog, RecordSearch search, PipelineStatusReader status, RecordDocuments documents, OperatorAudit audit)
{
    private const int MaxResults = 50;

    public async Task<IActionResult> SearchAsync(ConsoleCall call)
    {
        var context = call.Context;
        var term = call.Value("q");
        var results = term is null ? [] : await search.FindAsync(term, MaxResults, call.CancellationToken);
        var rows = Html.Join(results.Select(r => Html.Of($"""
            <tr><td data-label="Flow">{r.Flow}</td><td data-label="Record"><a href="{ConsoleUrls.To("record", ("flow", r.Flow), ("key", r.SourceKey))}">{r.SourceKey}</a></td>
            <td data-label="Status" class="status-{r.Status}">{r.Status}</td><td data-label="Target id">{r.TargetId ?? "-"}</td><td data-label="Last change">{context.Time(r.UpdatedAt)}</td></tr>
            """)));
        var found = term is null
            ? Html.Empty
            : results.Count == 0
                ? Html.Of($"<p data-testid=\"no-records\">No record has the source key, X3 document number or correlation id <strong>{term}</strong>.</p>")
                : Html.Of($"<div class=\"table-scroll\"><table class=\"stackable\" data-testid=\"record-results\"><thead><tr><th>Flow</th><th>Record</th><th>Status</th><th>Target id</th><th>Last change</th></tr></thead><tbody>{rows}</tbody></table></div>");
        var body = Html.Of($"""
            <form method="get" action="{ConsoleUrls.To("records")}" class="row" role="search">
            <label for="q">Source key, X3 document number or correlation id</label>
            <input id="q" name="q" value="{term ?? string.Empty}" size="30" required>
            <button type="submit">Find</button>
            </form>
            {found}
            """);
        return call.Page("records", "Records", body);
    }

    public async Task<IActionResult> ShowAsync(ConsoleCall call)
    {
        var context = call.Context;
        var (flow, key) = Identify(call);
        var lineage = await status.LineageAsync(flow, key, call.CancellationToken)
            ?? throw new ConsoleInputException($"Flow {flow} has no record {key}.");
        var row = lineage.Record;
        var actions = await audit.ForRecordAsync(flow, key, call.CancellationToken);
        var source = await documents.SourceAsync(row, call.CancellationToken);
        var mapped = await documents.MappedAsync(row, call.CancellationToken);
        var target = catalog.Get(flow).TargetSystem;
        var timeline = Html.Join(
            lineage.History.Select(h => (h.At, Item: Html.Of($"""
                <li class="{h.Status}"><strong>{StageLabel(h.Stage)}</strong> → <span class="status-{h.Status}">{h.Status}</span> {context.Time(h.At)}
                <span class="muted">attempt {h.Attempt}, source version {h.SourceVersion}</span>
                {(h.TargetId is { } id ? Html.Of($"<br>Target id <strong>{id}</strong>") : Html.Empty)}
                {(h.Reason is { } reason ? Html.Of($"<br><span class=\"{(h.Status is "Rejected" or "Failed" ? "status-Rejected" : "muted")}\">{reason}</span>") : Html.Empty)}</li>
                """)))
            .Concat(actions.Select(a => (a.At, Item: Html.Of($"<li class=\"operator\" data-testid=\"operator-action\"><strong>{a.Actor}</strong> {a.Action} {context.Time(a.At)}<br><span class=\"muted\">{a.Detail}</span></li>"))))
            .OrderBy(item => item.At)
            .Select(item => item.Item));
        var fix = row.StatusValue switch
        {
            RecordStatus.Rejected => PageLayout.ActionForm(context, "attention/reprocess", "Reprocess this record", [("flow", flow), ("record", key), ("back", $"record?flow={Uri.EscapeDataString(flow)}&key={Uri.EscapeDataString(key)}")]),
            RecordStatus.Failed => PageLayout.ActionForm(context, "attention/replay", "Replay from poison", [("flow", flow), ("record", key), ("back", $"record?flow={Uri.EscapeDataString(flow)}&key={Uri.EscapeDataString(key)}")]),
            _ => Html.Empty,
        };
        var body = Html.Of($"""
            <dl class="card" data-testid="record-summary">
            <dt>Flow</dt><dd>{flow}</dd>
            <dt>Source key</dt><dd>{key}</dd>
            <dt>Status</dt><dd class="status-{row.Status}" data-testid="record-status">{row.Status}</dd>
            <dt>{target} id</dt><dd data-testid="target-id">{row.TargetId ?? "-"}</dd>
            <dt>Summary</dt><dd>{row.Summary ?? "-"}</dd>
            <dt>Source version</dt><dd>{row.SourceVersion}</dd>
            <dt>Correlation id</dt><dd>{row.CorrelationId}</dd>
            <dt>Attempts</dt><dd>{row.Attempts}</dd>
            {(row.Reason is { } why ? Html.Of($"<dt>Reason</dt><dd class=\"status-Rejected\">{why}</dd>") : Html.Empty)}
            </dl>
            <div class="actions">{fix}</div>
            <h2>Lineage</h2>
            <ol class="timeline" data-testid="timeline">{timeline}</ol>
            {Document("Source payload", "source", flow, key, source, "Not kept: the payload was over 30,000 characters and is released once the record is mapped.")}
            {Document(row.StatusValue == RecordStatus.Written ? $"Document sent to {target}" : $"Document mapped for {target} (not written yet)", "document", flow, key, mapped, "None: the record has not been mapped.")}
            """);
        return call.Page("records", $"Record {key}", body);
    }

    public async Task<IActionResult> DocumentAsync(ConsoleCall call)
    {
        var (flow, key) = Identify(call);
        var row = (await status.LineageAsync(flow, key, call.CancellationToken))?.Record ?? throw new ConsoleInputException($"Flow {flow} has no record {key}.");
        var kind = call.Value("kind");
        var content = kind == "source" ? await documents.SourceAsync(row, call.CancellationToken) : await documents.MappedAsync(row, call.CancellationToken);
        if (content is null)
        {
            throw new ConsoleInputException($"No {(kind == "source" ? "source payload" : "mapped document")} is kept for {key}.");
        }

        var safeKey = string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return ConsoleCall.Download($"{flow}-{safeKey}-{(kind == "source" ? "source" : "document")}.json", "application/json", Pretty(content));
    }

    private (string Flow, string Key) Identify(ConsoleCall call)
    {
        var flow = call.Value("flow") ?? throw new ConsoleInputException("Which flow? The link named none.");
        var key = call.Request.Query["key"].ToString() is { Length: > 0 } k ? k : throw new ConsoleInputException("Which record? The link named none.");
        if (!catalog.All.Any(f => f.Name == flow))
        {
            throw new ConsoleInputException($"There is no flow named {flow}.");
        }

        return (flow, key);
    }

    private static Html Document(string title, string kind, string flow, string key, string? content, string absent)
    {
        var testId = kind == "source" ? "source-payload" : "sent-document";
        if (content is null)
        {
            return Html.Of($"<h2>{title}</h2><p class=\"muted\" data-testid=\"{testId}\">{absent}</p>");
        }

        var download = ConsoleUrls.To("record/document", ("flow", flow), ("key", key), ("kind", kind));
        return Html.Of($"""
            <h2>{title}</h2>
            <p><a href="{download}" download data-testid="{testId}-download">Download {title.ToLowerInvariant()} (JSON)</a></p>
            <details><summary>Show</summary><pre tabindex="0" aria-label="{title}" data-testid="{testId}">{Pretty(content)}</pre></details>
            """);
    }

    private static string Pretty(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true });
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static string StageLabel(string stage) => stage switch
    {
        "intake" => "Received",
        "map" => "Mapped",
        "write" => "Write",
        "reprocess" => "Reprocess",
        "replay" => "Replay",
        "recover" => "Recovered",
        _ => stage,
    };
}
