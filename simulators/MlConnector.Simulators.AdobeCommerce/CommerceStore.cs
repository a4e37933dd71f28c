using System.Globalization;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>The simulated store's data: orders, shipments and comments. One lock: tests are small and correctness matters more.</summary>
public sealed class CommerceStore(AdobeCommerceSimulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, JsonObject> _orders = [];
    private readonly List<JsonObject> _shipments = [];
    private long _nextOrderId = options.FirstOrderEntityId;
    private long _nextItemId = 1;
    private long _nextShipmentId = 1;
    private long _nextTrackId = 1;
    private long _nextCommentId = 1;

    public JsonObject AddOrder(SimulatedOrder spec)
    {
        lock (_gate)
        {
            var order = SimulatedOrderJson.Build(spec, _nextOrderId++, ref _nextItemId, Now());
            _orders[order["entity_id"]!.GetValue<long>()] = order;
            return (JsonObject)order.DeepClone();
        }
    }

    public JsonObject? Order(long entityId)
    {
        lock (_gate)
        {
            return _orders.TryGetValue(entityId, out var order) ? (JsonObject)order.DeepClone() : null;
        }
    }

    public JsonObject? OrderByIncrementId(string incrementId)
    {
        lock (_gate)
        {
            return _orders.Values.Where(o => (string?)o["increment_id"] == incrementId).Select(o => (JsonObject)o.DeepClone()).FirstOrDefault();
        }
    }

    public IReadOnlyList<JsonObject> Orders()
    {
        lock (_gate)
        {
            return _orders.Values.OrderBy(o => o["entity_id"]!.GetValue<long>()).Select(o => (JsonObject)o.DeepClone()).ToList();
        }
    }

    public IReadOnlyList<JsonObject> Shipments()
    {
        lock (_gate)
        {
            return _shipments.Select(s => (JsonObject)s.DeepClone()).ToList();
        }
    }

    /// <summary>Applies <c>POST /V1/order/{id}/ship</c>; returns the new id or Commerce's error text.</summary>
    public (long? ShipmentId, int Status, string? Error) Ship(long orderId, JsonObject request)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(orderId, out var order))
            {
                return (null, 404, "The entity that was requested doesn't exist. Verify the entity and try again.");
            }

            var items = order["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            var requested = (request["items"] as JsonArray)?.Select(i => i!.AsObject()).ToList() ?? [];
            var toShip = new List<(JsonObject Item, decimal Qty)>();
            if (requested.Count == 0)
            {
                toShip.AddRange(items.Where(i => i["parent_item_id"] is null && Open(i) > 0).Select(i => (i, Open(i))));
            }
            else
            {
                foreach (var line in requested)
                {
                    var itemId = Number(line["order_item_id"]);
                    var qty = Number(line["qty"]);
                    var item = items.FirstOrDefault(i => Number(i["item_id"]) == itemId);
                    if (item is null || item["parent_item_id"] is not null)
                    {
                        return (null, 400, "Shipment Document Validation Error(s):\nThe shipment contains an item that is not a shippable line of this order.");
                    }

                    if (qty <= 0 || qty > Open(item))
                    {
                        return (null, 400, "Shipment Document Validation Error(s):\nThe order does not allow a shipment to be created.");
                    }

                    toShip.Add((item, qty));
                }
            }

            if (toShip.Count == 0)
            {
                return (null, 400, "Shipment Document Validation Error(s):\nThe order does not allow a shipment to be created.\nYou can't create a shipment without products.");
            }

            var shipmentId = _nextShipmentId++;
            var now = Now();
            var shipmentItems = new JsonArray();
            foreach (var (item, qty) in toShip)
            {
                item["qty_shipped"] = Number(item["qty_shipped"]) + qty;
                foreach (var child in items.Where(c => c["parent_item_id"] is not null && Number(c["parent_item_id"]) == Number(item["item_id"])))
                {
                    child["qty_shipped"] = Number(child["qty_shipped"]) + qty;
                }

                shipmentItems.Add(new JsonObject
                {
                    ["entity_id"] = shipmentItems.Count + 1,
                    ["parent_id"] = shipmentId,
                    ["order_item_id"] = (long)Number(item["item_id"]),
                    ["sku"] = (string?)item["sku"],
                    ["name"] = (string?)item["name"],
                    ["qty"] = qty,
                    ["price"] = Number(item["price"]),
                });
            }

            var tracks = new JsonArray();
            foreach (var track in (request["tracks"] as JsonArray)?.Select(t => t!.AsObject()) ?? [])
            {
                tracks.Add(new JsonObject
                {
                    ["entity_id"] = _nextTrackId++,
                    ["parent_id"] = shipmentId,
                    ["order_id"] = orderId,
                    ["track_number"] = (string?)track["track_number"],
                    ["title"] = (string?)track["title"],
                    ["carrier_code"] = (string?)track["carrier_code"],
                    ["created_at"] = now,
                });
            }

            var comments = new JsonArray();
            if (request["comment"] is JsonObject comment && (string?)comment["comment"] is { Length: > 0 } text)
            {
                comments.Add(new JsonObject
                {
                    ["entity_id"] = _nextCommentId++,
                    ["parent_id"] = shipmentId,
                    ["comment"] = text,
                    ["is_visible_on_front"] = (int)Number(comment["is_visible_on_front"]),
                    ["created_at"] = now,
                });
            }

            _shipments.Add(new JsonObject
            {
                ["entity_id"] = shipmentId,
                ["increment_id"] = shipmentId.ToString("000000000", CultureInfo.InvariantCulture),
                ["order_id"] = orderId,
                ["store_id"] = 1,
                ["total_qty"] = toShip.Sum(s => s.Qty),
                ["created_at"] = now,
                ["updated_at"] = now,
                ["items"] = shipmentItems,
                ["tracks"] = tracks,
                ["comments"] = comments,
                ["packages"] = new JsonArray(),
            });

            var complete = items.Where(i => i["parent_item_id"] is null).All(i => Open(i) == 0);
            order["state"] = complete ? "complete" : "processing";
            order["status"] = complete ? "complete" : "processing";
            order["updated_at"] = now;
            return (shipmentId, 200, null);
        }
    }

    public bool AddComment(long orderId, JsonObject history)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(orderId, out var order))
            {
                return false;
            }

            var entry = new JsonObject
            {
                ["entity_id"] = _nextCommentId++,
                ["parent_id"] = orderId,
                ["comment"] = (string?)history["comment"],
                ["is_customer_notified"] = (int)Number(history["is_customer_notified"]),
                ["is_visible_on_front"] = (int)Number(history["is_visible_on_front"]),
                ["status"] = (string?)history["status"] ?? (string?)order["status"],
                ["entity_name"] = "order",
                ["created_at"] = Now(),
            };
            order["status_histories"]!.AsArray().Insert(0, entry); // newest first, as Commerce lists them
            if ((string?)history["status"] is { Length: > 0 } status)
            {
                order["status"] = status;
            }

            order["updated_at"] = Now();
            return true;
        }
    }

    private static decimal Open(JsonObject item) =>
        Number(item["qty_ordered"]) - Number(item["qty_shipped"]) - Number(item["qty_canceled"]);

    /// <summary>Reads a number whatever CLR type built the node (long, int, decimal) or a numeric string.</summary>
    internal static decimal Number(JsonNode? node) =>
        node is JsonValue value && decimal.TryParse(value.ToJsonString().Trim('"'), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : 0;

    private string Now() => SimulatedOrderJson.Format(options.Time.GetUtcNow());
}
