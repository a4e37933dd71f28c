using System.Text.Json;

namespace MlConnector.Connectors.Jaggaer;

/// <summary>One page of a J1P list: the rows under the resource's list key and the envelope around them.</summary>
public sealed record JaggaerPage(IReadOnlyList<JsonElement> Rows, JaggaerEnvelope Envelope);

/// <summary>
/// The J1P envelope: <c>returnCode</c> 0 and <c>returnMessage</c> "OK" on success; <c>startAt</c> is the 1-based index
/// of the page's first record, <c>returnedRecords</c> its size and <c>totRecords</c> the size of the whole result.
/// </summary>
public sealed record JaggaerEnvelope(int ReturnCode, string? ReturnMessage, int TotRecords, int ReturnedRecords, int StartAt)
{
    /// <summary>Where the next page starts: the record after this page's last.</summary>
    public int NextStart => StartAt + ReturnedRecords;

    /// <summary>True when no record is left: the page was empty or reached <c>totRecords</c>.</summary>
    public bool IsLastPage => ReturnedRecords <= 0 || NextStart > TotRecords;
}
