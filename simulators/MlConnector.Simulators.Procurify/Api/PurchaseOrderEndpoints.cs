using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlConnector.Simulators.Procurify.Api.Shapes;
using MlConnector.Simulators.Procurify.Model;
using State = MlConnector.Simulators.Procurify.Model.ProcurifyCodes.PurchaseOrderState;

namespace MlConnector.Simulators.Procurify.Api;

/// <summary>The v2 purchase-order list and detail.</summary>
internal static class PurchaseOrderEndpoints
{
    private static readonly string[] Roles = ["purchased", "receivable"];

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v2/purchase_orders/{role}/{status}/", (string role, string status, HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options, IgnoredParameterLog log, PurchaseOrderShapes shapes) =>
        {
            if (!Roles.Contains(role, StringComparer.Ordinal) || StatusFilter(status) is not { } statusMatches)
            {
                return NotFound();
            }

            var query = new ListQuery(request, options, ProcurifyParameters.PurchaseOrderList, log).WithDayFilters("modified_date", "date", "promise_date");
            var vendor = query.Int("pref_vendor");
            var all = store.PurchaseOrders;
            var rows = all
                .Where(order => (role == "purchased" || IsReceivable(order)) && statusMatches(order))
                .Where(order => query.InDayRange("modified_date", order.LastModified ?? order.Date) && query.InDayRange("date", order.Date))
                .Where(order => order.PromiseDate is null || query.InDayRange("promise_date", new DateTimeOffset(order.PromiseDate.Value.ToDateTime(TimeOnly.MinValue), options.TenantUtcOffset)))
                .Where(order => vendor is null || order.VendorId == vendor)
                .ToList();
            return query.Page(rows, shapes.Summary, rowsOnPage => PurchaseOrderShapes.Counts(all, IsReceivable, rowsOnPage));
        });

        app.MapGet("/api/v2/purchase_orders/{id}/", (string id, ProcurifyStore store, PurchaseOrderShapes shapes) =>
            Find(store, id) is { } order ? Results.Json(shapes.Detail(order)) : NotFound());
    }

    /// <summary>The detail accepts the PO number or the UUID.</summary>
    internal static SimPurchaseOrder? Find(ProcurifyStore store, string id) =>
        int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? store.PurchaseOrder(number)
            : store.PurchaseOrders.FirstOrDefault(order => string.Equals(order.Uuid.ToString(), id, StringComparison.OrdinalIgnoreCase));

    internal static IResult NotFound() =>
        Results.Json(new Dictionary<string, string> { ["detail"] = "Not found." }, statusCode: StatusCodes.Status404NotFound);

    private static bool IsReceivable(SimPurchaseOrder order) =>
        order.State is State.Purchased or State.Reopened && order.FulfilmentStatus != "full";

    private static Func<SimPurchaseOrder, bool>? StatusFilter(string status) => status switch
    {
        "all" => _ => true,
        "open" => order => order.State is State.Purchased or State.Reopened,
        "partial" => order => order.FulfilmentStatus == "partial",
        "closed" => order => order.State == State.Closed,
        "cancelled" => order => order.State == State.Cancelled,
        "paid" => order => order.State == State.Paid,
        _ => null,
    };
}
