using System.Text.Json.Nodes;
using MlConnector.Simulators.Procurify.Model;
using static MlConnector.Simulators.Procurify.Api.Shapes.ReferenceShapes;

namespace MlConnector.Simulators.Procurify.Api.Shapes;

/// <summary>
/// Requisitions as <c>/api/v2/global/orders/</c> returns them (<c>OrderRead</c>): <c>num</c> is an integer, the
/// department and currency are objects, <c>dateRequired</c> is a date-time.
/// Source: konfig-sdks/procurify-python-sdk (commit 3c4c70b0), procurify_python_sdk/pydantic/order_read.py, branch.py,
/// order_status_enum.py.
/// </summary>
internal sealed class RequisitionShapes(ProcurifyStore store)
{
    public JsonObject Requisition(SimRequisition requisition)
    {
        var department = store.Department(requisition.DepartmentId) ?? new SimDepartment(requisition.DepartmentId, $"Department {requisition.DepartmentId}", null);
        var required = requisition.DateRequired is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : requisition.Date;
        return new JsonObject
        {
            ["uuid"] = requisition.Uuid.ToString(),
            ["num"] = requisition.Num,
            ["branch"] = new JsonObject { ["id"] = department.BranchId, ["name"] = department.BranchName, ["phoneOne"] = "+1 604 555 0199", ["localCurrency"] = CurrencyId(requisition.Currency) },
            ["user"] = User(9, "Robin", "Requester", department),
            ["next_approver"] = User(8, "Alex", "Approver", department),
            ["department"] = DepartmentSummary(department),
            ["logs"] = new JsonArray(),
            ["description"] = requisition.Description,
            ["currency"] = Currency(requisition.Currency),
            ["date"] = Stamp(requisition.Date),
            ["dateRequired"] = Stamp(required),
            ["dateModified"] = Stamp(requisition.DateModified ?? requisition.Date),
            ["lineCount"] = requisition.Lines.Count,
            ["item_count"] = requisition.Lines.Count,
            ["totalPrice"] = Money(requisition.Lines.Sum(line => line.Item.TotalCost)),
            ["status"] = requisition.Status,
        };
    }
}
