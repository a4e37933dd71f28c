using System.Text.Json.Nodes;

namespace MlConnector.Simulators.SageX3.Model;

/// <summary>The few business rules the simulated folder enforces on writes: references must exist.</summary>
internal static class X3Rules
{
    /// <summary>A stock-managed receipt line entered through GraphQL carries its stock details (status, packing unit, quantity).</summary>
    public static void RequireStockDetails(JsonArray lines)
    {
        var missing = lines.OfType<JsonObject>().Where(l => l["$stockDetails"] is not JsonArray { Count: > 0 }).Select(l => l["POPLIN"]?.ToString()).ToList();
        if (missing.Count > 0)
        {
            throw new X3ValidationException($"Stock details: mandatory for lines {string.Join(", ", missing)} (status, packing unit, quantity in packing unit)");
        }
    }

    public static void Validate(X3Folder folder, string className, JsonObject header, JsonArray lines)
    {
        var errors = new List<string>();
        void Require(string refClass, JsonNode? value, string label)
        {
            var code = value?.ToString();
            if (!string.IsNullOrEmpty(code) && !folder.Exists(refClass, code))
            {
                errors.Add($"{label} {code}: record does not exist");
            }
        }

        switch (className)
        {
            case "PORDER":
                if (string.IsNullOrEmpty(header["BPSNUM"]?.ToString()))
                {
                    errors.Add("Supplier: mandatory field");
                }

                Require("BPSUPPLIER", header["BPSNUM"], "Supplier");
                foreach (var line in lines.OfType<JsonObject>())
                {
                    Require("ITMMASTER", line["ITMREF"], "Product");
                    Require("GACCOUNT", line["ACC"], "Account");
                    Require("CACCE", line["CCE"], "Dimension");
                }

                break;
            case "PINVOICE":
                Require("BPSUPPLIER", header["BPR"], "Supplier");
                Require("PORDER", header["POHNUM"], "Purchase order");
                foreach (var line in lines.OfType<JsonObject>())
                {
                    Require("ITMMASTER", line["ITMREF"], "Product");
                    Require("GACCOUNT", line["ACC"], "Account");
                }

                break;
            case "PRECEIPT":
                if (string.IsNullOrEmpty(header["PRHFCY"]?.ToString()))
                {
                    errors.Add("Receipt site: mandatory field");
                }

                Require("BPSUPPLIER", header["BPSNUM"], "Supplier");
                foreach (var line in lines.OfType<JsonObject>())
                {
                    Require("PORDER", line["POHNUM"], "Purchase order");
                    if (folder.Find("PORDER", line["POHNUM"]?.ToString() ?? string.Empty) is { } order &&
                        !(order[X3Folder.LinesKey] as JsonArray ?? []).OfType<JsonObject>().Any(l => l["POPLIN"]?.ToString() == line["POPLIN"]?.ToString()))
                    {
                        errors.Add($"Purchase order line {line["POHNUM"]} {line["POPLIN"]}: record does not exist");
                    }

                    if (line["$stockDetails"] is JsonArray details)
                    {
                        var stocked = details.OfType<JsonObject>().Sum(d => decimal.TryParse(d["QTYPCU"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var q) ? q : 0m);
                        if (details.OfType<JsonObject>().Any(d => string.IsNullOrEmpty(d["STA"]?.ToString())))
                        {
                            errors.Add($"Line {line["POPLIN"]}: stock status: mandatory field");
                        }

                        if (stocked != (decimal.TryParse(line["QTYUOM"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var received) ? received : 0m))
                        {
                            errors.Add($"Line {line["POPLIN"]}: the stock details ({stocked}) do not cover the quantity received ({line["QTYUOM"]})");
                        }
                    }
                }

                break;
            case "SORDER":
                if (string.IsNullOrEmpty(header["BPCORD"]?.ToString()))
                {
                    errors.Add("Sold-to customer: mandatory field");
                }

                Require("BPCUSTOMER", header["BPCORD"], "Customer");
                foreach (var line in lines.OfType<JsonObject>())
                {
                    Require("ITMMASTER", line["ITMREF"], "Product");
                }

                break;
            default:
                break;
        }

        if (errors.Count > 0)
        {
            throw new X3ValidationException(string.Join("; ", errors));
        }
    }
}
