using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.Procurify.Api;

/// <summary>Order items, requisitions, vendors, account codes and departments.</summary>
internal static class CatalogueEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v3/order-items/", (HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options, ProcurifyShapes shapes) =>
        {
            var query = new ListQuery(request, options).WithDayFilters("last_modified");
            var orderNum = query.Int("order_num");
            var status = query.Int("status");
            var vendor = query.Int("po_vendor");
            var department = query.Int("department");
            var purchased = query.Bool("is_purchased");
            var rows = OrderItemRows(store)
                .Where(row => orderNum is null || row.RequisitionNum == orderNum)
                .Where(row => status is null || row.Line.Status == status)
                .Where(row => vendor is null || row.VendorId == vendor)
                .Where(row => department is null || row.Line.DepartmentId == department)
                .Where(row => purchased is null || (row.Order is not null) == purchased)
                .Where(row => query.InDayRange("last_modified", row.Stamp))
                .ToList();
            return query.Page(rows, row => shapes.OrderItem(row.Line with { LastModified = row.Stamp }, row.VendorId, row.Currency, row.Order, row.RequisitionNum));
        });

        app.MapGet("/api/v2/global/orders/", (HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options, ProcurifyShapes shapes) =>
        {
            var query = new ListQuery(request, options).WithDayFilters("modified_date", "date", "required_date");
            var status = query.Int("status");
            var department = query.Int("department");
            var rows = store.Requisitions
                .Where(requisition => status is null || requisition.Status == status)
                .Where(requisition => department is null || requisition.DepartmentId == department)
                .Where(requisition => query.InDayRange("modified_date", requisition.DateModified ?? requisition.Date) && query.InDayRange("date", requisition.Date))
                .ToList();
            return query.Page(rows, shapes.Requisition);
        });

        app.MapGet("/api/v3/vendors/", (HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options) =>
        {
            var query = new ListQuery(request, options);
            var name = query.Text("name");
            var externalId = query.Text("external_id");
            var type = query.Int("type");
            var search = query.Text("search");
            var rows = store.Vendors
                .Where(vendor => name is null || string.Equals(vendor.Name, name, StringComparison.OrdinalIgnoreCase))
                .Where(vendor => externalId is null || vendor.ExternalId == externalId)
                .Where(vendor => type is null || vendor.Type == type)
                .Where(vendor => search is null || vendor.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return query.Page(rows, ProcurifyShapes.Vendor);
        });

        app.MapGet("/api/v3/vendors/{id:int}/", (int id, ProcurifyStore store) =>
            store.Vendor(id) is { } vendor ? Results.Json(ProcurifyShapes.Vendor(vendor)) : NotFound());

        app.MapGet("/api/v3/account-codes/", (HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options) =>
        {
            var query = new ListQuery(request, options);
            var code = query.Text("code");
            var active = query.Bool("active");
            var rows = store.AccountCodes
                .Where(account => code is null || account.Code == code)
                .Where(account => active is null || account.Active == active)
                .ToList();
            return query.Page(rows, ProcurifyShapes.AccountCode);
        });

        app.MapGet("/api/v3/departments/", (HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options) =>
        {
            var query = new ListQuery(request, options);
            var active = query.Bool("active");
            var rows = store.Departments
                .Where(department => active is null || department.Active == active)
                .ToList();
            return query.Page(rows, ProcurifyShapes.Department);
        });
    }

    /// <summary>Every order item: the lines of purchase orders (purchased) and of requisitions not yet bought.</summary>
    private static IEnumerable<OrderItemRow> OrderItemRows(ProcurifyStore store) =>
        store.PurchaseOrders
            .SelectMany(order => order.Lines.Select(line =>
                new OrderItemRow(line, order.VendorId, order, order.RequisitionNum, line.LastModified ?? order.LastModified ?? order.Date, order.Currency)))
            .Concat(store.Requisitions.SelectMany(requisition => requisition.Lines.Select(line =>
                new OrderItemRow(line.Item, line.VendorId, null, requisition.Num, line.Item.LastModified ?? requisition.DateModified ?? requisition.Date, requisition.Currency))));

    private static IResult NotFound() =>
        Results.Json(new Dictionary<string, string> { ["detail"] = "Not found." }, statusCode: StatusCodes.Status404NotFound);

    private sealed record OrderItemRow(Model.SimOrderItem Line, int VendorId, Model.SimPurchaseOrder? Order, int? RequisitionNum, DateTimeOffset Stamp, string Currency);
}
