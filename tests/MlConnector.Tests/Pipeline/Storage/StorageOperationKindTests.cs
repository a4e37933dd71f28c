using MlConnector.Pipeline.Storage;

namespace MlConnector.Tests.Pipeline.Storage;

/// <summary>The bench lists storage operations per record by kind; each request must land under what it does.</summary>
public sealed class StorageOperationKindTests
{
    [Theory]
    [InlineData(StorageService.Queue, "POST", "http://127.0.0.1:10001/devstoreaccount1/pmap/messages?messagettl=-1", "queue send")]
    [InlineData(StorageService.Queue, "GET", "http://127.0.0.1:10001/devstoreaccount1/pmap/messages?numofmessages=16&visibilitytimeout=300", "queue receive")]
    [InlineData(StorageService.Queue, "GET", "http://127.0.0.1:10001/devstoreaccount1/pmap/messages?peekonly=true", "queue peek")]
    [InlineData(StorageService.Queue, "DELETE", "https://acct.queue.core.windows.net/pmap/messages/8a1e?popreceipt=AgAAAA", "queue delete")]
    [InlineData(StorageService.Queue, "PUT", "https://acct.queue.core.windows.net/pmap/messages/8a1e?popreceipt=AgAAAA&visibilitytimeout=0", "queue update (lease, release)")]
    [InlineData(StorageService.Queue, "GET", "http://127.0.0.1:10001/devstoreaccount1/pmap?comp=metadata", "queue length")]
    [InlineData(StorageService.Table, "POST", "http://127.0.0.1:10002/devstoreaccount1/records", "table insert")]
    [InlineData(StorageService.Table, "PATCH", "http://127.0.0.1:10002/devstoreaccount1/records(PartitionKey='f~k1a2b~1',RowKey='r%7C1')", "table merge")]
    [InlineData(StorageService.Table, "GET", "http://127.0.0.1:10002/devstoreaccount1/records(PartitionKey='f~k1a2b~1',RowKey='r%7C1')", "table point read")]
    [InlineData(StorageService.Table, "GET", "http://127.0.0.1:10002/devstoreaccount1/records()?$filter=Status%20eq%20'Received'", "table query")]
    [InlineData(StorageService.Table, "POST", "http://127.0.0.1:10002/devstoreaccount1/$batch", "table batch")]
    [InlineData(StorageService.Blob, "PUT", "http://127.0.0.1:10000/devstoreaccount1/payloads/flow/1.json", "blob upload")]
    [InlineData(StorageService.Blob, "DELETE", "http://127.0.0.1:10000/devstoreaccount1/payloads/flow/1.json", "blob delete")]
    public void A_request_is_named_by_what_it_does(StorageService service, string method, string uri, string expected)
    {
        Assert.Equal(expected, StorageOperationKind.Of(service, method, new Uri(uri)));
    }
}
