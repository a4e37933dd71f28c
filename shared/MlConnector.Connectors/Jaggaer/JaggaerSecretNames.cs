namespace MlConnector.Connectors.Jaggaer;

/// <summary>Secret store names the JAGGAER connector reads (Key Vault rules: letters, digits, dashes).</summary>
public static class JaggaerSecretNames
{
    /// <summary>The client secret of the J1P integration client (Keycloak realm <c>J1p-integrations</c>).</summary>
    public const string ClientSecret = "jaggaer-client-secret";
}
