namespace MlConnector.Connectors.SpsCommerce;

/// <summary>Names under which the SPS Commerce connector registers itself.</summary>
public static class SpsCommerceNames
{
    /// <summary>Keyed <see cref="MlConnector.Core.Flows.ISourceStream"/>: RSX Orders (850) files in the orders folder.</summary>
    public const string OrderStream = "sps-orders";

    /// <summary>Named HttpClient for Transaction API calls (bearer token, resilience).</summary>
    public const string ApiHttpClient = "sps-api";

    /// <summary>Named HttpClient for the Auth0 token endpoint.</summary>
    public const string TokenHttpClient = "sps-token";

    /// <summary>Key of the cached token provider.</summary>
    public const string TokenProvider = "sps-commerce";
}
