namespace MlConnector.Core.Flows;

/// <summary>
/// A write the target refused or could not complete. Transient failures (timeouts, 429, 5xx) are retried by the
/// queue; permanent ones (a validation error) go to the poison queue at once with the target's message.
/// </summary>
public sealed class TargetWriteException : Exception
{
    public TargetWriteException(string message, bool isTransient, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        StatusCode = statusCode;
    }

    public bool IsTransient { get; }

    public int? StatusCode { get; }

    /// <summary>True when the target may have applied the write before failing (a timeout or a dropped connection).</summary>
    public bool MayHaveBeenApplied => IsTransient && StatusCode is null;
}
