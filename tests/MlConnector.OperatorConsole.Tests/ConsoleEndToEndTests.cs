using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlConnector.Core.Mapping;
using MlConnector.OperatorConsole.Tests.Support;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Stages;

namespace MlConnector.OperatorConsole.Tests;

/// <summary>
/// What an operator does in the console, in a real browser, on demo-like data: fix a mapping reject and see the
/// record written, replay a poison message, follow a record's lineage, move a cursor; and what a Reader and a
/// caller who is not signed in cannot do in the Azure configuration.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleEndToEndTests(ConsoleFixture fixture)
{
    private const string Flow = "procurify-x3";

    [Fact]
    public async Task Find_a_reject_by_its_reason_add_the_missing_mapping_reprocess_and_see_it_written()
    {
        var vendorOrders = fixture.Procurify.UnmappablePurchaseOrders.Where(o => o.Value == "unmapped vendor").Select(o => o.Key).ToList();
        var vendor = fixture.Procurify.UnmappedVendorIds[0];
        fixture.Sandbox.X3.SeedSupplier("SUPNEW1", "Unmapped Vendor Co, now in X3");
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.LocalAddress);
        var page = browser.Page;

        await page.GotoAsync("api/console/");
        await Assertions.Expect(page.GetByTestId($"flow-{Flow}")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("01-flows");
        await browser.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Needs attention" }).ClickAsync();
        var group = page.GetByTestId("group").Filter(new() { HasText = "Unmapped Vendor Co" });
        await Assertions.Expect(group).ToHaveCountAsync(1);
        await Assertions.Expect(group.Locator("td[data-label=Records]")).ToHaveTextAsync(vendorOrders.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await browser.ScreenshotAsync("02-needs-attention");
        await browser.AssertAccessibleAsync();

        // A code X3 does not have is refused before anything is saved.
        var form = group.GetByTestId("add-mapping").Filter(new() { HasText = "vendor-supplier" });
        await form.GetByRole(AriaRole.Textbox).FillAsync("NOSUCHSUP");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("NOSUCHSUP does not exist");
        Assert.Null(await fixture.Services.GetRequiredService<TableMappingTables>().LookupAsync(MappingTableNames.VendorToSupplier, vendor, CancellationToken.None));

        await page.GotoAsync("api/console/attention");
        form = page.GetByTestId("group").Filter(new() { HasText = "Unmapped Vendor Co" }).GetByTestId("add-mapping").Filter(new() { HasText = "vendor-supplier" });
        await form.GetByRole(AriaRole.Textbox).FillAsync("SUPNEW1");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{vendorOrders.Count} record(s) of {Flow} sent back to mapping");
        await fixture.DrainAsync();

        await page.GotoAsync($"api/console/record?flow={Flow}&key={vendorOrders[0]}");
        await Assertions.Expect(page.GetByTestId("record-status")).ToHaveTextAsync("Written");
        var targetId = await page.GetByTestId("target-id").InnerTextAsync();
        Assert.NotNull(fixture.Sandbox.X3.Find("PORDER", targetId));
        await Assertions.Expect(page.GetByTestId("operator-action").First).ToContainTextAsync("added mapping row vendor-supplier");
        await page.GotoAsync("api/console/attention");
        await Assertions.Expect(page.GetByTestId("group").Filter(new() { HasText = "Unmapped Vendor Co" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Replay_a_poison_message_once_the_target_accepts_it_again()
    {
        var account = fixture.Procurify.InvalidAccountCodes[0];
        var key = fixture.Procurify.UnmappablePurchaseOrders.First(o => o.Value == "invalid account code").Key;
        var services = fixture.Services;
        await services.GetRequiredService<TableMappingTables>().SetAsync(MappingTableNames.CostCodeToGlAccount, account, fixture.Procurify.X3GlAccounts[0], CancellationToken.None);
        fixture.Sandbox.X3.Faults.FailNext(400, times: 1, pathContains: "PORDER", method: "POST");
        await services.GetRequiredService<RecordRecovery>().RetryRejectedAsync(Flow, [key], "the test", CancellationToken.None);
        await fixture.DrainAsync();
        var failed = (await services.GetRequiredService<RecordStore>().GetAsync(Flow, key, CancellationToken.None))!;
        Assert.True(failed.StatusValue == RecordStatus.Failed, $"record {key} is {failed.StatusValue}: {failed.Reason}");

        await using var browser = await ConsoleBrowser.OpenAsync(fixture.LocalAddress);
        var page = browser.Page;
        await page.GotoAsync("api/console/attention#poison");
        var poisoned = page.GetByTestId("poison").Locator("tr").Filter(new() { HasText = key });
        await Assertions.Expect(poisoned).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("03-poison");
        await poisoned.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 message(s) requeued from poison");
        await fixture.DrainAsync();

        await page.GotoAsync($"api/console/record?flow={Flow}&key={key}");
        await Assertions.Expect(page.GetByTestId("record-status")).ToHaveTextAsync("Written");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("requeued from poison by");
    }

    [Fact]
    public async Task Follow_one_records_lineage_from_its_X3_document_number()
    {
        var key = fixture.Procurify.MappablePurchaseOrders[0];
        var row = (await fixture.Services.GetRequiredService<RecordStore>().GetAsync(Flow, key, CancellationToken.None))!;
        Assert.Equal(RecordStatus.Written, row.StatusValue);
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.LocalAddress);
        var page = browser.Page;

        await page.GotoAsync("api/console/records");
        await page.GetByLabel("Source key, X3 document number or correlation id").FillAsync(row.TargetId!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByTestId("record-results").GetByRole(AriaRole.Link, new() { Name = key, Exact = true }).ClickAsync();

        var timeline = page.GetByTestId("timeline");
        await Assertions.Expect(timeline.Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(timeline.Locator("li").Nth(0)).ToContainTextAsync("Received");
        await Assertions.Expect(timeline.Locator("li").Nth(1)).ToContainTextAsync("Mapped");
        await Assertions.Expect(timeline.Locator("li").Nth(2)).ToContainTextAsync(row.TargetId!);
        await page.Locator("summary", new() { HasText = "Show" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("source-payload")).ToContainTextAsync(key);
        await Assertions.Expect(page.GetByTestId("sent-document")).ToContainTextAsync("purchase-order");
        await browser.ScreenshotAsync("04-record");
        await browser.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("sent-document-download").ClickAsync());
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
        Assert.Equal("x3-purchase-order", document.RootElement.GetProperty("kind").GetString());
        Assert.True(document.RootElement.GetProperty("body").EnumerateObject().Any(), "the downloaded document has no body");
    }

    [Fact]
    public async Task Move_a_cursor_after_a_confirmation_that_says_what_will_be_read_again()
    {
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.LocalAddress);
        var page = browser.Page;
        await page.GotoAsync("api/console/cursors");
        var row = page.GetByTestId($"cursor-{Flow}");
        await browser.ScreenshotAsync("05-cursors");
        await browser.AssertAccessibleAsync();
        await row.GetByLabel($"Re-read {Flow} from this date").FillAsync("2025-01-01");
        await row.GetByRole(AriaRole.Button, new() { Name = "Move…" }).ClickAsync();

        var confirmation = page.GetByTestId("cursor-confirmation");
        await Assertions.Expect(confirmation).ToContainTextAsync("re-reads every Procurify change since");
        await Assertions.Expect(confirmation.GetByTestId("known-count")).ToHaveTextAsync("20");
        await browser.ScreenshotAsync("06-cursor-confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, move the cursor" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{Flow} reads from 2024-12-31T23:00:00");
        var cursor = await fixture.Services.GetRequiredService<Pipeline.Cursors.CursorStore>().GetAsync(Flow, fixture.Services.GetRequiredService<Pipeline.Flows.FlowCatalog>().Parts(Flow).Source.Definition.Name, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero), Pipeline.Cursors.CursorStore.ParseInstant(cursor!.Value));
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit")).ToContainTextAsync("moved the cursor");
        await browser.ScreenshotAsync("07-audit");
    }

    [Fact]
    public async Task Mapping_import_is_checked_against_X3_and_saves_nothing_when_a_row_is_wrong()
    {
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.LocalAddress);
        var page = browser.Page;
        await page.GotoAsync("api/console/mappings");
        await page.GetByLabel("or paste rows").FillAsync("table,source,target\ndepartment-costcentre,D-NEW,CC-NOPE\nvendor-supplier,V-NEW,SUP1000\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-problems")).ToContainTextAsync("Row 1 (department-costcentre,D-NEW,CC-NOPE)");
        await browser.ScreenshotAsync("08-mappings-import-refused");
        await browser.AssertAccessibleAsync();
        Assert.Null(await fixture.Services.GetRequiredService<TableMappingTables>().LookupAsync(MappingTableNames.VendorToSupplier, "V-NEW", CancellationToken.None));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith(MappingCsv.Header, csv, StringComparison.Ordinal);
        Assert.Contains($"{MappingTableNames.VendorToSupplier},{fixture.Procurify.VendorToSupplier.First().Key},{fixture.Procurify.VendorToSupplier.First().Value}", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_and_sync_now_from_the_flows_page()
    {
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.LocalAddress);
        var page = browser.Page;
        await page.GotoAsync("api/console/");
        await page.GetByTestId($"flow-{Flow}").GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dry-run-summary")).ToContainTextAsync("would be written");
        await browser.ScreenshotAsync("09-dry-run");

        await page.GotoAsync("api/console/");
        await page.GetByTestId($"flow-{Flow}").GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Synced {Flow} now");
    }

    [Fact]
    public async Task A_reader_in_Azure_sees_everything_and_can_change_nothing()
    {
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.AzureAddress, new TestPrincipal("rita.reader@contoso.example", "Reader"));
        var page = browser.Page;
        await page.GotoAsync("api/console/");
        await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync("Reader");
        await Assertions.Expect(page.GetByTestId($"flow-{Flow}")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sync now" })).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("10-reader-flows");
        await page.GotoAsync("api/console/attention");
        await Assertions.Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);
        await page.GotoAsync("api/console/mappings");
        await Assertions.Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);

        var api = page.Context.APIRequest;
        var origin = new Dictionary<string, string> { ["Origin"] = fixture.AzureAddress.ToString().TrimEnd('/') };
        var sync = await api.PostAsync("api/console/flows/sync", new() { Form = FormOf(("flow", Flow)), Headers = origin });
        Assert.Equal(403, sync.Status);
        var mapping = await api.PostAsync("api/console/mappings/set", new() { Form = FormOf(("table", "vendor-supplier"), ("source", "R1"), ("target", "SUP1000")), Headers = origin });
        Assert.Equal(403, mapping.Status);
        Assert.Equal(403, (await api.PostAsync($"api/admin/reprocess?flow={Flow}")).Status);
        Assert.Equal(200, (await api.GetAsync("api/admin/status")).Status);
        Assert.Null(await fixture.Services.GetRequiredService<TableMappingTables>().LookupAsync("vendor-supplier", "R1", CancellationToken.None));

        IFormData FormOf(params (string Name, string Value)[] fields)
        {
            var form = page.Context.APIRequest.CreateFormData();
            foreach (var (name, value) in fields)
            {
                form.Set(name, value);
            }

            return form;
        }
    }

    [Fact]
    public async Task An_operator_in_Azure_is_named_in_the_audit_and_a_cross_site_form_is_refused()
    {
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.AzureAddress, new TestPrincipal("olga.operator@contoso.example", "Operator"));
        var page = browser.Page;
        await page.GotoAsync("api/console/");
        await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync("Operator");
        await page.GetByTestId("flow-procurify-requisitions-x3").GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Synced procurify-requisitions-x3 now");
        await page.GotoAsync("api/console/audit");
        await Assertions.Expect(page.GetByTestId("audit").Locator("tr").Filter(new() { HasText = "olga.operator@contoso.example" }).First).ToContainTextAsync("sync");

        var form = page.Context.APIRequest.CreateFormData();
        form.Set("flow", Flow);
        var forged = await page.Context.APIRequest.PostAsync("api/console/flows/sync", new() { Form = form, Headers = new Dictionary<string, string> { ["Origin"] = "https://attacker.example" } });
        Assert.Equal(403, forged.Status);
    }

    [Fact]
    public async Task An_unauthenticated_request_in_the_Azure_configuration_is_refused()
    {
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.AzureAddress);
        var page = browser.Page;
        var response = await page.GotoAsync("api/console/");
        Assert.Equal(401, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sign in with Microsoft Entra ID");
        await Assertions.Expect(page.GetByTestId($"flow-{Flow}")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("11-signed-out");

        var api = page.Context.APIRequest;
        Assert.Equal(401, (await api.GetAsync("api/admin/status")).Status);
        Assert.Equal(401, (await api.PostAsync($"api/admin/replay?flow={Flow}")).Status);
        Assert.Equal(401, (await api.GetAsync($"api/console/record/document?flow={Flow}&key={fixture.Procurify.MappablePurchaseOrders[0]}&kind=source")).Status);

        await using var noRole = await ConsoleBrowser.OpenAsync(fixture.AzureAddress, new TestPrincipal("nina.norole@contoso.example"));
        Assert.Equal(403, (await noRole.Page.GotoAsync("api/console/"))!.Status);
    }

    [Fact]
    public async Task The_pages_read_on_a_phone()
    {
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.LocalAddress, width: 390, height: 844);
        var page = browser.Page;
        await page.GotoAsync("api/console/attention");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the Needs attention page scrolls sideways on a 390 px wide screen");
        await browser.ScreenshotAsync("12-phone-needs-attention");
        await page.GotoAsync("api/console/");
        await browser.ScreenshotAsync("13-phone-flows");
        await Assertions.Expect(page.Locator("time").First).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("Europe/Paris"));
    }
}
