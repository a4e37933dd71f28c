using System.Text.Json;

namespace MlConnector.Core.Flows;

/// <summary>
/// What the write stage hands to a sink: the document kind (e.g. <c>purchase-order</c>), the reference the
/// target record will carry back to its source, a short summary for people (dry runs, audit), and the body.
/// </summary>
public sealed record TargetDocument(string Kind, string ExternalReference, string Summary, JsonElement Body);
