namespace MlConnector.Connectors.SpsCommerce;

/// <summary>Secret store names the SPS Commerce connector reads (Key Vault rules: letters, digits, dashes).</summary>
public static class SpsCommerceSecretNames
{
    /// <summary>The client secret of the SPS Machine-to-Machine app (Auth0 client credentials).</summary>
    public const string ClientSecret = "sps-commerce-client-secret";
}
