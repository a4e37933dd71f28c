namespace MlConnector.Connectors.Procurify;

/// <summary>Secret store names the Procurify connector reads (Key Vault rules: letters, digits, dashes).</summary>
public static class ProcurifySecretNames
{
    /// <summary>The API client secret Procurify shows once when the API client is created.</summary>
    public const string ClientSecret = "procurify-client-secret";
}
