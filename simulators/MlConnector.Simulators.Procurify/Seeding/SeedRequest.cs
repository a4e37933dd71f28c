namespace MlConnector.Simulators.Procurify.Seeding;

/// <summary>What <see cref="ProcurifySeedGenerator"/> creates. The same request always yields the same data.</summary>
public sealed record SeedRequest
{
    public int PurchaseOrders { get; init; } = 10;

    public int LinesPerOrder { get; init; } = 3;

    /// <summary>Share of purchase orders (0..1) that cannot map: half with an unmapped vendor, half with an invalid account code.</summary>
    public double UnmappableShare { get; init; } = 0.2;

    public int ApprovedRequisitions { get; init; }

    /// <summary>The first <c>procurify_PO</c>; the rest follow.</summary>
    public int FirstPurchaseOrderNumber { get; init; } = 1001;

    public int FirstRequisitionNumber { get; init; } = 501;

    /// <summary>Orders are stamped from this time on, one hour apart.</summary>
    public DateTimeOffset StartAt { get; init; } = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public string Currency { get; init; } = "USD";
}
