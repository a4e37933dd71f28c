using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Connectors.SageX3.Rest;

namespace MlConnector.Connectors.SageX3.Writing;

/// <summary>
/// Writes through api1: POST <c>$create</c> (201) and partial PUT <c>$edit</c>, on the writable representation the
/// customer built (X3's standard representations only read). An edit addresses lines by <c>$uuid</c>.
/// </summary>
public sealed class RestWriteSurface(SageX3RestClient rest, IOptionsMonitor<SageX3Options> options) : IX3WriteSurface
{
    public async Task<string> CreateAsync(X3Entity entity, JsonObject row, CancellationToken cancellationToken)
    {
        var info = X3Entities.All[entity];
        var created = await rest.CreateAsync(info.ClassName, Representation(info), WithoutGraphQlOnly(info, row), cancellationToken);
        return X3Row.Required(created, info.KeyField);
    }

    public Task EditAsync(X3Entity entity, string key, JsonObject changes, CancellationToken cancellationToken)
    {
        var info = X3Entities.All[entity];
        var body = WithoutGraphQlOnly(info, changes);
        if (info.LinesProperty(options.CurrentValue) is { } linesProperty && body[linesProperty] is JsonArray lines &&
            lines.OfType<JsonObject>().FirstOrDefault(l => l[X3LineChanges.DeleteMarker] is not null) is { } dropped)
        {
            throw new SageX3ConfigurationException(
                $"line {X3Row.Text(dropped, info.LineKeyField!)} of X3 {info.ClassName} {key} is no longer in the source document, and an api1 $edit cannot delete a line: " +
                "delete or close it in X3, then reprocess the record.");
        }

        return rest.EditAsync(info.ClassName, Representation(info), key, body, cancellationToken);
    }

    private string Representation(X3EntityInfo info) => info.WriteRepresentation(options.CurrentValue) ?? info.Representation(options.CurrentValue);

    /// <summary>Drops what only GraphQL carries (a receipt line's stock details).</summary>
    private JsonObject WithoutGraphQlOnly(X3EntityInfo info, JsonObject row)
    {
        var body = (JsonObject)row.DeepClone();
        if (info.LinesProperty(options.CurrentValue) is { } linesProperty && body[linesProperty] is JsonArray lines)
        {
            foreach (var line in lines.OfType<JsonObject>())
            {
                line.Remove("$stockDetails");
            }
        }

        return body;
    }
}
