using MlConnector.Core.Flows;
using MlConnector.Pipeline.Cursors;
using MlConnector.Pipeline.Flows;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// A dry run reads the real source and maps every record against the target's real reference data, but
/// writes nothing and moves no cursor: how a new customer sees what would be written and what would be rejected.
/// </summary>
public sealed class DryRunner(FlowCatalog catalog, CursorStore cursors, DocumentValidation validation)
{
    public async Task<DryRunReport> RunAsync(string flowName, DateTimeOffset? since, int? limit, IProgress<PollProgress>? progress, CancellationToken cancellationToken)
    {
        var parts = catalog.Parts(flowName);
        var definition = parts.Source.Definition;
        var position = since is { } start
            ? new StreamPosition(start, null)
            : await SavedPositionAsync(flowName, definition, cancellationToken);
        var wouldWrite = new List<DryRunItem>();
        var wouldReject = new List<DryRunItem>();
        var pages = 0;
        await foreach (var page in parts.Source.ReadAsync(position, cancellationToken))
        {
            pages++;
            foreach (var record in page.Records)
            {
                var result = await parts.Mapper.MapAsync(record, cancellationToken);
                if (result is MapResult.MappedResult { Document: var document } && validation.Refusal(document, parts.Definition.TargetSystem) is { } refusal)
                {
                    result = MapResult.Rejected(refusal);
                }

                if (result is MapResult.MappedResult mapped)
                {
                    wouldWrite.Add(new DryRunItem(record.Key, mapped.Document.Summary));
                }
                else if (result is MapResult.RejectedResult rejected)
                {
                    wouldReject.Add(new DryRunItem(record.Key, rejected.Reason));
                }
            }

            progress?.Report(new PollProgress(pages, wouldWrite.Count + wouldReject.Count, 0));
            if (limit is { } max && wouldWrite.Count + wouldReject.Count >= max)
            {
                break;
            }
        }

        return new DryRunReport(flowName, wouldWrite, wouldReject);
    }

    private async Task<StreamPosition> SavedPositionAsync(string flow, StreamDefinition definition, CancellationToken cancellationToken)
    {
        var cursor = await cursors.GetAsync(flow, definition.Name, cancellationToken);
        if (cursor is null || string.IsNullOrEmpty(cursor.Value))
        {
            return StreamPosition.Beginning;
        }

        return definition.CursorKind == CursorKind.Opaque
            ? new StreamPosition(null, cursor.Value)
            : new StreamPosition(CursorStore.ParseInstant(cursor.Value) - definition.OverlapWindow, null);
    }
}

public sealed record DryRunReport(string Flow, IReadOnlyList<DryRunItem> WouldWrite, IReadOnlyList<DryRunItem> WouldReject);

/// <param name="Detail">The target document's summary, or the rejection reason.</param>
public sealed record DryRunItem(string SourceKey, string Detail);
