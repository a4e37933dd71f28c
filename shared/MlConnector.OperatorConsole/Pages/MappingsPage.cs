using Microsoft.AspNetCore.Mvc;
using MlConnector.OperatorConsole.Mappings;
using MlConnector.OperatorConsole.Markup;
using MlConnector.Pipeline.Audit;
using MlConnector.Pipeline.Mapping;

namespace MlConnector.OperatorConsole.Pages;

/// <summary>
/// Mappings: the customer's lookup tables, searchable and paged; add or delete a row; import and export the same CSV
/// as `mlc mappings` (table,source,target). Rows are checked against X3 before anything is saved, and an import with
/// one bad row saves none.
/// </summary>
public sealed class MappingsPage(TableMappingTables mappings, MappingValidator validator, OperatorAudit audit)
{
    private const int RowsPerPage = 50;

    public async Task<IActionResult> ShowAsync(ConsoleCall call) => await RenderAsync(call, problems: null, csv: null);

    public async Task<IActionResult> ExportAsync(ConsoleCall call)
    {
        var table = call.Value("table");
        var csv = MappingCsv.Write(await mappings.ListAsync(table, call.CancellationToken));
        return ConsoleCall.Download(table is null ? "mappings.csv" : $"mappings-{table}.csv", "text/csv; charset=utf-8", csv);
    }

    public async Task<IActionResult> SetAsync(ConsoleCall call)
    {
        var entry = new MappingEntry(
            call.Value("table") ?? throw new ConsoleInputException("Choose a table."),
            call.Value("source") ?? throw new ConsoleInputException("Type the source value."),
            call.Value("target") ?? throw new ConsoleInputException("Type the X3 code."));
        if ((await validator.ValidateAsync([entry], call.CancellationToken)) is [var problem, ..])
        {
            throw new ConsoleInputException($"Not saved: {problem.Problem}");
        }

        await mappings.SetAsync(entry.Table, entry.Source, entry.Target, call.CancellationToken);
        await audit.RecordAsync(call.Context.Principal.Name, "mapping", flow: null, [], $"set mapping row {entry.Table},{entry.Source},{entry.Target}", call.CancellationToken);
        return call.Redirect(ConsoleUrls.To("mappings", ("q", entry.Source)), $"Saved {entry.Table} {entry.Source} → {entry.Target}. Rejected records that needed it are retried on their flow's next sync, or reprocess them from Needs attention.");
    }

    public async Task<IActionResult> DeleteAsync(ConsoleCall call)
    {
        var table = call.Value("table") ?? throw new ConsoleInputException("Which table?");
        var source = call.Value("source") ?? throw new ConsoleInputException("Which row?");
        var removed = await mappings.RemoveAsync(table, source, call.CancellationToken);
        await audit.RecordAsync(call.Context.Principal.Name, "mapping", flow: null, [], $"deleted mapping row {table},{source}", call.CancellationToken);
        return call.Redirect(ConsoleUrls.To("mappings"), removed ? $"Deleted {table} {source}." : $"{table} {source} was already gone.");
    }

    public async Task<IActionResult> ImportAsync(ConsoleCall call)
    {
        var csv = call.Value("csv");
        if (call.Form?.Files.GetFile("file") is { Length: > 0 } file)
        {
            using var reader = new StreamReader(file.OpenReadStream());
            csv = await reader.ReadToEndAsync(call.CancellationToken);
        }

        if (string.IsNullOrWhiteSpace(csv))
        {
            throw new ConsoleInputException("Choose a CSV file or paste rows (table,source,target).");
        }

        IReadOnlyList<MappingEntry> entries;
        try
        {
            entries = MappingCsv.Read(csv);
        }
        catch (FormatException ex)
        {
            return await RenderAsync(call, [ex.Message], csv);
        }

        var problems = await validator.ValidateAsync(entries, call.CancellationToken);
        if (problems.Count > 0)
        {
            return await RenderAsync(call, problems.Select(p => $"Row {p.Line} ({p.Entry.Table},{p.Entry.Source},{p.Entry.Target}): {p.Problem}").ToList(), csv);
        }

        foreach (var entry in entries)
        {
            await mappings.SetAsync(entry.Table, entry.Source, entry.Target, call.CancellationToken);
        }

        await audit.RecordAsync(call.Context.Principal.Name, "mapping", flow: null, [], $"imported {entries.Count} mapping row(s): {string.Join("; ", entries.Take(20).Select(e => $"{e.Table},{e.Source},{e.Target}"))}{(entries.Count > 20 ? "; …" : string.Empty)}", call.CancellationToken);
        return call.Redirect(ConsoleUrls.To("mappings"), $"Imported {entries.Count} row(s) into {entries.Select(e => e.Table).Distinct().Count()} table(s), all checked against X3.");
    }

