namespace MlConnector.Simulators.SageX3.Model;

/// <summary>One X3 class (object) as the simulator stores it: key, header fields, line fields.</summary>
internal sealed record X3ClassDefinition(
    string Name,
    string KeyField,
    IReadOnlyList<string> HeaderFields,
    IReadOnlyList<string> LineFields,
    string? NumberPrefix);

/// <summary>
/// A representation: the customer-configurable view of a class. The query facet exposes
/// <paramref name="QueryFields"/>; details add the lines under <paramref name="LinesProperty"/>.
/// </summary>
internal sealed record X3Representation(
    string Name,
    string ClassName,
    IReadOnlyList<string> QueryFields,
    IReadOnlyList<string> DetailFields,
    string? LinesProperty,
    IReadOnlyList<string> LineFields,
    bool IsWritable = false);

/// <summary>The classes and representations the simulated folder publishes (data, not code, so tests can vary them).</summary>
internal static class X3Catalog
{
    public const string ExternalReference = "YEXTREF";

    public static readonly IReadOnlyList<X3ClassDefinition> Classes =
    [
        new("PORDER", "POHNUM", ["POHNUM", "POHFCY", "BPSNUM", "BPSNAM", "ORDDAT", "CUR", "CLEFLG", "EXTRCPDAT", ExternalReference, "YACKSTA", "YACKDAT", "CREDATTIM", "UPDDATTIM"],
            ["POPLIN", "POQSEQ", "ITMREF", "ITMDES", "QTYUOM", "UOM", "GROPRI", "AMTTAX", "ACC", "CCE", "EXTRCPDAT"], "PO"),
        new("BPSUPPLIER", "BPSNUM", ["BPSNUM", "BPSNAM", "CUR", "CRN", "WEB", "BPAADDLIG1", "BPAADDLIG2", "CTY", "SAT", "POSCOD", "CRY", "ENAFLG", ExternalReference, "CREDATTIM", "UPDDATTIM"], [], "S"),
        new("PINVOICE", "NUM", ["NUM", "BPR", "BPRNAM", "BPRVCR", "ACCDAT", "CUR", "POHNUM", "AMTNOT", "AMTATI", "INVSHI", "INVDCT", ExternalReference, "CREDATTIM", "UPDDATTIM"],
            ["LIN", "ITMREF", "ITMDES", "QTYUOM", "NETPRI", "AMTTAX", "TAXRAT", "ACC", "POPLIN"], "PI"),
        new("GACCOUNT", "ACC", ["ACC", "DES", "CREDATTIM", "UPDDATTIM"], [], null),
        new("CACCE", "CCE", ["CCE", "DIE", "DES", "CREDATTIM", "UPDDATTIM"], [], null),
        new("ITMMASTER", "ITMREF", ["ITMREF", "ITMDES1", "STU", "CREDATTIM", "UPDDATTIM"], [], null),
        new("PRECEIPT", "PTHNUM", ["PTHNUM", "PRHFCY", "BPSNUM", "RCPDAT", "BPTNUM", "TRKNUM", ExternalReference, "CREDATTIM", "UPDDATTIM"],
            ["PTDLIN", "PRHFCY", "POHNUM", "POPLIN", "POQSEQ", "ITMREF", "QTYUOM", "UOM", "STA"], "RC"),
        // SDELIVERY's delivery address (BPAADD) and each line's sales order line (SOPLIN), as on X3's SDELIVERY / SDELIVERYD.
        new("SDELIVERY", "SDHNUM", ["SDHNUM", "SOHNUM", "BPCORD", "SHIDAT", "BPTNUM", "BPTNAM", "TRKNUM", "CFMFLG", ExternalReference, "BPAADD", "CREDATTIM", "UPDDATTIM"],
            ["SDDLIN", "ITMREF", "QTY", "SAU", "SOPLIN"], "SD"),
        // SORDER's ship-to (BPAADD code or BPD* free address), bill-to (BPCINV, BPI*), ship date, carrier, terms, header text and
        // invoicing elements, and per line the delivery address and dates: field codes as in X3's SORDER / SORDERQ tables
        // (seen in public SQL and schema files over them, e.g. BPDADDLIG_0..2, SHIDAT_0, PTE_0, SOHTEX1_0, INVDTAAMT_0).
        new("SORDER", "SOHNUM", ["SOHNUM", "SALFCY", "BPCORD", "BPCNAM", "CUSORDREF", "ORDDAT", "DEMDLVDAT", "CUR", "CLEFLG", ExternalReference,
                "BPCINV", "BPAADD", "BPDNAM", "BPDADDLIG", "BPDCTY", "BPDSAT", "BPDPOSCOD", "BPDCRY", "BPINAM", "BPIADDLIG", "BPICTY", "BPISAT", "BPIPOSCOD", "BPICRY",
                "SHIDAT", "BPTNUM", "PTE", "SOHTEX1", "INVDTA", "INVDTAAMT", "CREDATTIM", "UPDDATTIM"],
            ["SOPLIN", "ITMREF", "ITMDES", "QTY", "SAU", "GROPRI", "DEMDLVDAT", "SHIDAT", "BPAADD"], "SO"),
        new("FACILITY", "FCY", ["FCY", "FCYNAM", "LEGCPY", "CREDATTIM", "UPDDATTIM"], [], null),
        new("BPCUSTOMER", "BPCNUM", ["BPCNUM", "BPCNAM", "CUR", "CRY", "CREDATTIM", "UPDDATTIM"], [], null),
        new("SINVOICE", "NUM", ["NUM", "BPCINV", "BPCNAM", "INVDAT", "CUR", "SOHNUM", "CUSORDREF", "STA", "AMTNOT", ExternalReference, "CREDATTIM", "UPDDATTIM"],
            ["SIDLIN", "ITMREF", "ITMDES", "QTY", "SAU", "NETPRI", "AMTTAX"], "SI"),
    ];

