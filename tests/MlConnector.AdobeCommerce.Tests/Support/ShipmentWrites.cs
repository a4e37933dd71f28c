using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Flows.AdobeCommerceX3;

namespace MlConnector.AdobeCommerce.Tests.Support;

/// <summary>An X3 shipment through the fulfilment flow's mapper, as the write request the sink receives.</summary>
internal static class ShipmentWrites
{
    public static SourceRecord Record(Shipment shipment) => new(shipment.SourceId, "1", null, CanonicalJson.ToElement(shipment));

    public static async Task<WriteRequest> MappedAsync(Shipment shipment)
    {
        var mapped = await new X3ShipmentToAdobeShipmentMapper().MapAsync(Record(shipment), CancellationToken.None);
        var document = Assert.IsType<MapResult.MappedResult>(mapped).Document;
        Assert.Equal("adobe-shipment", document.Kind);
        return new WriteRequest("x3-adobe-fulfillment", shipment.SourceId, shipment.Status.ToString(), null, false, "key-" + shipment.Status, document);
    }
}
