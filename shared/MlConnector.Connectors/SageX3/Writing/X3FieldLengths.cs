namespace MlConnector.Connectors.SageX3.Writing;

/// <summary>
/// How long the X3 fields the connector writes may be in the standard data dictionary, and the numeric ranges X3
/// stores. Sources (developer.sage.com/x3/import-export-guide/examples/): sales-order-soh-template (SOHNUM 20,
/// SALFCY 5, BPCORD 15, CUSORDREF 20, CUR 3, ITMREF 20, ITMDES 30, SAU 3, QTY decimal 15, GROPRI decimal 10.4),
/// customer-bpc-template (BPCNUM 15, BPRNAM 35, CRN 20, CUR 3) and product-itm-template (ITMREF 20, descriptions 30,
/// units 3). Inferred from those, as the same data types: POHNUM and the supplier's invoice number BPRVCR (document
/// numbers, 20), BPSNUM (a business partner code, 15), POHFCY (a site, 5), UOM (a unit, 3), BPSNAM (the partner
/// name, 35); ACC and CCE take the 15 characters of a dimension code (ITMMASTER.CCE in a public X3 table script).
/// A customer whose dictionary differs overrides a field with <c>SageX3__FieldLengths__&lt;FIELD&gt;</c>.
/// </summary>
public static class X3FieldLengths
{
    /// <summary>GROPRI is decimal 10.4: ten digits before the decimal point.</summary>
    public const decimal PriceLimit = 10_000_000_000m;

    /// <summary>QTY is decimal 15; with X3's usual four decimals, eleven digits before the point.</summary>
    public const decimal QuantityLimit = 100_000_000_000m;

    public static IReadOnlyDictionary<string, int> Standard { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["POHNUM"] = 20,
        ["SOHNUM"] = 20,
        ["BPRVCR"] = 20,
        ["CUSORDREF"] = 20,
        ["BPSNUM"] = 15,
        ["BPCORD"] = 15,
        ["BPSNAM"] = 35,
        ["CRN"] = 20,
        ["FCY"] = 5,
        ["ITMREF"] = 20,
        ["ITMDES"] = 30,
        ["UOM"] = 3,
        ["ACC"] = 15,
        ["CCE"] = 15,
    };
}
