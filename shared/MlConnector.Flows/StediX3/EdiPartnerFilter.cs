using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MlConnector.Core.Flows;

namespace MlConnector.Flows.StediX3;

/// <summary>
/// Keeps the records of EDI trading partners out of an X3 stream and lets the rest pass by quietly: an order for a
/// supplier who does not trade by EDI is not an error to retry on every sync, it is simply not this flow's business.
/// The count of passed-over records is logged per page. A supplier mapped later gets its orders on their next change.
/// </summary>
public sealed class EdiPartnerFilter(ISourceStream inner, StediPartners partners, Func<JsonElement, string?> partnerCode, Func<JsonElement, bool> isSendable, ILogger logger) : ISourceStream
{
    public StreamDefinition Definition => inner.Definition;

    public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in inner.ReadAsync(from, cancellationToken))
        {
            var kept = new List<SourceRecord>(page.Records.Count);
            var notEdi = 0;
            var notSendable = 0;
            foreach (var record in page.Records)
            {
                var code = partnerCode(record.Payload);
                if (code is null || await partners.PartnershipOfAsync(code, cancellationToken) is null)
                {
                    notEdi++;
                }
                else if (!isSendable(record.Payload))
                {
                    notSendable++;
                }
                else
                {
                    kept.Add(record);
                }
            }

            if (notEdi + notSendable > 0)
            {
                logger.LogInformation("{Stream}: passed over {NotEdi} records of partners without a Stedi partnership and {NotSendable} closed ones; {Kept} kept",
                    inner.Definition.Name, notEdi, notSendable, kept.Count);
            }

            // An empty page still carries its resume token, so the cursor moves past records that were passed over.
            yield return new SourcePage(kept, page.ResumeToken);
        }
    }
}
