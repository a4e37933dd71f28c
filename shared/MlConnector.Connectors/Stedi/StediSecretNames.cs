namespace MlConnector.Connectors.Stedi;

/// <summary>Secret store names the Stedi connector reads (Key Vault rules: letters, digits, dashes).</summary>
public static class StediSecretNames
{
    /// <summary>The Stedi API key (static; it does not expire until revoked).</summary>
    public const string ApiKey = "stedi-api-key";

    /// <summary>What Stedi's webhook destination sends: the API-key header value, or the Basic password.</summary>
    public const string WebhookCredential = "stedi-webhook-credential";
}
