namespace MlConnector.Connectors.Procurify;

/// <summary>Names under which the Procurify connector registers itself, so hosts and flows can ask for its parts.</summary>
public static class ProcurifyNames
{
    /// <summary>Keyed <see cref="MlConnector.Core.Flows.ISourceStream"/>: purchase orders with their lines.</summary>
    public const string PurchaseOrderStream = "procurify-purchase-orders";

    /// <summary>Keyed <see cref="MlConnector.Core.Flows.ISourceStream"/>: approved requisitions with their lines.</summary>
    public const string RequisitionStream = "procurify-requisitions";

    /// <summary>Named HttpClient for API calls (bearer token, Procurify headers, resilience).</summary>
    public const string ApiHttpClient = "procurify-api";

    /// <summary>Named HttpClient for the token endpoint (no bearer token).</summary>
    public const string TokenHttpClient = "procurify-token";

    /// <summary>Key of the cached token provider.</summary>
    public const string TokenProvider = "procurify";
}
