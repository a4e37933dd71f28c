using Azure;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// Our own storage out of reach (Azurite restarting, a network blip to the storage account): an Azure SDK call that got
/// no answer at all (status 0, after the SDK's own retries). It says nothing about the record, so it should not spend
/// the record's delivery attempts.
/// </summary>
internal static class StorageOutage
{
    /// <summary>How long a message waits before it tries storage again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public static RequestFailedException? Find(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is RequestFailedException { Status: 0 } unreachable)
            {
                return unreachable;
            }

            if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                return aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }
}
