using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Connectors.SageX3.Rest;

namespace MlConnector.Connectors.SageX3.Writing;

/// <summary>Writes through api1: POST <c>$create</c> (201) and partial PUT <c>$edit</c>.</summary>
public sealed class RestWriteSurface(SageX3RestClient rest, IOptionsMonitor<SageX3Options> options) : IX3WriteSurface
{
    public async Task<string> CreateAsync(X3Entity entity, JsonObject row, CancellationToken cancellationToken)
    {
        var info = X3Entities.All[entity];
        var created = await rest.CreateAsync(info.ClassName, info.Representation(options.CurrentValue), row, cancellationToken);
        return X3Row.Required(created, info.KeyField);
    }

    public Task EditAsync(X3Entity entity, string key, JsonObject changes, CancellationToken cancellationToken)
    {
        var info = X3Entities.All[entity];
        return rest.EditAsync(info.ClassName, info.Representation(options.CurrentValue), key, changes, cancellationToken);
    }
}
