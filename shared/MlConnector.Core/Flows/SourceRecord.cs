using System.Text.Json;

namespace MlConnector.Core.Flows;

/// <summary>
/// One record as a source delivered it. <paramref name="Version"/> identifies this state of the record
/// (a last-modified stamp, a version number or a content hash): the pipeline writes each version once.
/// </summary>
public sealed record SourceRecord(string Key, string Version, DateTimeOffset? ModifiedAt, JsonElement Payload);
