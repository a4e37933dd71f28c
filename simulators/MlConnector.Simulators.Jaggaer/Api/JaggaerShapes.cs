using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Simulators.Jaggaer.Model;

namespace MlConnector.Simulators.Jaggaer.Api;

/// <summary>
/// Model records as J1P JSON: company profiles with the <c>ja</c> field names and compact dates
/// (<c>yyyyMMddHHmmss</c>); purchase orders in the inferred shape, mirroring the <c>ji</c> invoice conventions.
/// </summary>
internal static class JaggaerShapes
{
    public static string Compact(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject CompanyProfile(SimSupplier supplier) => new()
    {
        ["bravoId"] = supplier.BravoId,
        ["companyName"] = supplier.CompanyName,
        ["extCode"] = supplier.ExtCode,
        ["extUniqueCode"] = supplier.ExtCode,
        ["type"] = supplier.Type,
        ["status"] = supplier.Status,
        ["currency"] = supplier.Currency,
        ["euVat"] = supplier.EuVat,
        ["fiscalCode"] = supplier.FiscalCode,
        ["bizEmail"] = supplier.BizEmail,
        ["address"] = supplier.Address,
        ["city"] = supplier.City,
        ["province"] = supplier.Province,
        ["zip"] = supplier.Zip,
        ["isoCountry"] = supplier.IsoCountry,
        ["registrationDate"] = supplier.RegistrationDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        ["lastModTime"] = Compact(supplier.LastModTime!.Value),
    };

    public static JsonObject PurchaseOrder(SimPurchaseOrder order, SimSupplier? supplier) => new()
    {
        ["purchaseOrderId"] = order.PurchaseOrderId,
        ["poNumber"] = order.PoNumber,
        ["orderDate"] = order.OrderDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["lastUpdate"] = Iso(order.LastUpdate!.Value),
        ["status"] = order.Status,
        ["businessUnit"] = order.BusinessUnit,
        ["supplier"] = new JsonObject
        {
            ["id"] = order.SupplierId,
            ["name"] = supplier?.CompanyName,
            ["supplierNumber"] = supplier?.ExtCode,
        },
        ["total"] = new JsonObject { ["currency"] = order.Currency, ["value"] = order.Total },
        ["lineList"] = new JsonObject
        {
            ["poLine"] = new JsonArray([.. order.Lines.Select(line => (JsonNode)Line(line, order.Currency))]),
        },
    };

    private static JsonObject Line(SimPurchaseOrderLine line, string currency)
    {
        var segments = new JsonArray { Segment("Account", line.Account) };
        if (line.CostCenter is { } costCenter)
        {
            segments.Add(Segment("CostCenter", costCenter));
        }

        return new JsonObject
        {
            ["lineNumber"] = line.LineNumber,
            ["item"] = new JsonObject
            {
                ["description"] = line.Description,
                ["catalogNumber"] = line.CatalogNumber,
                ["unitOfMeasure"] = new JsonObject { ["dimension"] = line.Unit },
            },
            ["quantity"] = line.Quantity,
            ["unitPrice"] = new JsonObject { ["currency"] = currency, ["money"] = line.UnitPrice },
            ["splittableFieldSetGroupList"] = new JsonObject
            {
                ["splittableFieldSetGroup"] = new JsonArray
                {
                    new JsonObject { ["splitPercent"] = 100, ["splittableFieldList"] = new JsonObject { ["splittableField"] = segments } },
                },
            },
        };
    }

    private static JsonObject Segment(string internalName, string value) =>
        new() { ["internalName"] = internalName, ["value"] = value, ["description"] = $"{internalName} {value}" };
}
