using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlConnector.Simulators.Jaggaer.Model;

namespace MlConnector.Simulators.Jaggaer.Api;

/// <summary>
/// A synthetic purchase-order resource, <c>GET /j1p/api/public/ji/v1/purchaseorders</c> and <c>…/{id}</c>. JAGGAER
/// publishes no PO endpoint: every answer carries <c>X-Simulator-Synthetic</c> to say the shape is inferred.
/// Filterable on <c>lastUpdate</c>, <c>purchaseOrderId</c>, <c>poNumber</c>, <c>status</c> and <c>supplierId</c>.
/// </summary>
internal static class PurchaseOrderEndpoints
{
    public const string Path = "/j1p/api/public/ji/v1/purchaseorders";
    private const string SyntheticHeader = "X-Simulator-Synthetic";
    private const string SyntheticNote = "purchase-order resource inferred from JAGGAER invoice conventions; no public JAGGAER endpoint";

    private static readonly Dictionary<string, Func<SimPurchaseOrder, string?>> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lastUpdate"] = order => JaggaerShapes.Iso(order.LastUpdate!.Value),
        ["purchaseOrderId"] = order => order.PurchaseOrderId.ToString(CultureInfo.InvariantCulture),
        ["poNumber"] = order => order.PoNumber,
        ["status"] = order => order.Status,
        ["supplierId"] = order => order.SupplierId.ToString(CultureInfo.InvariantCulture),
    };

    public static void Map(WebApplication app)
    {
        app.MapGet(Path, (HttpContext context, JaggaerStore store, JaggaerSimulatorOptions options) =>
        {
            context.Response.Headers[SyntheticHeader] = SyntheticNote;
            return J1pList.Answer(context.Request, options, store.PurchaseOrders, Fields, order => JaggaerShapes.PurchaseOrder(order, store.Supplier(order.SupplierId)), "purchaseOrderList.purchaseOrder");
        });

        app.MapGet(Path + "/{id}", (string id, HttpContext context, JaggaerStore store) =>
        {
            context.Response.Headers[SyntheticHeader] = SyntheticNote;
            if (!long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || store.PurchaseOrder(number) is not { } order)
            {
                return J1pList.Failure($"Purchase order {id} not found");
            }

            var body = new JsonObject
            {
                ["returnCode"] = 0,
                ["returnMessage"] = "OK",
                ["totRecords"] = 1,
                ["returnedRecords"] = 1,
                ["startAt"] = 1,
                ["purchaseOrderList"] = new JsonObject { ["purchaseOrder"] = new JsonArray(JaggaerShapes.PurchaseOrder(order, store.Supplier(order.SupplierId))) },
            };
            return Results.Text(body.ToJsonString(), J1pList.ContentType);
        });
    }
}
