using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;

namespace MlConnector.Stedi.Tests.Support;

internal static class Orders
{
    public static PurchaseOrder Order(string number = "PO0001", string supplier = StediHarness.Supplier, PurchaseOrderStatus status = PurchaseOrderStatus.Open) => new()
    {
        SourceId = number,
        Number = number,
        Supplier = new PartyReference(supplier, "Acme Parts"),
        OrderDate = new DateOnly(2025, 3, 1),
        Currency = "USD",
        Site = "US011",
        Status = status,
        ExpectedDate = new DateOnly(2025, 3, 10),
        Lines =
        [
            new PurchaseOrderLine { LineNumber = 1000, ItemCode = "ITM-100", Description = "Bolt M6", Quantity = 12, Unit = "UN", UnitPrice = 1.25m },
            new PurchaseOrderLine { LineNumber = 2000, ItemCode = "ITM-200", Description = "Nut M6", Quantity = 5, Unit = "UN", UnitPrice = 0.4m },
        ],
    };

    public static SourceRecord Record(PurchaseOrder order, string version = "v1") =>
        new(order.Number, version, DateTimeOffset.UtcNow, CanonicalJson.ToElement(order));

    public static WriteRequest Write(TargetDocument document, string key = "PO0001", string version = "v1", string? existing = null) =>
        new("x3-stedi", key, version, existing, false, "mlc-unused", document);
}
