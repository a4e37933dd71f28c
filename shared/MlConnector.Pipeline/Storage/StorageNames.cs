namespace MlConnector.Pipeline.Storage;

/// <summary>Every queue, table and container the pipeline uses, derived from one prefix.</summary>
public sealed class StorageNames
{
    public const string PoisonSuffix = "-poison";

    public StorageNames(string prefix)
    {
        var queuePrefix = prefix.ToLowerInvariant();
        var tablePrefix = new string(prefix.Where(char.IsAsciiLetterOrDigit).ToArray());
        MapQueue = queuePrefix + "map";
        WriteQueue = queuePrefix + "write";
        CursorsTable = tablePrefix + "cursors";
        RecordsTable = tablePrefix + "records";
        MappingsTable = tablePrefix + "mappings";
        AuditTable = tablePrefix + "operatoraudit";
        PayloadContainer = queuePrefix + "payloads";
        ConfigurationContainer = queuePrefix + "config";
    }

    public string MapQueue { get; }

    public string WriteQueue { get; }

    public string MapPoisonQueue => MapQueue + PoisonSuffix;

    public string WritePoisonQueue => WriteQueue + PoisonSuffix;

    public string CursorsTable { get; }

    public string RecordsTable { get; }

    public string MappingsTable { get; }

    /// <summary>Who changed what from the console or the admin API, and when.</summary>
    public string AuditTable { get; }

    public string PayloadContainer { get; }

    /// <summary>Files a customer imports to configure a connector (e.g. Stedi guide JSON Schemas), read by every host.</summary>
    public string ConfigurationContainer { get; }
}
