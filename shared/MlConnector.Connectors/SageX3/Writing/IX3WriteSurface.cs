using System.Text.Json.Nodes;
using MlConnector.Connectors.SageX3.Reading;

namespace MlConnector.Connectors.SageX3.Writing;

/// <summary>Where writes go: api1 <c>$create</c>/<c>$edit</c> or GraphQL mutations. Bodies use X3 field codes either way.</summary>
public interface IX3WriteSurface
{
    /// <summary>Creates the record and returns its key (numbered by X3 when the body has none).</summary>
    Task<string> CreateAsync(X3Entity entity, JsonObject row, CancellationToken cancellationToken);

    /// <summary>Changes only the given fields (and replaces the lines when given).</summary>
    Task EditAsync(X3Entity entity, string key, JsonObject changes, CancellationToken cancellationToken);
}
