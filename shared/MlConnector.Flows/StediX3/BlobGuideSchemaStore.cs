using Azure;
using Azure.Storage.Blobs.Models;
using MlConnector.Connectors.Stedi.GuideJson;
using MlConnector.Pipeline.Storage;

namespace MlConnector.Flows.StediX3;

/// <summary>Guide JSON Schemas as blobs <c>stedi-guides/{partnership}/{set}.json</c> in the configuration container.</summary>
public sealed class BlobGuideSchemaStore(PipelineStorage storage) : IGuideSchemaStore
{
    private const string Folder = "stedi-guides/";

    public async Task<string?> ReadAsync(string partnershipId, string transactionSetId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Configuration.GetBlobClient(Name(partnershipId, transactionSetId)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public async Task SaveAsync(string partnershipId, string transactionSetId, string schemaJson, CancellationToken cancellationToken)
    {
        await storage.Configuration.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.Configuration.GetBlobClient(Name(partnershipId, transactionSetId)).UploadAsync(BinaryData.FromString(schemaJson), overwrite: true, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string partnershipId, string transactionSetId, CancellationToken cancellationToken) =>
        (await storage.Configuration.GetBlobClient(Name(partnershipId, transactionSetId)).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;

    public async Task<IReadOnlyList<(string PartnershipId, string TransactionSetId)>> ListAsync(CancellationToken cancellationToken)
    {
        var guides = new List<(string, string)>();
        await foreach (var blob in storage.Configuration.GetBlobsAsync(BlobTraits.None, BlobStates.None, Folder, cancellationToken))
        {
            var parts = blob.Name[Folder.Length..].Split('/');
            if (parts.Length == 2 && parts[1].EndsWith(".json", StringComparison.Ordinal))
            {
                guides.Add((parts[0], parts[1][..^5]));
            }
        }

        return guides;
    }

    private static string Name(string partnershipId, string transactionSetId) => $"{Folder}{partnershipId}/{transactionSetId}.json";
}
