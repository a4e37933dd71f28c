using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace MlConnector.Pipeline.Storage;

/// <summary>
/// The pipeline's Azure Storage clients (real SDK clients: Azurite locally, the account in Azure). Queue clients
/// use Base64 message encoding, which the Functions queue trigger expects by default.
/// </summary>
public sealed class PipelineStorage
{
    public PipelineStorage(StorageConnection connection, StorageNames names, StorageOperationCounter counter)
    {
        Names = names;
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        queueOptions.AddPolicy(counter.PolicyFor(StorageService.Queue), HttpPipelinePosition.PerRetry);
        tableOptions.AddPolicy(counter.PolicyFor(StorageService.Table), HttpPipelinePosition.PerRetry);
        blobOptions.AddPolicy(counter.PolicyFor(StorageService.Blob), HttpPipelinePosition.PerRetry);

        QueueServiceClient queues;
        TableServiceClient tables;
        BlobServiceClient blobs;
        if (connection.ConnectionString is { } connectionString)
        {
            queues = new QueueServiceClient(connectionString, queueOptions);
            tables = new TableServiceClient(connectionString, tableOptions);
            blobs = new BlobServiceClient(connectionString, blobOptions);
        }
        else
        {
            queues = new QueueServiceClient(connection.QueueServiceUri, connection.Credential, queueOptions);
            tables = new TableServiceClient(connection.TableServiceUri, connection.Credential, tableOptions);
            blobs = new BlobServiceClient(connection.BlobServiceUri, connection.Credential, blobOptions);
        }

        MapQueue = queues.GetQueueClient(names.MapQueue);
        WriteQueue = queues.GetQueueClient(names.WriteQueue);
        MapPoisonQueue = queues.GetQueueClient(names.MapPoisonQueue);
        WritePoisonQueue = queues.GetQueueClient(names.WritePoisonQueue);
        Cursors = tables.GetTableClient(names.CursorsTable);
        Records = tables.GetTableClient(names.RecordsTable);
        Mappings = tables.GetTableClient(names.MappingsTable);
        Audit = tables.GetTableClient(names.AuditTable);
        Payloads = blobs.GetBlobContainerClient(names.PayloadContainer);
        Configuration = blobs.GetBlobContainerClient(names.ConfigurationContainer);
    }

    public StorageNames Names { get; }

    public QueueClient MapQueue { get; }

    public QueueClient WriteQueue { get; }

    public QueueClient MapPoisonQueue { get; }

    public QueueClient WritePoisonQueue { get; }

    public TableClient Cursors { get; }

    public TableClient Records { get; }

    public TableClient Mappings { get; }

    public TableClient Audit { get; }

    public BlobContainerClient Payloads { get; }

    /// <summary>Imported configuration files (Stedi guides), kept apart from the claim-check payloads.</summary>
    public BlobContainerClient Configuration { get; }

    public QueueClient QueueFor(PipelineQueue queue) => queue switch
    {
        PipelineQueue.Map => MapQueue,
        PipelineQueue.Write => WriteQueue,
        _ => throw new ArgumentOutOfRangeException(nameof(queue)),
    };

    public QueueClient PoisonQueueFor(PipelineQueue queue) => queue switch
    {
        PipelineQueue.Map => MapPoisonQueue,
        PipelineQueue.Write => WritePoisonQueue,
        _ => throw new ArgumentOutOfRangeException(nameof(queue)),
    };

    /// <summary>Creates what is missing; safe to call at every start.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            MapQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            WriteQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            MapPoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            WritePoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Cursors.CreateIfNotExistsAsync(cancellationToken),
            Records.CreateIfNotExistsAsync(cancellationToken),
            Mappings.CreateIfNotExistsAsync(cancellationToken),
            Audit.CreateIfNotExistsAsync(cancellationToken),
            Payloads.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Configuration.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
    }
}

public enum PipelineQueue
{
    Map,
    Write,
}
