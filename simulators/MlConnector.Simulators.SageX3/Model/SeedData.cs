using System.Globalization;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.SageX3.Model;

/// <summary>A small but realistic SEED folder: suppliers, accounts, cost centres, products, 25 orders, deliveries.</summary>
internal static class SeedData
{
    public static void Load(X3Folder folder, DateTimeOffset now)
    {
        var stamp = now.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-10);

        Add(folder, "FACILITY", stamp, new JsonObject { ["FCY"] = "US011", ["FCYNAM"] = "Chicago DC", ["LEGCPY"] = "US01" });
        Add(folder, "FACILITY", stamp, new JsonObject { ["FCY"] = "FR011", ["FCYNAM"] = "Lyon entrepot", ["LEGCPY"] = "FR01" });
        Add(folder, "BPSUPPLIER", stamp, Supplier("S0001", "ACME Office Supplies", "USD", "Chicago", "IL", "60601", "US"));
        Add(folder, "BPSUPPLIER", stamp, Supplier("S0002", "Northwind Industrial", "USD", "Seattle", "WA", "98101", "US"));
        Add(folder, "BPSUPPLIER", stamp, Supplier("S0003", "Contoso Packaging", "EUR", "Lyon", null, "69002", "FR"));

        foreach (var (acc, des) in new[] { ("6010", "Purchases of goods"), ("6061", "Office supplies"), ("6064", "Packaging"), ("6226", "Consulting fees"), ("4011", "Suppliers") })
        {
            Add(folder, "GACCOUNT", stamp, new JsonObject { ["ACC"] = acc, ["DES"] = des });
        }

        foreach (var (cce, des) in new[] { ("ADM", "Administration"), ("PROD", "Production"), ("SALES", "Sales"), ("IT", "Information technology") })
        {
            Add(folder, "CACCE", stamp, new JsonObject { ["CCE"] = cce, ["DIE"] = "CC", ["DES"] = des });
        }

        var products = new[] { ("PAPER-A4", "Copy paper A4 80g", "BOX", 24.50m), ("TONER-HP", "Toner cartridge", "UN", 89.90m), ("PALLET-EU", "Euro pallet", "UN", 12.00m), ("BOX-40", "Shipping box 40cm", "UN", 1.35m), ("CHAIR-ERG", "Ergonomic chair", "UN", 310.00m) };
        foreach (var (itm, des, unit, _) in products)
        {
            Add(folder, "ITMMASTER", stamp, new JsonObject { ["ITMREF"] = itm, ["ITMDES1"] = des, ["STU"] = unit });
        }

        var suppliers = new[] { ("S0001", "ACME Office Supplies", "USD"), ("S0002", "Northwind Industrial", "USD"), ("S0003", "Contoso Packaging", "EUR") };
        var centres = new[] { "ADM", "PROD", "SALES", "IT" };
        for (var i = 1; i <= 25; i++)
        {
            var (bps, bpsName, cur) = suppliers[i % suppliers.Length];
            var lines = new JsonArray();
            for (var l = 1; l <= 1 + (i % 3); l++)
            {
                var (itm, des, unit, price) = products[(i + l) % products.Length];
                lines.Add(new JsonObject
                {
                    ["POPLIN"] = l * 1000,
                    ["POQSEQ"] = 1,
                    ["ITMREF"] = itm,
                    ["ITMDES"] = des,
                    ["QTYUOM"] = (decimal)(l * 2 + i % 5),
                    ["UOM"] = unit,
                    ["GROPRI"] = price,
                    ["AMTTAX"] = 0m,
                    ["ACC"] = l % 2 == 0 ? "6064" : "6061",
                    ["CCE"] = centres[(i + l) % centres.Length],
                    ["EXTRCPDAT"] = Date(day.AddDays(i + 14)),
                });
            }

            Add(folder, "PORDER", stamp, new JsonObject
            {
                ["POHNUM"] = string.Create(CultureInfo.InvariantCulture, $"POSEED{i:D4}"),
                ["POHFCY"] = i % 4 == 0 ? "FR011" : "US011",
                ["BPSNUM"] = bps,
                ["BPSNAM"] = bpsName,
                ["ORDDAT"] = Date(day.AddDays(i % 7)),
                ["CUR"] = cur,
                ["CLEFLG"] = i % 10 == 0 ? 2 : 1,
                ["EXTRCPDAT"] = Date(day.AddDays(i + 14)),
                [X3Catalog.ExternalReference] = i % 5 == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"PROC-{4000 + i}"),
                [X3Folder.LinesKey] = lines,
            });
        }

        for (var d = 1; d <= 3; d++)
        {
            Add(folder, "SDELIVERY", stamp, new JsonObject
            {
                ["SDHNUM"] = string.Create(CultureInfo.InvariantCulture, $"SDHSEED{d:D4}"),
                ["SOHNUM"] = string.Create(CultureInfo.InvariantCulture, $"SOHSEED{d:D4}"),
                ["BPCORD"] = "C0001",
                ["SHIDAT"] = Date(day.AddDays(d)),
                ["BPTNUM"] = d == 3 ? "FEDEX" : "UPS",
                ["BPTNAM"] = d == 3 ? "FedEx" : "UPS",
                ["TRKNUM"] = d == 2 ? null : string.Create(CultureInfo.InvariantCulture, $"1Z999AA1{d:D10}"),
                ["CFMFLG"] = d == 2 ? 1 : 2,
                [X3Catalog.ExternalReference] = string.Create(CultureInfo.InvariantCulture, $"{100000040 + d}"),
                [X3Folder.LinesKey] = new JsonArray(new JsonObject { ["SDDLIN"] = 1000, ["ITMREF"] = "CHAIR-ERG", ["QTY"] = (decimal)d, ["SAU"] = "UN" }),
            });
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Supplier(string code, string name, string cur, string city, string? state, string postal, string country) => new()
    {
        ["BPSNUM"] = code,
        ["BPSNAM"] = name,
        ["CUR"] = cur,
        ["CRN"] = null,
        ["WEB"] = $"orders@{code.ToLowerInvariant()}.example.com",
        ["BPAADDLIG1"] = "1 Market Street",
        ["BPAADDLIG2"] = null,
        ["CTY"] = city,
        ["SAT"] = state,
        ["POSCOD"] = postal,
        ["CRY"] = country,
        ["ENAFLG"] = 2,
    };

    private static void Add(X3Folder folder, string className, string stamp, JsonObject fields)
    {
        fields["CREDATTIM"] = stamp;
        fields["UPDDATTIM"] = stamp;
        folder.Insert(X3Catalog.FindClass(className)!, fields, countAsCreate: false);
    }
}
