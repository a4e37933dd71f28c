namespace MlConnector.Connectors.Jaggaer;

/// <summary>Names under which the JAGGAER connector registers itself, so hosts and flows can ask for its parts.</summary>
public static class JaggaerNames
{
    /// <summary>Keyed <see cref="MlConnector.Core.Flows.ISourceStream"/>: supplier company profiles (sellers).</summary>
    public const string SupplierStream = "jaggaer-suppliers";

    /// <summary>Keyed <see cref="MlConnector.Core.Flows.ISourceStream"/>: purchase orders with their lines.</summary>
    public const string PurchaseOrderStream = "jaggaer-purchase-orders";

    /// <summary>Named HttpClient for J1P API calls (bearer token, resilience).</summary>
    public const string ApiHttpClient = "jaggaer-api";

    /// <summary>Named HttpClient for the Keycloak token endpoint (no bearer token).</summary>
    public const string TokenHttpClient = "jaggaer-token";

    /// <summary>Key of the cached token provider.</summary>
    public const string TokenProvider = "jaggaer";
}
