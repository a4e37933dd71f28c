using System.Globalization;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>The simulated store's data: orders, shipments and comments. One lock: tests are small and correctness matters more.</summary>
public sealed class CommerceStore(AdobeCommerceSimulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, JsonObject> _orders = [];
    private readonly List<JsonObject> _shipments = [];
    private readonly List<JsonObject> _shipRequests = [];
    private readonly Dictionary<string, JsonObject> _products = new(StringComparer.Ordinal);
    private readonly HashSet<long> _bundlesShippedSeparately = [];
    private long _nextOrderId = options.FirstOrderEntityId;
    private long _nextItemId = 1;
    private long _nextShipmentId = 1;
    private long _nextTrackId = 1;
    private long _nextCommentId = 1;

    public JsonObject AddOrder(SimulatedOrder spec)
    {
        lock (_gate)
        {
            var built = SimulatedOrderJson.Build(spec, _nextOrderId++, ref _nextItemId, Now());
            _orders[built.Order["entity_id"]!.GetValue<long>()] = built.Order;
            foreach (var product in built.Products)
            {
                _products[(string)product["sku"]!] = product;
            }

            _bundlesShippedSeparately.UnionWith(built.BundlesShippedSeparately);
            return (JsonObject)built.Order.DeepClone();
        }
    }

    /// <summary>Every <c>POST /V1/order/{id}/ship</c> body received, accepted or not, oldest first.</summary>
    public IReadOnlyList<JsonObject> ShipRequests()
    {
        lock (_gate)
        {
            return _shipRequests.Select(r => (JsonObject)r.DeepClone()).ToList();
        }
    }

    public IReadOnlyList<JsonObject> Products()
    {
        lock (_gate)
        {
            return _products.Values.Select(p => (JsonObject)p.DeepClone()).ToList();
        }
    }

    /// <summary>A catalog product by its own SKU, as <c>GET /V1/products/{sku}</c> answers.</summary>
    public JsonObject? Product(string sku)
    {
        lock (_gate)
        {
            return _products.TryGetValue(sku, out var product) ? (JsonObject)product.DeepClone() : null;
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

    /// <summary>Applies <c>POST /V1/order/{id}/ship</c> by <see cref="ShipmentRules"/>; returns the new id or Commerce's error text.</summary>
    public (long? ShipmentId, int Status, string? Error) Ship(long orderId, JsonObject request)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(orderId, out var order))
            {
                return (null, 404, "The entity that was requested doesn't exist. Verify the entity and try again.");
            }

            _shipRequests.Add((JsonObject)request.DeepClone());
            var rules = new ShipmentRules(order["items"]!.AsArray().Select(i => i!.AsObject()).ToList(), _bundlesShippedSeparately);
            var (toShip, error) = rules.Plan((request["items"] as JsonArray)?.Select(i => i!.AsObject()).ToList() ?? []);
            if (error is not null)
            {
                return (null, 400, "Shipment Document Validation Error(s):\n" + error);
            }

            var shipmentId = _nextShipmentId++;
            var now = Now();
            var shipmentItems = new JsonArray();
            foreach (var (item, qty) in toShip)
            {
                item["qty_shipped"] = Number(item["qty_shipped"]) + qty;
                shipmentItems.Add(new JsonObject
                {
                    ["entity_id"] = shipmentItems.Count + 1,
                    ["name"] = (string?)item["name"],
                    ["parent_id"] = shipmentId,
                    ["price"] = Number(item["price"]),
                    ["product_id"] = (long)Number(item["product_id"]),
                    ["sku"] = (string?)item["sku"],
                    ["weight"] = 1,
                    ["order_item_id"] = (long)Number(item["item_id"]),
                    ["qty"] = qty,
                });
            }

            var tracks = new JsonArray();
            foreach (var track in (request["tracks"] as JsonArray)?.Select(t => t!.AsObject()) ?? [])
            {
                tracks.Add(new JsonObject
                {
                    ["order_id"] = orderId,
                    ["created_at"] = now,
                    ["entity_id"] = _nextTrackId++,
                    ["parent_id"] = shipmentId,
                    ["updated_at"] = now,
                    ["weight"] = 0,
                    ["qty"] = 0,
                    ["description"] = null,
                    ["track_number"] = (string?)track["track_number"],
                    ["title"] = (string?)track["title"],
                    ["carrier_code"] = (string?)track["carrier_code"],
                });
            }

            var comments = new JsonArray();
            if (request["comment"] is JsonObject comment && (string?)comment["comment"] is { Length: > 0 } text)
            {
                comments.Add(new JsonObject
                {
                    ["is_customer_notified"] = null,
                    ["parent_id"] = shipmentId,
                    ["comment"] = text,
                    ["is_visible_on_front"] = (int)Number(comment["is_visible_on_front"]),
                    ["created_at"] = now,
                    ["entity_id"] = _nextCommentId++,
                });
            }

            _shipments.Add(new JsonObject
            {
                ["billing_address_id"] = orderId * 2,
                ["created_at"] = now,
                ["entity_id"] = shipmentId,
                ["increment_id"] = shipmentId.ToString("000000000", CultureInfo.InvariantCulture),
                ["order_id"] = orderId,
                ["shipping_address_id"] = orderId * 2 + 1,
                ["store_id"] = 1,
                ["total_qty"] = toShip.Sum(s => s.Qty),
                ["updated_at"] = now,
                ["packages"] = new JsonArray(),
                ["tracks"] = tracks,
                ["items"] = shipmentItems,
                ["comments"] = comments,
            });

            var complete = rules.Complete;
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

    /// <summary>Reads a number whatever CLR type built the node (long, int, decimal) or a numeric string.</summary>
    internal static decimal Number(JsonNode? node) =>
        node is JsonValue value && decimal.TryParse(value.ToJsonString().Trim('"'), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : 0;

    private string Now() => SimulatedOrderJson.Format(options.Time.GetUtcNow());
}
