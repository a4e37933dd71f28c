using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Core.Flows;
using PurchaseOrder = MlConnector.Connectors.Procurify.ProcurifyFields.PurchaseOrder;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>
/// Purchase orders changed since a time, each with its <c>order_items</c>. Key = <c>procurify_PO</c>, version =
/// <c>last_modified</c>. The v2 list has no lines, so per slice of days (<see cref="PurchaseOrderDaySlices"/>) it
/// lists the orders changed on those days, then reads in bulk the purchased order items changed on the same days:
/// an order changed together with its lines (a new order, the usual case) is complete from those two reads. An order
/// whose lines are not all there (only its header changed, so its lines are older) falls back to its detail.
/// <para>
/// Both filters compare days in the tenant's time zone, so an order and the lines changed with it land in the same
/// slice whatever that zone is. The items are read after the list on purpose: a line changed in between is then
/// newer than its listed order, which sends the order to its detail; the other way round, a fresh header could be
/// paired with stale lines under the header's version, and that version would never be read again.
/// </para>
/// <para>
/// Order-item rows name their account by id only; the account's department is looked up once per run
/// (<see cref="ProcurifyReferenceResolver"/>) and travels with the record. A listed row without a <c>procurify_PO</c>
/// still becomes a record (keyed by its UUID), which the mapper rejects with the reason.
/// </para>
/// </summary>
public sealed partial class ProcurifyPurchaseOrderStream : ISourceStream
{
    /// <summary>Orders a slice aims at: a few megabytes of listed orders waiting for their lines.</summary>
    public const int SliceTargetOrders = 2_000;

    private readonly ProcurifyClient _client;
    private readonly ProcurifyOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ProcurifyPurchaseOrderStream> _logger;

    public ProcurifyPurchaseOrderStream(ProcurifyClient client, IOptions<ProcurifyOptions> options, TimeProvider time, ILogger<ProcurifyPurchaseOrderStream> logger)
    {
        _client = client;
        _options = options.Value;
        _time = time;
        _logger = logger;
        Definition = ProcurifyStreamDefinitions.For(ProcurifyNames.PurchaseOrderStream, _options.PurchaseOrderPageSize);
    }

    public StreamDefinition Definition { get; }

    public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = new List<SourceRecord>(Definition.PageSize);
        await foreach (var record in ReadRecordsAsync(new ChangedRecordFilter(from.Since), cancellationToken))
        {
            page.Add(record);
            if (page.Count == Definition.PageSize)
            {
                yield return new SourcePage(page);
                page = new List<SourceRecord>(Definition.PageSize);
            }
        }

