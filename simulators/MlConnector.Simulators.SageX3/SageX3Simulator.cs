using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Simulators.Common;
using MlConnector.Simulators.SageX3.Auth;
using MlConnector.Simulators.SageX3.GraphQl;
using MlConnector.Simulators.SageX3.Model;
using MlConnector.Simulators.SageX3.Rest;

namespace MlConnector.Simulators.SageX3;

/// <summary>
/// A Sage X3 server on loopback: REST api1 (<c>/api1/x3/erp/{endpoint}</c>, HTTP Basic), on-premise GraphQL
/// (<c>/xtrem/api</c>, connected-app JWT) and the Cloud gateway (<c>/v1/token</c>, <c>/v1/graphql</c>), with
/// seed and inspection methods for tests and the demo.
/// </summary>
public sealed class SageX3Simulator : IAsyncDisposable
{
    private readonly SimulatorServer _server;
    private readonly SimulatorState _state;

    private SageX3Simulator(SimulatorServer server, SimulatorState state)
    {
        _server = server;
        _state = state;
    }

    /// <summary>Root of the server, ending in a slash; REST, GraphQL and the gateway all live under it.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The simulated Cloud gateway's base (<c>{BaseAddress}v1/</c>), as the X3 Cloud's <c>https://api.&lt;region&gt;-sagex3.com/v1</c>.</summary>
    public Uri CloudGatewayAddress => new(_server.BaseAddress, "v1/");

    public FaultSwitches Faults => _server.Faults;

    public RequestJournal Journal => _server.Journal;

    public SageX3SimulatorOptions Options => _state.Options;

    public static async Task<SageX3Simulator> StartAsync(SageX3SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new SimulatorState(options ?? new SageX3SimulatorOptions());
        var server = await SimulatorServer.StartAsync(
            "sage-x3",
            services => services.AddSingleton(state),
            app =>
            {
                RestApiEndpoints.Map(app, state);
                GraphQlEndpoints.Map(app, state);
                CloudGatewayEndpoints.Map(app, state);
            },
            cancellationToken: cancellationToken);
        return new SageX3Simulator(server, state);
    }

    // ---- Cloud gateway pairing -------------------------------------------------------------------

    /// <summary>Simulates an X3 user approving the pairing request: the code the callback would carry.</summary>
    public string ApprovePairing() => _state.Cloud.IssueCode(accepted: true);

    /// <summary>A code whose pairing request the X3 user has not accepted (the gateway answers 403).</summary>
    public string PendingPairing() => _state.Cloud.IssueCode(accepted: false);

    /// <summary>Deletes the pairing in X3: every refresh and access token stops working.</summary>
    public void RevokePairing() => _state.Cloud.RevokeAll();

    public int CloudTokensIssued => _state.Cloud.AccessTokensIssued;

    // ---- Seeding ---------------------------------------------------------------------------------

    public void SeedSupplier(string code, string name, string currency = "USD", string folder = "") =>
        Insert(folder, "BPSUPPLIER", new JsonObject { ["BPSNUM"] = code, ["BPSNAM"] = name, ["CUR"] = currency, ["ENAFLG"] = 2 });

    public void SeedCustomer(string code, string name, string currency = "USD", string folder = "") =>
        Insert(folder, "BPCUSTOMER", new JsonObject { ["BPCNUM"] = code, ["BPCNAM"] = name, ["CUR"] = currency, ["CRY"] = "US" });

    public void SeedGlAccount(string code, string description, string folder = "") =>
        Insert(folder, "GACCOUNT", new JsonObject { ["ACC"] = code, ["DES"] = description });

    public void SeedCostCentre(string code, string description, string folder = "") =>
        Insert(folder, "CACCE", new JsonObject { ["CCE"] = code, ["DIE"] = "CC", ["DES"] = description });

    public void SeedProduct(string code, string description, string unit = "UN", string folder = "") =>
        Insert(folder, "ITMMASTER", new JsonObject { ["ITMREF"] = code, ["ITMDES1"] = description, ["STU"] = unit });

