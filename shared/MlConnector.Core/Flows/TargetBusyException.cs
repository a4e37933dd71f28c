namespace MlConnector.Core.Flows;

/// <summary>
/// The target asked to be left alone for a while (429 or 503 with Retry-After), or the circuit breaker in front of it
/// is open after repeated failures. Nothing reached the target, so the stages defer the message until
/// <see cref="RetryAfter"/> has passed instead of spending one of its delivery attempts.
/// </summary>
public sealed class TargetBusyException(string message, TimeSpan retryAfter, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>How long to leave the target alone.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>The busy signal anywhere in <paramref name="error"/>'s chain (a connector may have wrapped it), or null.</summary>
    public static TargetBusyException? Find(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is TargetBusyException busy)
            {
                return busy;
            }

            if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                return aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }
}
