namespace MlConnector.Simulators.SageX3;

/// <summary>How a simulated X3 server is set up: folders, Syracuse users, the connected application and the cloud client.</summary>
public sealed class SageX3SimulatorOptions
{
    /// <summary>Endpoint (folder) names served under <c>/api1/x3/erp/{endpoint}</c>. The first one is seeded.</summary>
    public IReadOnlyList<string> Folders { get; init; } = ["SEED"];

    /// <summary>Syracuse users accepted by HTTP Basic (login -> password).</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string> { ["admin"] = "admin-password" };

    /// <summary>Connected application for on-premise GraphQL: client id, secret, token validity, allowed user.</summary>
    public string ConnectedAppClientId { get; init; } = "ml-connector";

    public string ConnectedAppSecret { get; init; } = "connected-app-secret-0123456789abcdef";

    public TimeSpan ConnectedAppTokenValidity { get; init; } = TimeSpan.FromMinutes(10);

    public string ConnectedAppUser { get; init; } = "admin";

    /// <summary>The app registered with the X3 Cloud gateway.</summary>
    public string CloudClientId { get; init; } = "ml-connector-cloud";

    public string CloudClientSecret { get; init; } = "cloud-client-secret";

    public TimeSpan CloudAccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan CloudRefreshTokenLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Clock for token expiry and UPDDATTIM stamps; a FakeTimeProvider in tests.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Largest page a <c>count=</c> or <c>first:</c> may ask for; X3 caps larger requests.</summary>
    public int PageCap { get; init; } = 100;

    /// <summary>GraphQL nodes whose create/update operations are published as mutations (GESAPIOPE).</summary>
    public IReadOnlySet<string> PublishedMutations { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "purchaseOrder", "purchaseInvoice", "purchaseReceipt", "supplier" };

    /// <summary>Seed the first folder with a realistic data set (suppliers, accounts, products, orders, deliveries).</summary>
    public bool SeedDemoData { get; init; } = true;
}