    /// <summary>
    /// Writable representations a customer builds for the writes (X3's standard representations only read): class ->
    /// name. They match the connector's default <c>SageX3__…WriteRepresentation</c> settings.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultWritableRepresentations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PORDER"] = "YMLPOH",
        ["BPSUPPLIER"] = "YMLBPS",
        ["PINVOICE"] = "YMLPIH",
        ["PRECEIPT"] = "YMLPTH",
        ["SORDER"] = "YMLSOH",
    };

    public static X3ClassDefinition? FindClass(string name) =>
        Classes.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>The representations a folder publishes: the standard (read-only) ones and the given writable ones.</summary>
    public static IReadOnlyList<X3Representation> Representations(IReadOnlyDictionary<string, string> writable)
    {
        var list = StandardRepresentations();
        foreach (var (className, name) in writable)
        {
            var standard = list.First(r => r.Name == className);
            list.Add(standard with { Name = name, IsWritable = true });
        }

        return list;
    }

    private static List<X3Representation> StandardRepresentations()
    {
        var lineArrays = new Dictionary<string, string>
        {
            ["PORDER"] = "PORDERP",
            ["PINVOICE"] = "PINVOICED",
            ["PRECEIPT"] = "PRECEIPTD",
            ["SDELIVERY"] = "SDELIVERYD",
            ["SORDER"] = "SORDERQ",
            ["SINVOICE"] = "SINVOICED",
        };
        var list = new List<X3Representation>();
        foreach (var cls in Classes)
        {
            var linesProperty = lineArrays.GetValueOrDefault(cls.Name);
            list.Add(new X3Representation(cls.Name, cls.Name, cls.HeaderFields, cls.HeaderFields, linesProperty, cls.LineFields));
        }

        // A customer representation whose query facet leaves out the technical columns: delta reads must fail clearly.
        var order = Classes[0];
        var withoutStamps = order.HeaderFields.Where(f => f is not "UPDDATTIM" and not "CREDATTIM").ToArray();
        list.Add(new X3Representation("YPOHLITE", "PORDER", withoutStamps, withoutStamps, "YPOHLINES", order.LineFields));
        return list;
    }
}
