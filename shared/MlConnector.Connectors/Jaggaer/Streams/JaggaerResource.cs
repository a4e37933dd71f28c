using System.Text.Json;

namespace MlConnector.Connectors.Jaggaer.Streams;

/// <summary>
/// How one J1P list becomes a stream: which call lists it, where a row keeps its fields (<paramref name="FieldsOf"/>: the
/// row itself, or the profile it nests), which field keys it, which stamps its changes, and how the change filter is
/// written. <see cref="JaggaerChangeStream"/> does the rest the same way for each.
/// </summary>
/// <param name="BaseFilter">Conditions every read carries (e.g. <c>TYPE==SELLER</c>).</param>
public sealed record JaggaerResource(
    string StreamName,
    Func<JaggaerClient, JaggaerFilter, CancellationToken, IAsyncEnumerable<JaggaerPage>> List,
    Func<JsonElement, JsonElement?> FieldsOf,
    string KeyField,
    string StampField,
    string ChangeFilterField,
    string ChangeFilterFormat,
    string? BaseFilter)
{
    public string? KeyOf(JsonElement row) => FieldsOf(row)?.Text(KeyField);

    public DateTimeOffset? StampOf(JsonElement row) => FieldsOf(row)?.Timestamp(StampField);
}
