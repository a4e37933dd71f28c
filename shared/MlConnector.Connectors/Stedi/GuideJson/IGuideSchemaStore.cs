namespace MlConnector.Connectors.Stedi.GuideJson;

/// <summary>
/// Where imported guide JSON Schemas are kept, one per partnership and transaction set (<c>mlc stedi guide import</c>
/// writes them; the runtime and the Functions app read them): blob storage beside the pipeline's other state.
/// </summary>
public interface IGuideSchemaStore
{
    Task<string?> ReadAsync(string partnershipId, string transactionSetId, CancellationToken cancellationToken);

    Task SaveAsync(string partnershipId, string transactionSetId, string schemaJson, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(string partnershipId, string transactionSetId, CancellationToken cancellationToken);

    Task<IReadOnlyList<(string PartnershipId, string TransactionSetId)>> ListAsync(CancellationToken cancellationToken);
}
