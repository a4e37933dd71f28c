namespace MlConnector.Core.Validation;

/// <summary>
/// The ISO 4217 alphabetic codes of currencies in circulation, which a document's money may be in. Left out on purpose:
/// XXX (no currency), XTS (testing), the precious metals (XAU, XAG, XPD, XPT) and the bond-market and drawing-right
/// units (XBA-XBD, XDR, XSU, XUA), none of which an order or an invoice is priced in.
/// Source: ISO 4217 List One as published by SIX (https://www.six-group.com/en/products-services/financial-information/data-standards.html),
/// cross-checked with github.com/datasets/currency-codes, data/codes-all.csv.
/// </summary>
public static class CurrencyCodes
{
    private static readonly HashSet<string> Current = new(StringComparer.Ordinal)
    {
        "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BHD", "BIF", "BMD", "BND",
        "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY",
        "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP",
        "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD",
        "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP",
        "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN",
        "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN",
        "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD",
        "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX",
        "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF",
        "YER", "ZAR", "ZMW", "ZWG",
    };

    /// <summary>True for an ISO 4217 code of a currency in circulation, in upper case as the standard writes it.</summary>
    public static bool IsCurrent(string? code) => code is { Length: 3 } && Current.Contains(code);
}
