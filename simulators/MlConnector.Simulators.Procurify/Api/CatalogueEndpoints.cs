using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlConnector.Simulators.Procurify.Api.Shapes;
using MlConnector.Simulators.Procurify.Model;

namespace MlConnector.Simulators.Procurify.Api;

/// <summary>Order items, requisitions, vendors, accounts, account codes and departments.</summary>
internal static class CatalogueEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v3/order-items/", (HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options, IgnoredParameterLog log, OrderItemShapes shapes) =>
        {
            var query = new ListQuery(request, options, ProcurifyParameters.OrderItems, log).WithDayFilters("last_modified");
            var orderNum = query.Int("orderNum");
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
            return query.Page(rows, row => shapes.ListRow(row.Line, row.VendorId, row.Currency, row.Order, row.RequisitionNum, row.Stamp));
        });

        app.MapGet("/api/v2/global/orders/", (HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options, IgnoredParameterLog log, RequisitionShapes shapes) =>
        {
            var query = new ListQuery(request, options, ProcurifyParameters.Requisitions, log).WithDayFilters("modified_date", "date", "required_date");
            var status = query.Int("status");
            var department = query.Int("department");
            var rows = store.Requisitions
                .Where(requisition => status is null || requisition.Status == status)
                .Where(requisition => department is null || requisition.DepartmentId == department)
                .Where(requisition => query.InDayRange("modified_date", requisition.DateModified ?? requisition.Date) && query.InDayRange("date", requisition.Date))
                .ToList();
            return query.Page(rows, shapes.Requisition);
        });

        app.MapGet("/api/v3/vendors/", (HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options, IgnoredParameterLog log) =>
        {
            var query = new ListQuery(request, options, ProcurifyParameters.Vendors, log);
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
            return query.Page(rows, ReferenceShapes.Vendor);
        });

        app.MapGet("/api/v3/vendors/{id:int}/", (int id, ProcurifyStore store) =>
            store.Vendor(id) is { } vendor ? Results.Json(ReferenceShapes.VendorDetail(vendor)) : PurchaseOrderEndpoints.NotFound());

        app.MapGet("/api/v3/accounts/", (HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options, IgnoredParameterLog log) =>
        {
            var query = new ListQuery(request, options, ProcurifyParameters.Accounts, log);
            var id = query.Int("id");
            var accountCode = query.Int("account_code");
            var department = query.Int("department");
            var active = query.Bool("active");
            var rows = store.Accounts
                .Where(account => id is null || account.Id == id)
                .Where(account => accountCode is null || account.AccountCode.Id == accountCode)
                .Where(account => department is null || account.Department.Id == department)
                .Where(account => active is null || (account.AccountCode.Active && account.Department.Active) == active)
                .ToList();
            return query.Page(rows, ReferenceShapes.ChartOfAccountsAccount);
        });

        app.MapGet("/api/v3/account-codes/", (HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options, IgnoredParameterLog log) =>
        {
            var query = new ListQuery(request, options, ProcurifyParameters.AccountCodes, log);
            var code = query.Text("code");
            var active = query.Bool("active");
            var rows = store.AccountCodes
                .Where(account => code is null || account.Code == code)
                .Where(account => active is null || account.Active == active)
                .ToList();
            return query.Page(rows, ReferenceShapes.AccountCode);
        });

        app.MapGet("/api/v3/departments/", (HttpRequest request, ProcurifyStore store, ProcurifySimulatorOptions options, IgnoredParameterLog log) =>
        {
            var query = new ListQuery(request, options, ProcurifyParameters.Departments, log);
            return query.Page(store.Departments, ReferenceShapes.DepartmentRead);
        });
    }

    /// <summary>Every order item: the lines of purchase orders (purchased) and of requisitions not yet bought.</summary>
    private static IEnumerable<OrderItemRow> OrderItemRows(ProcurifyStore store) =>
        store.PurchaseOrders
            .SelectMany(order => order.Lines.Select(line =>
                new OrderItemRow(line, order.VendorId, order, order.RequisitionNum, line.LastModified ?? order.LastModified ?? order.Date, order.Currency)))
            .Concat(store.Requisitions.SelectMany(requisition => requisition.Lines.Select(line =>
                new OrderItemRow(line.Item, line.VendorId, null, requisition.Num, line.Item.LastModified ?? requisition.DateModified ?? requisition.Date, requisition.Currency))));

    private sealed record OrderItemRow(SimOrderItem Line, int VendorId, SimPurchaseOrder? Order, int? RequisitionNum, DateTimeOffset Stamp, string Currency);
}
