namespace MlConnector.Simulators.Jaggaer.Seeding;

/// <summary>What <see cref="JaggaerSeedGenerator"/> creates. The same request always yields the same data.</summary>
public sealed record SeedRequest
{
    public int Suppliers { get; init; } = 5;

    public int PurchaseOrders { get; init; } = 10;

    public int LinesPerOrder { get; init; } = 2;

    /// <summary>Share of purchase orders (0..1) whose last line charges a GL account X3 does not have.</summary>
    public double UnknownAccountShare { get; init; } = 0.2;

    /// <summary>The first supplier <c>bravoId</c>; the rest follow.</summary>
    public int FirstSupplierId { get; init; } = 7001;

    /// <summary>The first <c>purchaseOrderId</c>; the rest follow.</summary>
    public long FirstPurchaseOrderId { get; init; } = 90001;

    /// <summary>Suppliers are stamped from this time on, a minute apart; purchase orders an hour later, a minute apart.</summary>
    public DateTimeOffset StartAt { get; init; } = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    public string Currency { get; init; } = "USD";
}
