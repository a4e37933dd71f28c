using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Simulators.Jaggaer.Model;

namespace MlConnector.Simulators.Jaggaer.Api;

/// <summary>
/// Model records as J1P JSON.
/// <para>
/// Company profiles: each row of <c>returnCompanyData</c> nests its fields under <c>returnCompanyInfo</c> (or, as another
/// public client reads them, <c>companyMaster</c>), with <c>returnSubUser</c> when the <c>USER</c> component is asked for.
/// Source: Crown-Commercial-Service/ccs-scale-cat-service, src/main/java/uk/gov/crowncommercial/dts/scale/cat/model/jaggaer/
/// GetCompanyDataResponse.java, ReturnCompanyData.java, CompanyInfo.java, SubUsers.java; status, currency, euVat,
/// fiscalCode, registrationDate and lastModTime (compact dates) as abdelalihassouna/supplier-platform lib/jaggaer-client.ts reads them.
/// </para>
/// <para>
/// Purchase orders: JAGGAER publishes no PO resource, so the shape is the <c>ji</c> invoice document's: <c>{header,
/// lineList: {poLine: [...]}}</c>, numeric <c>unitPrice</c> and <c>quantity</c>, ISO date-times, accounting segments nested
/// as <c>splittableFieldSetGroupList.splittableFieldSetGroup[].splittableFieldIndexSet[].splittableFieldIndexList
/// .splittableFieldIndex[].customFieldValueList.customFieldValue[]</c>, and no catalog number on a non-catalog line.
/// Source: UCLALibrary/jaggaer-api, sample_data/invoice_sample.json and sample_data/invoice_list.json.
/// </para>
/// </summary>
internal static class JaggaerShapes
{
    public static string Compact(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A row of <c>returnCompanyData</c>; <paramref name="components"/> are the <c>comp</c> the caller asked for.</summary>
    public static JsonObject CompanyRow(SimSupplier supplier, string rowKey, IReadOnlySet<string> components)
    {
        var row = new JsonObject { [rowKey] = CompanyInfo(supplier) };
        if (components.Contains("USER"))
        {
            row["returnSubUser"] = new JsonObject
            {
                ["subUser"] = new JsonArray(new JsonObject
                {
                    ["name"] = "Sales",
                    ["surName"] = "Desk",
                    ["email"] = supplier.BizEmail,
                    ["login"] = $"sales{supplier.BravoId}",
                    ["userId"] = (supplier.BravoId * 10).ToString(CultureInfo.InvariantCulture),
                }),
            };
        }

        return row;
    }

    public static JsonObject PurchaseOrder(SimPurchaseOrder order, SimSupplier? supplier) => new()
    {
        ["header"] = new JsonObject
        {
            ["purchaseOrderId"] = order.PurchaseOrderId,
            ["poNumber"] = order.PoNumber,
            ["orderDate"] = Iso(new DateTimeOffset(order.OrderDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
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
        },
        ["lineList"] = new JsonObject
        {
            ["poLine"] = new JsonArray([.. order.Lines.Select(line => (JsonNode)Line(order, line))]),
        },
    };

    /// <summary>The profile; fields without a value are left out, as a Java client's serializer leaves out nulls.</summary>
    private static JsonObject CompanyInfo(SimSupplier supplier) => WithoutNulls(new JsonObject
    {
        ["bravoId"] = supplier.BravoId.ToString(CultureInfo.InvariantCulture),
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
    });

    private static JsonObject WithoutNulls(JsonObject shape)
    {
        foreach (var name in shape.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            shape.Remove(name);
        }

        return shape;
    }

    private static JsonObject Line(SimPurchaseOrder order, SimPurchaseOrderLine line)
    {
        var segments = new JsonArray { Segment("Account", line.Account) };
        if (line.CostCenter is { } costCenter)
        {
            segments.Add(Segment("CostCenter", costCenter));
        }

        var item = new JsonObject
        {
            ["description"] = line.Description,
            ["unitOfMeasure"] = new JsonObject { ["dimension"] = line.Unit },
            ["productType"] = line.CatalogNumber is null ? "NonCatalogItem" : "CatalogItem",
        };
        if (line.CatalogNumber is { } catalogNumber)
        {
            item["catalogNumber"] = catalogNumber;
        }

        return new JsonObject
        {
            ["lineId"] = (order.PurchaseOrderId * 100) + line.LineNumber,
            ["lineNumber"] = line.LineNumber,
            ["item"] = item,
            ["quantity"] = line.Quantity,
            ["unitPrice"] = line.UnitPrice,
            ["splittableFieldSetGroupList"] = new JsonObject
            {
                ["splittableFieldSetGroup"] = new JsonArray(new JsonObject
                {
                    ["splittableFieldIndexSet"] = new JsonArray(new JsonObject
                    {
                        ["context"] = "Line",
                        ["splittableFieldIndexList"] = new JsonObject
                        {
                            ["splittableFieldIndex"] = new JsonArray(new JsonObject
                            {
                                ["customFieldValueList"] = new JsonObject { ["customFieldValue"] = segments },
                            }),
                        },
                    }),
                }),
            },
        };
    }

    private static JsonObject Segment(string internalName, string value) =>
        new() { ["internalName"] = internalName, ["value"] = value, ["description"] = $"{internalName} {value}" };
}