    private async Task<IActionResult> RenderAsync(ConsoleCall call, IReadOnlyList<string>? problems, string? csv)
    {
        var context = call.Context;
        var table = call.Value("table");
        var term = call.Value("q");
        var all = (await mappings.ListAsync(table, call.CancellationToken))
            .Where(e => term is null || e.Source.Contains(term, StringComparison.OrdinalIgnoreCase) || e.Target.Contains(term, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var page = call.PageNumber;
        var rows = Html.Join(all.Skip((page - 1) * RowsPerPage).Take(RowsPerPage).Select(e => Html.Of($"""
            <tr><td data-label="Table">{e.Table}</td><td data-label="Source">{e.Source}</td><td data-label="X3 code">{e.Target}</td>
            <td data-label="Action">{PageLayout.ActionForm(context, "mappings/delete", "Delete", [("table", e.Table), ("source", e.Source)], confirm: $"Delete {e.Table} {e.Source}?", style: "secondary")}</td></tr>
            """)));
        var tableOptions = Html.Join(MappingValidator.Tables.Keys.Select(name => Html.Of($"<option value=\"{name}\"{(name == table ? Html.Raw(" selected") : Html.Empty)}>{name}</option>")));
        var errors = problems is null ? Html.Empty : Html.Of($"<div class=\"error\" role=\"alert\" data-testid=\"import-problems\"><p>Nothing was imported: fix these rows and try again.</p><ul>{Html.Join(problems.Select(p => Html.Of($"<li>{p}</li>")))}</ul></div>");
        var change = context.CanChange
            ? Html.Of($"""
                <h2>Add or change a row</h2>
                <form method="post" action="{ConsoleUrls.To("mappings/set")}" class="row">
                <label>Table <select name="table" required>{tableOptions}</select></label>
                <label>Source value <input name="source" required size="14"></label>
                <label>X3 code <input name="target" required size="14"></label>
                <button type="submit">Check and save</button>
                </form>
                <h2>Import</h2>
                <form method="post" action="{ConsoleUrls.To("mappings/import")}" enctype="multipart/form-data" class="stack">
                <label for="file">CSV file <span class="hint">(table,source,target; the same file as <code>mlc mappings import</code>)</span></label>
                <input id="file" type="file" name="file" accept=".csv,text/csv">
                <label for="csv">or paste rows</label>
                <textarea id="csv" name="csv">{csv ?? string.Empty}</textarea>
                <div><button type="submit">Check and import</button></div>
                </form>
                """)
            : Html.Empty;
        var body = Html.Of($"""
            {errors}
            <form method="get" action="{ConsoleUrls.To("mappings")}" class="row" role="search">
            <label>Table <select name="table"><option value="">All tables</option>{tableOptions}</select></label>
            <label>Search <input name="q" value="{term ?? string.Empty}" size="16"></label>
            <button type="submit" class="secondary">Show</button>
            <a class="button secondary" href="{ConsoleUrls.To("mappings/export", ("table", table))}" download>Export CSV</a>
            </form>
            <p class="muted">{all.Count} row(s).</p>
            <div class="table-scroll"><table class="stackable" data-testid="mapping-rows"><thead><tr><th>Table</th><th>Source value</th><th>X3 code</th><th>Action</th></tr></thead><tbody>{rows}</tbody></table></div>
            {PageLayout.Pager("mappings", page, all.Count > page * RowsPerPage, ("table", table), ("q", term))}
            {change}
            """);
        return call.Page("mappings", "Mappings", body, problems is null ? 200 : 400);
    }
}
