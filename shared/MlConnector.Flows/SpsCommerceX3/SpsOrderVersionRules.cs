using Microsoft.Extensions.Options;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SageX3.Writing;
using MlConnector.Core;
using MlConnector.Core.Flows;
using MlConnector.Core.Validation;

namespace MlConnector.Flows.SpsCommerceX3;

/// <summary>
/// X3's rules for the sales order inside an <c>sps-x3</c> document: the flow writes its own document kind (the order
/// with its RSX purpose, file and place), which X3's rules do not know, so a trading partner's currency name or
/// negative price would otherwise reach X3 unchecked.
/// </summary>
public sealed class SpsOrderVersionRules(IOptionsMonitor<SageX3Options> options) : ITargetDocumentRules
{
    private readonly X3DocumentRules _x3 = new(options);

    public IEnumerable<string> Check(TargetDocument document)
    {
        if (document.Kind != SpsOrderVersion.Kind)
        {
            return [];
        }

        SpsOrderVersion version;
        try
        {
            version = CanonicalJson.FromElement<SpsOrderVersion>(document.Body);
        }
        catch (System.Text.Json.JsonException unreadable)
        {
            return [$"the {document.Kind} document cannot be read ({unreadable.Message})"];
        }

        return _x3.Check(document with { Kind = SageX3SalesOrderSink.Kind, Body = CanonicalJson.ToElement(version.Order) });
    }
}
