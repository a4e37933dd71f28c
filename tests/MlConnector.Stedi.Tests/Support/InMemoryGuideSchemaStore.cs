using System.Collections.Concurrent;
using MlConnector.Connectors.Stedi.GuideJson;

namespace MlConnector.Stedi.Tests.Support;

internal sealed class InMemoryGuideSchemaStore : IGuideSchemaStore
{
    private readonly ConcurrentDictionary<(string, string), string> _guides = new();

    public Task<string?> ReadAsync(string partnershipId, string transactionSetId, CancellationToken cancellationToken) =>
        Task.FromResult(_guides.GetValueOrDefault((partnershipId, transactionSetId)));

    public Task SaveAsync(string partnershipId, string transactionSetId, string schemaJson, CancellationToken cancellationToken)
    {
        _guides[(partnershipId, transactionSetId)] = schemaJson;
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string partnershipId, string transactionSetId, CancellationToken cancellationToken) =>
        Task.FromResult(_guides.TryRemove((partnershipId, transactionSetId), out _));

    public Task<IReadOnlyList<(string PartnershipId, string TransactionSetId)>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([.. _guides.Keys]);
}
