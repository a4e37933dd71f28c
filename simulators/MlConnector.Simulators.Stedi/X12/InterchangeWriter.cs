using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MlConnector.Simulators.Stedi.Model;

namespace MlConnector.Simulators.Stedi.X12;

/// <summary>One transaction ready to envelope: its setting and its rendered segments (ST/SE excluded).</summary>
internal sealed record RenderedTransaction(SimTransactionSetting Setting, IReadOnlyList<string[]> Segments);

/// <summary>
/// Writes what generate-edi returns: one ISA/IEA interchange (fixed-width 106-character ISA, control number padded to
/// 9), one GS/GE group per transaction group, ST/SE around each transaction with SE01 counting ST and SE. The envelope
/// follows the guide's release, as Stedi's does: ISA11 is the repetition separator <c>^</c> from 00402 on (the code
/// <c>U</c> before), ISA12 the release's control version (<c>00401</c>, <c>00501</c>), GS08 the release itself. GS05 is
/// HHMMSS and GS06 padded to 9 digits as in Stedi's own generate-edi example (OpenAPI GenerateEdi_example1) and its
/// bootstrap 850 (Stedi-Demos/bootstrap-archived README.md). Returns each transaction's x12 metadata as Stedi's
/// events carry it.
/// </summary>
internal static class InterchangeWriter
{
    public static (string Edi, List<JsonObject> Metadata) Write(SimPartnership partnership, bool fromPartner, int controlNumber, DateTimeOffset at, string usage, string ackRequested,
        IReadOnlyList<IReadOnlyList<RenderedTransaction>> groups)
    {
        var release = groups[0][0].Setting.Release;
        var delimiters = Delimiters.For(release);
        var (senderQualifier, senderId, receiverQualifier, receiverId) = fromPartner
            ? (partnership.PartnerQualifier, partnership.PartnerIsaId, partnership.LocalQualifier, partnership.LocalIsaId)
            : (partnership.LocalQualifier, partnership.LocalIsaId, partnership.PartnerQualifier, partnership.PartnerIsaId);
        var e = delimiters.Element.ToString();
        var t = delimiters.Segment;
        var edi = new StringBuilder();
        edi.Append(string.Join(e,
            "ISA", "00", Pad(string.Empty, 10), "00", Pad(string.Empty, 10),
            senderQualifier, Pad(senderId, 15), receiverQualifier, Pad(receiverId, 15),
            at.ToString("yyMMdd", CultureInfo.InvariantCulture), at.ToString("HHmm", CultureInfo.InvariantCulture),
            delimiters.Repetition?.ToString() ?? "U", release[..5], controlNumber.ToString("D9", CultureInfo.InvariantCulture), ackRequested, usage, delimiters.Component.ToString())).Append(t);
        var metadata = new List<JsonObject>();
        var groupNumber = controlNumber;
        foreach (var group in groups)
        {
            var setting = group[0].Setting;
            var gs06 = groupNumber.ToString("D9", CultureInfo.InvariantCulture);
            edi.Append(string.Join(e, "GS", FunctionalId(setting.TransactionSetId), senderId, receiverId,
                at.ToString("yyyyMMdd", CultureInfo.InvariantCulture), at.ToString("HHmmss", CultureInfo.InvariantCulture), gs06, "X", setting.Release)).Append(t);
            var setNumber = 0;
            foreach (var transaction in group)
            {
                setNumber++;
                var st = setNumber.ToString("D4", CultureInfo.InvariantCulture);
                edi.Append("ST").Append(e).Append(setting.TransactionSetId).Append(e).Append(st).Append(t);
                foreach (var segment in transaction.Segments)
                {
                    edi.Append(string.Join(e, segment)).Append(t);
                }

                edi.Append("SE").Append(e).Append((transaction.Segments.Count + 2).ToString(CultureInfo.InvariantCulture)).Append(e).Append(st).Append(t);
                metadata.Add(new JsonObject
                {
                    ["interchange"] = new JsonObject { ["acknowledgmentRequestedCode"] = ackRequested, ["controlNumber"] = controlNumber },
                    ["functionalGroup"] = new JsonObject
                    {
                        ["controlNumber"] = groupNumber,
                        ["release"] = setting.Release,
                        ["date"] = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["time"] = at.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                        ["functionalIdentifierCode"] = FunctionalId(setting.TransactionSetId),
                    },
                    ["transaction"] = new JsonObject { ["controlNumber"] = st, ["transactionSetIdentifier"] = setting.TransactionSetId },
                    ["sender"] = new JsonObject { ["applicationCode"] = senderId, ["isa"] = new JsonObject { ["qualifier"] = senderQualifier, ["id"] = senderId } },
                    ["receiver"] = new JsonObject { ["applicationCode"] = receiverId, ["isa"] = new JsonObject { ["qualifier"] = receiverQualifier, ["id"] = receiverId } },
                });
            }

            edi.Append("GE").Append(e).Append(group.Count.ToString(CultureInfo.InvariantCulture)).Append(e).Append(gs06).Append(t);
            groupNumber++;
        }

        edi.Append("IEA").Append(e).Append(groups.Count.ToString(CultureInfo.InvariantCulture)).Append(e).Append(controlNumber.ToString("D9", CultureInfo.InvariantCulture)).Append(t);
        return (edi.ToString(), metadata);
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
