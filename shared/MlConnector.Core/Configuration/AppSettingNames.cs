namespace MlConnector.Core.Configuration;

/// <summary>
/// App settings read by name rather than through a <see cref="ConfigurationSectionAttribute"/> options
/// class (trigger schedules are resolved by the Functions host from <c>%Name%</c>, storage by the SDK).
/// The deployment tests read <see cref="All"/> to check each one is in local.settings.sample.json and in
/// the Bicep app settings, so a setting added here cannot be forgotten in a deployment.
/// </summary>
public static class AppSettingNames
{
    /// <summary>NCRONTAB (6 fields) for the Procurify -> X3 poll.</summary>
    public const string ProcurifyX3Schedule = "ProcurifyX3_Schedule";

    /// <summary>NCRONTAB (6 fields) for the X3 fulfillment -> Adobe Commerce poll.</summary>
    public const string X3AdobeFulfillmentSchedule = "X3AdobeFulfillment_Schedule";

    /// <summary>NCRONTAB (6 fields) for the Procurify approved requisitions -> X3 poll.</summary>
    public const string ProcurifyRequisitionsX3Schedule = "ProcurifyRequisitionsX3_Schedule";

    /// <summary>NCRONTAB (6 fields) for the JAGGAER suppliers -> X3 poll; schedule it before <see cref="JaggaerX3Schedule"/>.</summary>
    public const string JaggaerSuppliersX3Schedule = "JaggaerSuppliersX3_Schedule";

    /// <summary>NCRONTAB (6 fields) for the JAGGAER purchase orders -> X3 poll.</summary>
    public const string JaggaerX3Schedule = "JaggaerX3_Schedule";

    /// <summary>NCRONTAB (6 fields) for the SPS Commerce orders (out/ folder) -> X3 sales orders poll.</summary>
    public const string SpsX3Schedule = "SpsX3_Schedule";

    /// <summary>NCRONTAB (6 fields) for the X3 sales orders -> SPS acknowledgments (855) poll.</summary>
    public const string X3SpsAcksSchedule = "X3SpsAcks_Schedule";

    /// <summary>NCRONTAB (6 fields) for the X3 sales invoices -> SPS invoices (810) poll.</summary>
    public const string X3SpsInvoicesSchedule = "X3SpsInvoices_Schedule";

    /// <summary>NCRONTAB (6 fields) for the X3 sales deliveries -> SPS ship notices (856) poll.</summary>
    public const string X3SpsShipmentsSchedule = "X3SpsShipments_Schedule";

    /// <summary>NCRONTAB (6 fields) for the X3 purchase orders -> Stedi 850 poll.</summary>
    public const string X3StediSchedule = "X3Stedi_Schedule";

    /// <summary>NCRONTAB (6 fields) for the X3 customer invoices -> Stedi 810 poll.</summary>
    public const string X3StediInvoicesSchedule = "X3StediInvoices_Schedule";

    /// <summary>NCRONTAB (6 fields) for the pipeline maintenance sweep (stalled intakes, webhook rejects, poison gauges).</summary>
    public const string MaintenanceSchedule = "Maintenance_Schedule";

    /// <summary>The Key Vault holding connector secrets, e.g. https://kv-name.vault.azure.net/.</summary>
    public const string KeyVaultUri = "SecretStore__KeyVaultUri";

    /// <summary>Host storage (queues, tables, blobs): a connection string locally, an identity-based family in Azure.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    public static IReadOnlyList<string> All { get; } =
    [
        ProcurifyX3Schedule,
        X3AdobeFulfillmentSchedule,
        ProcurifyRequisitionsX3Schedule,
        JaggaerSuppliersX3Schedule,
        JaggaerX3Schedule,
        SpsX3Schedule,
        X3SpsAcksSchedule,
        X3SpsInvoicesSchedule,
        X3SpsShipmentsSchedule,
        X3StediSchedule,
        X3StediInvoicesSchedule,
        MaintenanceSchedule,
        KeyVaultUri,
        StorageConnection,
    ];
}
