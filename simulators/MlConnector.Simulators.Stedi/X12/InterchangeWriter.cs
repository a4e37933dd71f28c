using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MlConnector.Simulators.Stedi.Model;

namespace MlConnector.Simulators.Stedi.X12;

/// <summary>
/// Writes what generate-edi returns: one ISA/IEA interchange (fixed-width 106-character ISA, control number padded to 9),
/// one GS/GE group per transaction group, ST/SE around each transaction with SE01 counting ST and SE.
/// </summary>
internal static class InterchangeWriter
{
    public static string Write(SimPartnership partnership, int controlNumber, DateTimeOffset at, string usage, string ackRequested,
        IReadOnlyList<(SimTransactionSetting Setting, IReadOnlyList<JsonObject> Transactions)> groups)
    {
        var isa = string.Join('*',
            "ISA", "00", Pad(string.Empty, 10), "00", Pad(string.Empty, 10),
            "ZZ", Pad(partnership.LocalIsaId, 15), "ZZ", Pad(partnership.PartnerIsaId, 15),
            at.ToString("yyMMdd", CultureInfo.InvariantCulture), at.ToString("HHmm", CultureInfo.InvariantCulture),
            "U", "00401", controlNumber.ToString("D9", CultureInfo.InvariantCulture), ackRequested, usage, ">") + "~";
        var edi = new StringBuilder(isa);
        var groupNumber = controlNumber;
        foreach (var (setting, transactions) in groups)
        {
            edi.Append(string.Join('*', "GS", FunctionalId(setting.TransactionSetId), partnership.LocalIsaId, partnership.PartnerIsaId,
                at.ToString("yyyyMMdd", CultureInfo.InvariantCulture), at.ToString("HHmm", CultureInfo.InvariantCulture),
                groupNumber.ToString(CultureInfo.InvariantCulture), "X", setting.Release)).Append('~');
            var setNumber = 0;
            foreach (var transaction in transactions)
            {
                setNumber++;
                var st = setNumber.ToString("D4", CultureInfo.InvariantCulture);
                var body = GuideJson.Segments(transaction);
                edi.Append("ST*").Append(setting.TransactionSetId).Append('*').Append(st).Append('~');
                foreach (var segment in body)
                {
                    edi.Append(segment).Append('~');
                }

                edi.Append("SE*").Append((body.Count + 2).ToString(CultureInfo.InvariantCulture)).Append('*').Append(st).Append('~');
            }

            edi.Append("GE*").Append(transactions.Count.ToString(CultureInfo.InvariantCulture)).Append('*').Append(groupNumber.ToString(CultureInfo.InvariantCulture)).Append('~');
        }

        edi.Append("IEA*").Append(groups.Count.ToString(CultureInfo.InvariantCulture)).Append('*').Append(controlNumber.ToString("D9", CultureInfo.InvariantCulture)).Append('~');
        return edi.ToString();
    }

    public static string FunctionalId(string transactionSetId) => transactionSetId switch
    {
        "850" => "PO",
        "855" => "PR",
        "856" => "SH",
        "810" => "IN",
        "997" => "FA",
        _ => "ZZ",
    };

    private static string Pad(string value, int width) => value.Length >= width ? value[..width] : value.PadRight(width);
}
