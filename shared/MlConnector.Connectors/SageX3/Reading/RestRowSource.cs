using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3.Rest;

namespace MlConnector.Connectors.SageX3.Reading;

/// <summary>
/// Rows over api1: <c>$query</c> (with <c>where=UPDDATTIM ge @…@</c> for changes) followed by <c>$details</c>
/// for entities with lines, since the query facet never carries them.
/// </summary>
public sealed class RestRowSource(SageX3RestClient rest, IOptionsMonitor<SageX3Options> options) : IX3RowSource
{
    public async IAsyncEnumerable<X3RowPage> ReadRowsAsync(X3Entity entity, DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var info = X3Entities.All[entity];
        var representation = info.Representation(settings);
        var where = changedSince is { } since ? $"UPDDATTIM ge {SDataLiteral.DateTime(since)}" : null;
        await using var pages = rest.QueryAsync(info.ClassName, representation, where, settings.PageSize, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await pages.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (SageX3ApiException error) when (where is not null && error.StatusCode == 500 && error.Diagnoses.Any(d => d.Contains("UPDDATTIM", StringComparison.Ordinal)))
            {
                throw new SageX3ConfigurationException(
                    $"Representation '{representation}' of class {info.ClassName} does not expose UPDDATTIM in its query facet, so changes cannot be read " +
                    $"incrementally. Add UPDDATTIM to the representation in X3, or set SageX3__{entity}Representation to one that has it. X3 said: {string.Join("; ", error.Diagnoses)}",
                    error);
            }

            var rows = new List<JsonObject>();
            foreach (var row in pages.Current.Resources)
            {
                var key = row["$key"]?.ToString() ?? row[info.KeyField]?.ToString();
                if (info.HasLines && key is not null)
                {
                    // Deleted between the query and the read: skip it.
                    if (await rest.GetDetailsAsync(info.ClassName, representation, key, cancellationToken) is { } details)
                    {
                        rows.Add(details);
                    }
                }
                else
                {
                    rows.Add(row);
                }
            }

            yield return new X3RowPage(rows, pages.Current.Next?.ToString());
        }
    }

    public async Task<JsonObject?> FindRowAsync(X3Entity entity, string field, string value, CancellationToken cancellationToken)
    {
        var info = X3Entities.All[entity];
        var representation = info.Representation(options.CurrentValue);
        if (field == info.KeyField)
        {
            return await rest.GetDetailsAsync(info.ClassName, representation, value, cancellationToken);
        }

        await foreach (var page in rest.QueryAsync(info.ClassName, representation, $"{field} eq {SDataLiteral.Text(value)}", 1, cancellationToken))
        {
            var first = page.Resources.Count > 0 ? page.Resources[0] : null;
            if (first is null)
            {
                return null;
            }

            var key = first["$key"]?.ToString() ?? first[info.KeyField]!.ToString();
            return info.HasLines ? await rest.GetDetailsAsync(info.ClassName, representation, key, cancellationToken) : first;
        }

        return null;
    }
}
