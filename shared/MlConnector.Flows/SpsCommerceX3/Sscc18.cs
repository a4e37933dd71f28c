using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// GS1 Serial Shipping Container Codes (SSCC-18) for the cartons of a ship notice: extension digit, the supplier's GS1
/// company prefix, a serial reference, and the GS1 mod-10 check digit (GS1 General Specifications, "check digit
/// calculation": weights 3 and 1 alternating from the rightmost data digit). The serial reference is derived from the
/// delivery and the carton's position, so the same carton gets the same label on every resend of its delivery.
/// </summary>
public static class Sscc18
{
    /// <summary>GS1's own example company prefix (used in GS1's documents); a supplier sets its own.</summary>
    public const string ExampleCompanyPrefix = "0614141";

    /// <summary>The SSCC-18 of carton <paramref name="carton"/> (1-based) of <paramref name="deliveryNumber"/>.</summary>
    public static string For(string companyPrefix, string deliveryNumber, int carton, char extensionDigit = '0')
    {
        if (companyPrefix.Length is < 6 or > 12 || !companyPrefix.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"A GS1 company prefix is 6 to 12 digits; '{companyPrefix}' is not.", nameof(companyPrefix));
        }

        var serialDigits = 16 - companyPrefix.Length;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{deliveryNumber}#{carton}")));
        var serial = BitConverter.ToUInt64(hash, 0) % (ulong)Math.Pow(10, serialDigits);
        var data = extensionDigit + companyPrefix + serial.ToString(CultureInfo.InvariantCulture).PadLeft(serialDigits, '0');
        return data + CheckDigit(data);
    }

    /// <summary>The GS1 mod-10 check digit of <paramref name="data"/> (all digits, check digit excluded).</summary>
    public static char CheckDigit(string data)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var digit = data[data.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>True when <paramref name="sscc"/> is 18 digits whose last is the check digit of the first 17.</summary>
    public static bool IsValid(string sscc) =>
        sscc.Length == 18 && sscc.All(char.IsAsciiDigit) && CheckDigit(sscc[..17]) == sscc[17];
}
