namespace MlConnector.Connectors.Stedi;

/// <summary>Named HTTP clients and keyed services of the Stedi connector.</summary>
public static class StediNames
{
    /// <summary>Core API calls, with the API key and without following redirects.</summary>
    public const string ApiHttpClient = "stedi-api";

    /// <summary>Pre-signed artifact downloads: no API key (the URL carries its own signature).</summary>
    public const string ArtifactHttpClient = "stedi-artifacts";

    /// <summary>The keyed <see cref="MlConnector.Core.Flows.ITargetSink"/> for <see cref="StediOutboundDocument"/>s.</summary>
    public const string OutboundSink = StediOutboundDocument.Kind;

    /// <summary>The keyed <see cref="MlConnector.Core.Flows.IWebhookSource"/> for transaction events.</summary>
    public const string WebhookSource = "stedi-transactions";

    /// <summary>Mapping table: X3 supplier or customer code -> Stedi partnership id. A code without a row is not an EDI partner.</summary>
    public const string PartnershipTable = "trading-partner";

    /// <summary>Mapping table: <c>{partnershipId}:{set}</c> -> the outbound transaction setting id, where it is not the configured pattern.</summary>
    public const string TransactionSettingTable = "stedi-transaction-setting";
}
