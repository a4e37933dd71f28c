using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.SageX3.Tests.Support;

/// <summary>A two-line Procurify purchase order for the seeded SEED folder, and the write request the pipeline would send for it.</summary>
public static class SampleOrders
{
    public static PurchaseOrder Procurify(string number) => new()
    {
        SourceId = "procurify-" + number,
        Number = number,
        Supplier = new PartyReference("S0001", "ACME Office Supplies"),
        OrderDate = new DateOnly(2026, 11, 18),
        Currency = "USD",
        Lines =
        [
            new PurchaseOrderLine { LineNumber = 1000, ItemCode = "PAPER-A4", Description = "Copy paper", Quantity = 20, Unit = "BOX", UnitPrice = 24.5m, GlAccount = "6061", CostCentre = "ADM" },
            new PurchaseOrderLine { LineNumber = 2000, ItemCode = "TONER-HP", Quantity = 2, Unit = "UN", UnitPrice = 89.9m, GlAccount = "6061", CostCentre = "IT" },
        ],
    };

    public static WriteRequest Request(PurchaseOrder order, string? existing = null, bool ambiguous = false) =>
        new("procurify-x3", order.SourceId, "v1", existing, ambiguous, "key-" + order.Number,
            new TargetDocument("x3-purchase-order", order.Number, $"PO {order.Number}", CanonicalJson.ToElement(order)));
}
