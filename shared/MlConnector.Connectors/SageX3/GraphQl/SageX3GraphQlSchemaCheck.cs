using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlConnector.Connectors.SageX3.Reading;
using MlConnector.Connectors.SageX3.Writing;
using MlConnector.Core.Diagnostics;

namespace MlConnector.Connectors.SageX3.GraphQl;

/// <summary>
/// <c>mlc ping</c>'s GraphQL half: introspects which roots X3 publishes (<c>x3Purchasing</c> from 2024 R1, <c>xtremX3Purchasing</c>
/// before), has X3 validate every read query the connector sends, and checks the input types of the writes, naming the
/// setting to change when something does not match.
/// </summary>
internal sealed partial class SageX3GraphQlSchemaCheck(SageX3GraphQlClient graphQl)
{
    private static readonly string[] Prefixes = ["x3", "xtremX3"];

    private static readonly X3Entity[] Written = [X3Entity.PurchaseOrder, X3Entity.Supplier, X3Entity.SupplierInvoice, X3Entity.Receipt, X3Entity.SalesOrder];

    /// <summary>Null when X3 publishes everything the connector uses; otherwise the failure to report.</summary>
    public async Task<ConnectionCheckResult?> CheckAsync(SageX3Options settings, CancellationToken cancellationToken)
    {
        var data = await graphQl.ExecuteAsync("query { __schema { queryType { fields { name } } } }", [], cancellationToken);
        var roots = (data["__schema"]?["queryType"]?["fields"] as JsonArray ?? []).Select(f => f?["name"]?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var package in X3Entities.All.Values.GroupBy(e => e.GraphQlPackage))
        {
            var expected = settings.GraphQlRootPrefix + package.Key;
            if (roots.Contains(expected))
            {
                continue;
            }

            var nodes = string.Join(", ", package.Select(e => e.GraphQlNode));
            return Prefixes.FirstOrDefault(p => roots.Contains(p + package.Key)) is { } other
                ? ConnectionCheckResult.Failed(ConnectionPart.Setting,
                    $"X3 publishes {other}{package.Key}, not {expected} ({nodes}): its GraphQL roots are named for X3 {(other == "x3" ? "2024 R1 and later" : "before 2024 R1")}. Set SageX3__GraphQlRootPrefix={other}.")
                : ConnectionCheckResult.Failed(ConnectionPart.Setting,
                    $"X3 publishes no {expected} root ({nodes}); its roots are {string.Join(", ", roots.Order(StringComparer.Ordinal))}. Publish the package in X3 or check SageX3__GraphQlRootPrefix.");
        }

        foreach (var info in X3Entities.All.Values)
        {
            try
            {
                await graphQl.ExecuteAsync(Reading.GraphQlRowSource.Query(info, settings), new JsonObject { ["first"] = 1 }, cancellationToken);
            }
            catch (SageX3ApiException refused) when (refused.StatusCode is 400 && refused.Diagnoses.Count > 0)
            {
                return ConnectionCheckResult.Failed(ConnectionPart.Setting, $"X3 refuses the {info.GraphQlNode} read: {string.Join("; ", refused.Diagnoses)}.{Hint(info, settings, refused.Diagnoses)}");
            }
        }

        foreach (var info in Written.Select(e => X3Entities.All[e]))
        {
            if (await InputFieldsAsync(info.GraphQlType, cancellationToken) is not { } header)
            {
                return ConnectionCheckResult.Failed(ConnectionPart.Setting,
                    $"X3 publishes no {info.GraphQlType}_Input: the {info.GraphQlNode} create/update operations are not published (X3 GESAPIOPE). Publish them, or write through REST api1 (SageX3__Mode=Rest).");
            }

            var missing = Missing(info.Header(settings), header, info.GraphQlType);
            if (missing is null && info.GraphQlLineType is { } lineType && info.GraphQlLinesField is { } linesField)
            {
                missing = header.Contains(linesField) ? Missing(info.Lines(settings), await InputFieldsAsync(lineType, cancellationToken) ?? [], lineType) : $"{linesField} (the lines)";
            }

            if (missing is not null)
            {
                return ConnectionCheckResult.Failed(ConnectionPart.Setting, $"X3's {info.GraphQlType}_Input has no {missing}.");
            }
        }

        return null;
    }

    private async Task<HashSet<string>?> InputFieldsAsync(string type, CancellationToken cancellationToken)
    {
        var data = await graphQl.ExecuteAsync($"query {{ __type(name: \"{type}_Input\") {{ inputFields {{ name }} }} }}", [], cancellationToken);
        return data["__type"]?["inputFields"] is JsonArray fields ? fields.Select(f => f?["name"]?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal) : null;
    }

    private static string? Missing(IReadOnlyList<X3GraphQlField> fields, HashSet<string> published, string type) =>
        fields.Where(f => f.Field != X3EntityInfo.LineIdentity && f.Field != X3LineChanges.DeleteMarker && f.InputName is { Length: > 0 } name && !published.Contains(name))
            .Select(f => $"{f.InputName} (X3 field {f.Field}): set SageX3__GraphQlFields__{type}__{f.Field} to the field your X3 publishes, or to empty to leave it out")
            .FirstOrDefault();

    /// <summary>Names the setting behind a field X3 does not know: <c>Cannot query field "x" on type "T"</c>.</summary>
    private static string Hint(X3EntityInfo info, SageX3Options settings, IReadOnlyList<string> diagnoses)
    {
        foreach (Match match in diagnoses.SelectMany(d => UnknownField().Matches(d)))
        {
            var (field, type) = (match.Groups["field"].Value, match.Groups["type"].Value);
            var candidates = info.Header(settings).Select(f => (f, Type: info.GraphQlType)).Concat(info.Lines(settings).Select(f => (f, Type: info.GraphQlLineType!)));
            var culprit = candidates.FirstOrDefault(c => c.f.Read is not null && c.f.Read.Split('.').Contains(field));
            if (culprit.f is not null)
            {
                return $" Set SageX3__GraphQlFields__{culprit.Type}__{culprit.f.Field} to the path your X3 publishes on {type} (or to empty to leave {culprit.f.Field} out).";
            }
        }

        return string.Empty;
    }

    [GeneratedRegex("Cannot query field [\"'](?<field>[^\"']+)[\"'] on type [\"'](?<type>[^\"']+)[\"']")]
    private static partial Regex UnknownField();
}
