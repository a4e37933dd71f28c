using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.SpsCommerce.Streams;

/// <summary>
/// Trading partners' purchase orders as SPS delivers them: RSX files in the orders folder (<c>out/PO/</c>). The folder
/// is the cursor: each run lists it from the start, downloads a page of files and yields their orders; only when the
/// engine asks for the next page (after it has durably admitted every record of this one: record row written and
/// message enqueued) are this page's files deleted, as SPS expects of processed <c>out/</c> files. If admission fails
/// the enumeration stops there and the files stay for the next run, whose re-read versions the engine skips. Each
/// file's orders carry its place in the order SPS made them available (this run's start, then the listing position),
/// so several files of one PO apply oldest first.
/// </summary>
public sealed class SpsOrderFileStream(SpsCommerceClient client, IOptions<SpsCommerceOptions> options, TimeProvider time, ILogger<SpsOrderFileStream> logger) : ISourceStream
{
    public StreamDefinition Definition => new()
    {
        Name = SpsCommerceNames.OrderStream,
        CursorKind = CursorKind.Opaque,
        CursorField = "files in " + options.Value.OrdersFolder + " (deleted once admitted)",
        Pagination = PaginationKind.CursorToken,
        PageSize = options.Value.PageSize,
    };

    public async IAsyncEnumerable<SourcePage> ReadAsync(StreamPosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The saved position is informational: files still in the folder are exactly the ones not yet admitted.
        var folder = options.Value.OrdersFolder;
        var run = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var position = 0;
        await foreach (var listing in client.ListAsync(folder, cancellationToken))
        {
            var records = new List<SourceRecord>();
            var files = new List<string>();
            foreach (var entry in listing.Entries.Where(entry => !entry.IsDirectory))
            {
                var content = await client.DownloadAsync(entry.Path, cancellationToken);
                if (content is null)
                {
                    continue; // removed since the listing: another run took it
                }

                records.AddRange(RsxOrderFile.Read(entry.Path, content, $"{run}-{++position:D6}"));
                files.Add(entry.Path);
            }

            if (files.Count == 0)
            {
                continue;
            }

            yield return new SourcePage(records, files[^1]);

            // Resumed by the engine only after this page's records are admitted: now the files may go.
            foreach (var file in files)
            {
                await client.DeleteAsync(file, cancellationToken);
            }

            logger.LogInformation("Admitted {Records} orders from {Files} SPS files in {Folder} and deleted the files", records.Count, files.Count, folder);
        }
    }
}
