namespace MlConnector.Simulators.SpsCommerce.Contracts;

/// <summary>
/// Where SPS's own RSX 7.7.7 contract files are: the JSON Schemas for OrderAcks (855) and Invoices (810) and the
/// full-field example documents for Orders (850), OrderAcks, Invoices and Shipments (856). They stay in the shared
/// contracts folder beside the repository (<c>../shared/contracts/sps-rsx-7.7.7</c>, source: ShipStream/spscommerce-php-sdk
/// json-schema/v777 and sample-files, commit f0d80b25e81781c4d4fcf27327179cbc9156107f); nothing of them is copied here.
/// </summary>
public static class RsxContractFiles
{
    public const string FolderName = "sps-rsx-7.7.7";

    /// <summary>Overrides the search (a folder holding the files), e.g. on a build agent with the contracts elsewhere.</summary>
    public const string EnvironmentVariable = "MLC_SPS_RSX_CONTRACTS";

    private static readonly Lazy<string?> Located = new(() => Locate(null));

    /// <summary>The contracts folder found from the current and the application directory; null when there is none.</summary>
    public static string? Directory => Located.Value;

    /// <summary>Why contract checks are skipped where the folder is absent (tests print it).</summary>
    public static string MissingReason =>
        $"SPS's RSX 7.7.7 contract files were not found: they live in shared/contracts/{FolderName} beside the repository " +
        $"(../shared/contracts from the repository root), or in the folder {EnvironmentVariable} names.";

    /// <summary>Walks up from <paramref name="start"/> (else the working and application directories) looking for shared/contracts/sps-rsx-7.7.7.</summary>
    public static string? Locate(string? start)
    {
        if (start is null && Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return HasFiles(configured) ? Path.GetFullPath(configured) : null;
        }

        var starts = start is not null ? [start] : new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var origin in starts)
        {
            for (var directory = new DirectoryInfo(origin); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "contracts", FolderName);
                if (HasFiles(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string FileFor(string directory, RsxDocumentType type, bool sample) => Path.Combine(directory, type switch
    {
        RsxDocumentType.Orders => "Orders",
        RsxDocumentType.OrderAcks => "OrderAcks",
        RsxDocumentType.Invoices => "Invoices",
        _ => "Shipments",
    } + (sample ? "-sample.json" : ".json"));

    /// <summary>True when <paramref name="directory"/> holds the contract files.</summary>
    public static bool HasFiles(string directory) =>
        File.Exists(Path.Combine(directory, "OrderAcks.json")) && File.Exists(Path.Combine(directory, "Invoices.json")) &&
        File.Exists(Path.Combine(directory, "Shipments-sample.json")) && File.Exists(Path.Combine(directory, "Orders-sample.json"));
}

/// <summary>The RSX 7.7.7 document types the Transaction API carries between a supplier and its trading partners.</summary>
public enum RsxDocumentType
{
    /// <summary>850, SPS to the supplier (out/).</summary>
    Orders,

    /// <summary>855, the supplier to SPS (in/).</summary>
    OrderAcks,

    /// <summary>810.</summary>
    Invoices,

    /// <summary>856.</summary>
    Shipments,
}
