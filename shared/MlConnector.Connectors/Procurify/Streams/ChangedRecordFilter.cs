using System.Globalization;

namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>
/// Procurify's change filters compare whole days, in the tenant's time zone. So a run asks from the day before
/// the start (whatever the tenant's offset, the boundary day is read again) and then drops, by timestamp, what
/// is older than the start, and, by id + last-modified, what this run already returned.
/// </summary>
public sealed class ChangedRecordFilter
{
    private readonly DateTimeOffset? _since;
    private readonly HashSet<(string Key, string Version)> _seen = [];

    public ChangedRecordFilter(DateTimeOffset? since) => _since = since;

    /// <summary>The first day to ask Procurify for; null reads everything.</summary>
    public DateOnly? FirstDay => _since is { } since ? DateOnly.FromDateTime(since.UtcDateTime).AddDays(-1) : null;

    /// <summary>True when a record stamped <paramref name="modifiedAt"/> is at or after the start (or has no stamp).</summary>
    public bool IsInWindow(DateTimeOffset? modifiedAt) => _since is null || modifiedAt is null || modifiedAt >= _since;

    /// <summary>True the first time this run sees this version of this record.</summary>
    public bool IsFirstSighting(string key, string version) => _seen.Add((key, version));

    /// <summary>The version string the pipeline keys on: the last-modified stamp, normalised so re-reads compare equal.</summary>
    public static string VersionOf(DateTimeOffset? modifiedAt, string? rawStamp) =>
        modifiedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) ?? rawStamp ?? "unversioned";
}
