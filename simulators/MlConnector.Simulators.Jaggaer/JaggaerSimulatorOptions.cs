namespace MlConnector.Simulators.Jaggaer;

/// <summary>One simulated JAGGAER instance: its integration client, server page size and clock.</summary>
public sealed class JaggaerSimulatorOptions
{
    public string ClientId { get; set; } = "sim-jaggaer-client";

    public string ClientSecret { get; set; } = "sim-jaggaer-secret";

    /// <summary>The Keycloak realm J1P integrations authenticate in.</summary>
    public string Realm { get; set; } = "J1p-integrations";

    /// <summary>Seconds a token lives (Keycloak's default access-token lifespan: 300).</summary>
    public int TokenLifetimeSeconds { get; set; } = 300;

    /// <summary>Records per page. J1P takes no page-size parameter: the server decides (20 here, unverified upstream).</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>
    /// The key each company-profile row nests its fields under: <c>returnCompanyInfo</c> (default, as the
    /// Crown-Commercial-Service client reads them) or <c>companyMaster</c> (as another public client also reads them).
    /// </summary>
    public string CompanyRowKey { get; set; } = "returnCompanyInfo";

    /// <summary>Stamps modifications and token expiry; tests can pass a fake.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Listen address; loopback with an OS-chosen port by default.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";
}