    /// <summary>Seeds an order; returns its POHNUM (generated when <paramref name="number"/> is null).</summary>
    public string SeedPurchaseOrder(string supplierCode, DateOnly orderDate, IEnumerable<SimulatedOrderLine> lines, string? number = null, string currency = "USD", string? externalReference = null, string site = "US011", string folder = "")
    {
        var lineArray = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
        {
            ["POPLIN"] = l.LineNumber,
            ["POQSEQ"] = 1,
            ["ITMREF"] = l.ItemCode,
            ["ITMDES"] = l.Description,
            ["QTYUOM"] = l.Quantity,
            ["UOM"] = l.Unit,
            ["GROPRI"] = l.UnitPrice,
            ["AMTTAX"] = 0m,
            ["ACC"] = l.GlAccount,
            ["CCE"] = l.CostCentre,
        }).ToArray());
        var record = Insert(folder, "PORDER", new JsonObject
        {
            ["POHNUM"] = number,
            ["POHFCY"] = site,
            ["BPSNUM"] = supplierCode,
            ["BPSNAM"] = Folder(folder).Find("BPSUPPLIER", supplierCode)?["BPSNAM"]?.ToString(),
            ["ORDDAT"] = SeedData.Date(orderDate),
            ["CUR"] = currency,
            ["CLEFLG"] = 1,
            [X3Catalog.ExternalReference] = externalReference,
            [X3Folder.LinesKey] = lineArray,
        });
        return record["POHNUM"]!.ToString();
    }

    /// <summary>Seeds a sales order keyed in X3 (not from any connector); returns its SOHNUM.</summary>
    public string SeedSalesOrder(string customerCode, DateOnly orderDate, string customerOrderReference, IEnumerable<(string ItemCode, decimal Quantity, decimal Price)> lines, string? externalReference = null, string folder = "")
    {
        var lineNumber = 0;
        var record = Insert(folder, "SORDER", new JsonObject
        {
            ["SALFCY"] = "US011",
            ["BPCORD"] = customerCode,
            ["CUSORDREF"] = customerOrderReference,
            ["ORDDAT"] = SeedData.Date(orderDate),
            ["CUR"] = "USD",
            ["CLEFLG"] = 1,
            [X3Catalog.ExternalReference] = externalReference,
            [X3Folder.LinesKey] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["SOPLIN"] = (lineNumber += 1000), ["ITMREF"] = l.ItemCode, ["QTY"] = l.Quantity, ["SAU"] = "UN", ["GROPRI"] = l.Price }).ToArray()),
        });
        return record["SOHNUM"]!.ToString();
    }

    /// <summary>Seeds a sales delivery (shipment) for an order carrying <paramref name="orderReference"/>.</summary>
    public string SeedDelivery(string number, string orderReference, DateOnly shipDate, string carrier, string? trackingNumber, bool confirmed, IEnumerable<(string ItemCode, decimal Quantity)> lines, string folder = "")
    {
        var lineNumber = 0;
        Insert(folder, "SDELIVERY", new JsonObject
        {
            ["SDHNUM"] = number,
            ["SOHNUM"] = "SOH" + number,
            ["BPCORD"] = "C0001",
            ["SHIDAT"] = SeedData.Date(shipDate),
            ["BPTNUM"] = carrier,
            ["BPTNAM"] = carrier,
            ["TRKNUM"] = trackingNumber,
            ["CFMFLG"] = confirmed ? 2 : 1,
            [X3Catalog.ExternalReference] = orderReference,
            [X3Folder.LinesKey] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["SDDLIN"] = (lineNumber += 1000), ["ITMREF"] = l.ItemCode, ["QTY"] = l.Quantity, ["SAU"] = "UN" }).ToArray()),
        });
        return number;
    }

    /// <summary>
    /// Delivers a sales order as X3's delivery would: a confirmed SDELIVERY for the order's customer, carrying its SOHNUM and
    /// external reference, one line per order line delivered (with its SOPLIN) at the ordered quantity unless
    /// <paramref name="shipped"/> says otherwise (SOPLIN -> quantity; lines it leaves out are not delivered). The delivery
    /// address (BPAADD) is the delivered lines' own address when they share one (a store), else the order's. Returns SDHNUM.
    /// </summary>
    public string DeliverSalesOrder(string salesOrderNumber, DateOnly shipDate, string carrier, string? trackingNumber, IReadOnlyDictionary<int, decimal>? shipped = null, bool confirmed = true, string folder = "")
    {
        var order = Folder(folder).Find("SORDER", salesOrderNumber) ?? throw new ArgumentException($"SORDER {salesOrderNumber} not found", nameof(salesOrderNumber));
        var orderLines = ((JsonArray)order[X3Folder.LinesKey]!).OfType<JsonObject>()
            .Where(line => shipped is null || shipped.ContainsKey((int)line["SOPLIN"]!))
            .ToList();
        var addresses = orderLines.Select(line => line["BPAADD"]?.ToString()).Distinct().ToList();
        var lineNumber = 0;
        var record = Insert(folder, "SDELIVERY", new JsonObject
        {
            ["SOHNUM"] = salesOrderNumber,
            ["BPCORD"] = order["BPCORD"]?.ToString(),
            ["SHIDAT"] = SeedData.Date(shipDate),
            ["BPTNUM"] = carrier,
            ["BPTNAM"] = carrier,
            ["TRKNUM"] = trackingNumber,
            ["CFMFLG"] = confirmed ? 2 : 1,
            ["BPAADD"] = addresses.Count == 1 && addresses[0] is not null ? addresses[0] : order["BPAADD"]?.ToString(),
            [X3Catalog.ExternalReference] = order[X3Catalog.ExternalReference]?.ToString(),
            [X3Folder.LinesKey] = new JsonArray(orderLines.Select(line => (JsonNode)new JsonObject
            {
                ["SDDLIN"] = lineNumber += 1000,
                ["ITMREF"] = line["ITMREF"]?.ToString(),
                ["QTY"] = shipped?[(int)line["SOPLIN"]!] ?? (decimal)line["QTY"]!,
                ["SAU"] = line["SAU"]?.ToString(),
                ["SOPLIN"] = (int)line["SOPLIN"]!,
            }).ToArray()),
        });
        return record["SDHNUM"]!.ToString();
    }

    /// <summary>
    /// Seeds a customer (sales) invoice for <paramref name="customer"/>, validated (STA 3) unless <paramref name="validated"/>
    /// is false, quoting the customer's order number <paramref name="customerOrderReference"/> and, when given, the X3
    /// sales order it invoices (SOHNUM). An empty <paramref name="number"/> lets X3 number it; returns the invoice NUM.
    /// </summary>
    public string SeedSalesInvoice(string number, string customer, string customerName, DateOnly invoiceDate, string? customerOrderReference,
        IEnumerable<(string ItemCode, string Description, decimal Quantity, string Unit, decimal NetPrice, decimal Tax)> lines, bool validated = true, string currency = "USD", string folder = "",
        string? salesOrderNumber = null)
    {
        var lineNumber = 0;
        var list = lines.ToList();
        var record = Insert(folder, "SINVOICE", new JsonObject
        {
            ["NUM"] = number,
            ["BPCINV"] = customer,
            ["BPCNAM"] = customerName,
            ["INVDAT"] = SeedData.Date(invoiceDate),
            ["CUR"] = currency,
            ["SOHNUM"] = salesOrderNumber,
            ["CUSORDREF"] = customerOrderReference,
            ["STA"] = validated ? 3 : 1,
            ["AMTNOT"] = list.Sum(l => l.Quantity * l.NetPrice),
            [X3Folder.LinesKey] = new JsonArray(list.Select(l => (JsonNode)new JsonObject
            {
                ["SIDLIN"] = (lineNumber += 1000),
                ["ITMREF"] = l.ItemCode,
                ["ITMDES"] = l.Description,
                ["QTY"] = l.Quantity,
                ["SAU"] = l.Unit,
                ["NETPRI"] = l.NetPrice,
                ["AMTTAX"] = l.Tax,
            }).ToArray()),
        });
        return record["NUM"]!.ToString();
    }

    /// <summary>
    /// Invoices a sales order in full, as X3's invoicing would: a SINVOICE for the order's customer quoting its CUSORDREF
    /// and SOHNUM, one line per order line at the order price, tax at <paramref name="taxRate"/>. Returns the invoice NUM.
    /// </summary>
    public string InvoiceSalesOrder(string salesOrderNumber, DateOnly invoiceDate, decimal taxRate = 0m, bool validated = true, string folder = "")
    {
        var order = Folder(folder).Find("SORDER", salesOrderNumber) ?? throw new ArgumentException($"SORDER {salesOrderNumber} not found", nameof(salesOrderNumber));
        var customer = order["BPCORD"]!.ToString();
        var lines = ((JsonArray)order[X3Folder.LinesKey]!).OfType<JsonObject>().Select(line =>
        {
            var quantity = (decimal)line["QTY"]!;
            var price = (decimal)line["GROPRI"]!;
            return (line["ITMREF"]!.ToString(), line["ITMDES"]?.ToString() ?? line["ITMREF"]!.ToString(), quantity, line["SAU"]?.ToString() ?? "UN", price, Math.Round(quantity * price * taxRate, 2));
        });
        return SeedSalesInvoice(string.Empty, customer, order["BPCNAM"]?.ToString() ?? customer, invoiceDate, order["CUSORDREF"]?.ToString(), lines, validated,
            order["CUR"]?.ToString() ?? "USD", folder, salesOrderNumber);
    }

    /// <summary>Changes header fields of a record as an X3 user would (UPDDATTIM moves to now).</summary>
    public void Touch(string className, string key, IReadOnlyDictionary<string, object?> changes, string folder = "")
    {
        var cls = X3Catalog.FindClass(className) ?? throw new ArgumentException($"Unknown class {className}", nameof(className));
        var fields = new JsonObject();
        foreach (var (field, value) in changes)
        {
            fields[field] = value switch
            {
                null => null,
                JsonNode node => node.DeepClone(), // e.g. new lines under "$lines"
                _ => JsonValue.Create(value),
            };
        }

        _ = Folder(folder).Update(cls, key, fields, null) ?? throw new ArgumentException($"{className} {key} not found", nameof(key));
    }

    // ---- Inspection ------------------------------------------------------------------------------

    /// <summary>A record as stored, X3 field codes with lines under <c>$lines</c>; null when absent.</summary>
    public JsonObject? Find(string className, string key, string folder = "") => Folder(folder).Find(className, key);

    public IReadOnlyList<JsonObject> FindByExternalReference(string className, string externalReference, string folder = "") =>
        Folder(folder).All(className).Where(r => r[X3Catalog.ExternalReference]?.ToString() == externalReference).ToList();

    public IReadOnlyList<JsonObject> PurchaseOrders(string folder = "") => Folder(folder).All("PORDER");

    public IReadOnlyList<JsonObject> SalesOrders(string folder = "") => Folder(folder).All("SORDER");

    public IReadOnlyList<JsonObject> SupplierInvoices(string folder = "") => Folder(folder).All("PINVOICE");

    /// <summary>How many records the API created in a class (seeding does not count).</summary>
    public int CreateCount(string className, string folder = "") => Folder(folder).CreateCount(className);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private JsonObject Insert(string folder, string className, JsonObject fields) =>
        Folder(folder).Insert(X3Catalog.FindClass(className)!, fields, countAsCreate: false);

    private X3Folder Folder(string name) =>
        _state.Folders[name.Length == 0 ? _state.Options.Folders[0] : name];
}

/// <summary>An order line for <see cref="SageX3Simulator.SeedPurchaseOrder"/>.</summary>
public sealed record SimulatedOrderLine(int LineNumber, string ItemCode, string Description, decimal Quantity, string Unit, decimal UnitPrice, string? GlAccount = null, string? CostCentre = null);
