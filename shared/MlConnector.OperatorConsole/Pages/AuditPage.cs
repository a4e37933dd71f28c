using Microsoft.AspNetCore.Mvc;
using MlConnector.OperatorConsole.Markup;
using MlConnector.Pipeline.Audit;

namespace MlConnector.OperatorConsole.Pages;

/// <summary>Audit: every change made from the console or the admin API, newest first, with who made it and when.</summary>
public sealed class AuditPage(OperatorAudit audit)
{
    private const int RowsPerPage = 50;

    public async Task<IActionResult> ShowAsync(ConsoleCall call)
    {
        var context = call.Context;
        var page = call.PageNumber;
        var actions = await audit.RecentAsync(call.Value("flow"), (page - 1) * RowsPerPage, RowsPerPage + 1, call.CancellationToken);
        var rows = Html.Join(actions.Take(RowsPerPage).Select(a => Html.Of($"""
            <tr><td data-label="When">{context.Time(a.At)}</td><td data-label="Who">{a.Actor}</td><td data-label="Action">{a.Action}</td>
            <td data-label="Flow">{a.Flow ?? "-"}</td><td data-label="What">{a.Detail}</td></tr>
            """)));
        var body = Html.Of($"""
            <div class="table-scroll"><table class="stackable" data-testid="audit"><thead><tr><th>When</th><th>Who</th><th>Action</th><th>Flow</th><th>What</th></tr></thead><tbody>{rows}</tbody></table></div>
            {PageLayout.Pager("audit", page, actions.Count > RowsPerPage, ("flow", call.Value("flow")))}
            """);
        return call.Page("audit", "Audit", body);
    }
}
