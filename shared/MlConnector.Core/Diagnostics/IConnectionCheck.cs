namespace MlConnector.Core.Diagnostics;

/// <summary>
/// One configured connection `mlc ping` can test. A failed check names the part that is wrong, so a new
/// customer sees "the folder SEEDX does not exist" rather than a stack trace.
/// </summary>
public interface IConnectionCheck
{
    /// <summary>The system and mode, e.g. "Sage X3 (REST api1)".</summary>
    string Name { get; }

    Task<ConnectionCheckResult> CheckAsync(CancellationToken cancellationToken);
}

public sealed record ConnectionCheckResult(bool Succeeded, ConnectionPart? FailingPart, string Detail)
{
    public static ConnectionCheckResult Ok(string detail) => new(true, null, detail);

    public static ConnectionCheckResult Failed(ConnectionPart part, string detail) => new(false, part, detail);
}

/// <summary>Which setting a failed check points at.</summary>
public enum ConnectionPart
{
    Url,
    Folder,
    Credential,
    Representation,
    Permission,
    Service,

    /// <summary>A connector setting names something the target does not publish (a GraphQL root or field); the detail names the setting.</summary>
    Setting,
}
