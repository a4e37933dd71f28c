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
    public IReadOnlySet<string> PublishedMutations { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "purchaseOrder", "purchaseInvoice", "purchaseReceipt", "supplier", "salesOrder" };

    /// <summary>
    /// The GraphQL root names this X3 version publishes: <c>x3Purchasing</c>… from 2024 R1 on, <c>xtremX3Purchasing</c>…
    /// before (Sage's sample portal renamed them when it moved to 2024 R1). Default: the current names.
    /// </summary>
    public X3GraphQlRoots GraphQlRoots { get; init; } = X3GraphQlRoots.Current;

    /// <summary>The writable representations the customer built (class -> name); X3's standard ones only read.</summary>
    public IReadOnlyDictionary<string, string> WritableRepresentations { get; init; } = Model.X3Catalog.DefaultWritableRepresentations;

    /// <summary>Status of a <c>$details</c> / <c>$edit</c> answer for a key X3 lacks (404; some servers send 200 with the error diagnosis).</summary>
    public int NotFoundStatus { get; init; } = 404;

    /// <summary>Seed the first folder with a realistic data set (suppliers, accounts, products, orders, deliveries).</summary>
    public bool SeedDemoData { get; init; } = true;
}

/// <summary>Which GraphQL root names an X3 version publishes.</summary>
public enum X3GraphQlRoots
{
    /// <summary>X3 2024 R1 and later: <c>x3Purchasing</c>, <c>x3MasterData</c>, <c>x3Sales</c>, <c>x3Structure</c>…</summary>
    Current,

    /// <summary>Before 2024 R1: <c>xtremX3Purchasing</c>, <c>xtremX3MasterData</c>, <c>xtremX3Structure</c>…</summary>
    Legacy,
}
