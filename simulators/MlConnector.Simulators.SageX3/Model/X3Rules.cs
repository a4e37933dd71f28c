using System.Text.Json.Nodes;

namespace MlConnector.Simulators.SageX3.Model;

/// <summary>The few business rules the simulated folder enforces on writes: references must exist.</summary>
internal static class X3Rules
{
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
                Require("BPSUPPLIER", header["BPSNUM"], "Supplier");
                foreach (var line in lines.OfType<JsonObject>())
                {
                    Require("PORDER", line["POHNUM"], "Purchase order");
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