        if (page.Count > 0)
        {
            yield return new SourcePage(page);
        }
    }

    private async IAsyncEnumerable<SourceRecord> ReadRecordsAsync(ChangedRecordFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var references = new ProcurifyReferenceResolver(_client);
        var slices = new PurchaseOrderDaySlices(filter.FirstDay, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime), SliceTargetOrders);
        while (slices.Current is { } slice)
        {
            var query = Query("modified_date", slice);
            await using var listPages = _client.ListPurchaseOrdersAsync(_options.PurchaseOrderRole, _options.PurchaseOrderStatus, query, cancellationToken)
                .GetAsyncEnumerator(cancellationToken);

            // The list always answers with a page, and page 1's count sizes the slice before anything is held.
            if (!await listPages.MoveNextAsync() || !slices.Accept(listPages.Current.Pagination.Count))
            {
                continue;
            }

            var join = new PurchaseOrderLineJoin();
            var yieldNow = new List<SourceRecord>();
            do
            {
                foreach (var summary in listPages.Current.Data)
                {
                    var modifiedAt = summary.Timestamp(PurchaseOrder.LastModified);
                    if (!filter.IsInWindow(modifiedAt))
                    {
                        continue;
                    }

                    if (ProcurifyPurchaseOrderFields.IdOf(summary) is { } id)
                    {
                        join.Expect(new ListedPurchaseOrder(id, summary, modifiedAt));
                    }
                    else if (FromRowWithoutId(summary, modifiedAt, filter) is { } broken)
                    {
                        yieldNow.Add(broken);
                    }
                }
            }
            while (await listPages.MoveNextAsync());

            foreach (var broken in yieldNow)
            {
                yield return broken;
            }

            yieldNow.Clear();

            if (join.IsEmpty)
            {
                continue;
            }

            await foreach (var itemsPage in _client.ListOrderItemsAsync(Query("last_modified", slice).Add("is_purchased", "true"), cancellationToken))
            {
                foreach (var item in itemsPage.Data)
                {
                    if (join.Offer(item) is { } completed && await FromListingAsync(completed, filter, references, cancellationToken) is { } record)
                    {
                        yield return record;
                    }
                }
            }

            if (join.ItemsMatched == 0 && join.ItemsNamingAnOrder > 0 && !join.IsEmpty)
            {
                LogJoinNeverMatched(join.ItemsNamingAnOrder, join.Incomplete.Count());
            }

            foreach (var order in join.Incomplete.ToList())
            {
                if (await FromDetailAsync(order, filter, cancellationToken) is { } record)
                {
                    yield return record;
                }
            }
        }
    }

    private ProcurifyQuery Query(string dayField, DaySlice slice) =>
        new ProcurifyQuery().AddDayRange(dayField, slice.From, slice.To).WithPageSize(_options.PurchaseOrderPageSize);

    private static async Task<SourceRecord?> FromListingAsync(CompletedPurchaseOrder completed, ChangedRecordFilter filter, ProcurifyReferenceResolver references, CancellationToken cancellationToken)
    {
        var order = completed.Order;
        var version = ChangedRecordFilter.VersionOf(order.ModifiedAt, order.Summary.Text(PurchaseOrder.LastModified));
        if (!filter.IsFirstSighting(order.Id, version))
        {
            return null;
        }

        var resolved = await references.ResolveAsync(completed.Lines, withVendors: false, cancellationToken);
        return new SourceRecord(order.Id, version, order.ModifiedAt, OrderItemsPayload.Attach(order.Summary, completed.Lines, resolved));
    }

    /// <summary>A listed row without its <c>procurify_PO</c>: a record the mapper rejects, instead of a row skipped in silence.</summary>
    private static SourceRecord? FromRowWithoutId(System.Text.Json.JsonElement summary, DateTimeOffset? modifiedAt, ChangedRecordFilter filter)
    {
        var key = ProcurifyPurchaseOrderFields.KeyOfRowWithoutId(summary, PurchaseOrder.Uuid);
        var version = ChangedRecordFilter.VersionOf(modifiedAt, summary.Text(PurchaseOrder.LastModified));
        return filter.IsFirstSighting(key, version) ? new SourceRecord(key, version, modifiedAt, summary) : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "None of the {Items} order items read named a listed purchase order in its PO ids: the {Orders} orders are read one by one from their details. Procurify's PO ids may not be procurify_PO numbers on this tenant.")]
    private partial void LogJoinNeverMatched(int items, int orders);

    private async Task<SourceRecord?> FromDetailAsync(ListedPurchaseOrder order, ChangedRecordFilter filter, CancellationToken cancellationToken)
    {
        // The detail is read after the listing, so its stamp is the newer one and names the version.
        var detail = await _client.GetPurchaseOrderAsync(order.Id, cancellationToken);
        var modifiedAt = detail.Timestamp(PurchaseOrder.LastModified) ?? order.ModifiedAt;
        var version = ChangedRecordFilter.VersionOf(modifiedAt, detail.Text(PurchaseOrder.LastModified));
        return filter.IsFirstSighting(order.Id, version) ? new SourceRecord(order.Id, version, modifiedAt, detail) : null;
    }
}
