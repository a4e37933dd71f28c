using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MlConnector.Simulators.Stedi.X12;

/// <summary>
/// Stedi Guide JSON (<c>heading</c> / <c>detail</c> / <c>summary</c>; segments <c>&lt;name&gt;_&lt;ID&gt;</c>, loops
/// <c>&lt;name&gt;_&lt;ID&gt;_loop</c>, elements <c>&lt;name&gt;_&lt;NN&gt;</c>) turned into X12 segments, with the checks
/// a guide makes before Stedi generates anything.
/// </summary>
internal static partial class GuideJson
{
    private static readonly string[] Sections = ["heading", "detail", "summary"];

    /// <summary>The segments in document order, ST and SE excluded (the generator writes those); element separator <c>*</c>.</summary>
    public static List<string> Segments(JsonObject transaction)
    {
        var segments = new List<string>();
        foreach (var section in Sections)
        {
            if (transaction[section] is JsonObject body)
            {
                Walk(body, segments);
            }
        }

        return segments;
    }

    /// <summary>What the guide refuses: unknown sections, malformed keys, and the set's mandatory segments and elements.</summary>
    public static List<string> Validate(JsonObject transaction, string transactionSetId)
    {
        var errors = new List<string>();
        foreach (var (name, _) in transaction)
        {
            if (!Sections.Contains(name, StringComparer.Ordinal))
            {
                errors.Add($"/{name}: unknown property; a transaction has heading, detail and summary");
            }
        }

        foreach (var section in Sections)
        {
            if (transaction[section] is JsonObject body)
            {
                CheckKeys(body, "/" + section, errors);
            }
        }

        switch (transactionSetId)
        {
            case "850":
                Require(transaction, "heading", "beginning_segment_for_purchase_order_BEG", ["transaction_set_purpose_code_01", "purchase_order_type_code_02", "purchase_order_number_03", "date_05"], errors);
                RequireLoop(transaction, "detail", "baseline_item_data_PO1_loop", "baseline_item_data_PO1", ["quantity_02", "unit_or_basis_for_measurement_code_03"], errors);
                break;
            case "810":
                Require(transaction, "heading", "beginning_segment_for_invoice_BIG", ["date_01", "invoice_number_02"], errors);
                Require(transaction, "summary", "total_monetary_value_summary_TDS", ["amount_01"], errors);
                if (transaction["summary"]?["total_monetary_value_summary_TDS"]?["amount_01"] is JsonValue amount &&
                    (amount.GetValueKind() != JsonValueKind.Number || amount.ToString().Contains('.', StringComparison.Ordinal)))
                {
                    errors.Add("/summary/total_monetary_value_summary_TDS/amount_01: TDS01 is N2 (implied decimals): send an integer number of cents");
                }

                break;
        }

        return errors;
    }

    private static void Walk(JsonObject node, List<string> segments)
    {
        foreach (var (key, value) in node)
        {
            if (key.EndsWith("_loop", StringComparison.Ordinal))
            {
                foreach (var item in value as JsonArray ?? [])
                {
                    if (item is JsonObject loop)
                    {
                        Walk(loop, segments);
                    }
                }

                continue;
            }

            var id = SegmentId(key);
            if (id is "ST" or "SE")
            {
                continue;
            }

            foreach (var occurrence in value is JsonArray array ? array.OfType<JsonObject>() : value is JsonObject single ? [single] : [])
            {
                segments.Add(Segment(id, occurrence));
            }
        }
    }

    private static string Segment(string id, JsonObject elements)
    {
        var positions = new SortedDictionary<int, string>();
        foreach (var (key, value) in elements)
        {
            positions[Position(key)] = value is JsonObject composite
                ? string.Join('>', composite.OrderBy(pair => Position(pair.Key)).Select(pair => Text(pair.Value)))
                : Text(value);
        }

        var last = positions.Count == 0 ? 0 : positions.Keys.Max();
        var parts = new List<string> { id };
        for (var i = 1; i <= last; i++)
        {
            parts.Add(positions.GetValueOrDefault(i, string.Empty));
        }

        return string.Join('*', parts);
    }

    /// <summary>ISO dates become CCYYMMDD and times HHMM, as X12 writes them; numbers are written invariantly without trailing zeros.</summary>
    private static string Text(JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return string.Empty;
        }

        if (scalar.GetValueKind() == JsonValueKind.Number)
        {
            return decimal.Parse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString("0.##########", CultureInfo.InvariantCulture);
        }

        var text = scalar.ToString();
        if (IsoDate().IsMatch(text))
        {
            return text.Replace("-", string.Empty, StringComparison.Ordinal);
        }

        return IsoTime().IsMatch(text) ? text.Replace(":", string.Empty, StringComparison.Ordinal) : text;
    }

    private static void CheckKeys(JsonObject node, string path, List<string> errors)
    {
        foreach (var (key, value) in node)
        {
            if (key.EndsWith("_loop", StringComparison.Ordinal))
            {
                if (value is not JsonArray loop)
                {
                    errors.Add($"{path}/{key}: a loop must be an array");
                    continue;
                }

                for (var i = 0; i < loop.Count; i++)
                {
                    if (loop[i] is JsonObject item)
                    {
                        CheckKeys(item, $"{path}/{key}/{i}", errors);
                    }
                }

                continue;
            }

            if (!SegmentKey().IsMatch(key))
            {
                errors.Add($"{path}/{key}: not a segment of this guide");
                continue;
            }

            foreach (var occurrence in value is JsonArray array ? array.OfType<JsonObject>() : value is JsonObject single ? [single] : [])
            {
                foreach (var (element, _) in occurrence)
                {
                    if (!ElementKey().IsMatch(element))
                    {
                        errors.Add($"{path}/{key}/{element}: not an element of this segment");
                    }
                }
            }
        }
    }

    private static void Require(JsonObject transaction, string section, string segment, string[] elements, List<string> errors)
    {
        if (transaction[section]?[segment] is not JsonObject found)
        {
            errors.Add($"/{section}/{segment}: required");
            return;
        }

        foreach (var element in elements.Where(element => found[element] is null || found[element]!.ToString().Length == 0))
        {
            errors.Add($"/{section}/{segment}/{element}: required");
        }
    }

    private static void RequireLoop(JsonObject transaction, string section, string loop, string segment, string[] elements, List<string> errors)
    {
        if (transaction[section]?[loop] is not JsonArray items || items.Count == 0)
        {
            errors.Add($"/{section}/{loop}: at least one required");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i]?[segment] is not JsonObject found)
            {
                errors.Add($"/{section}/{loop}/{i}/{segment}: required");
                continue;
            }

            foreach (var element in elements.Where(element => found[element] is null))
            {
                errors.Add($"/{section}/{loop}/{i}/{segment}/{element}: required");
            }
        }
    }

    private static string SegmentId(string key) => key[(key.LastIndexOf('_') + 1)..];

    private static int Position(string key) => int.Parse(key[(key.LastIndexOf('_') + 1)..], CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9_]+_[A-Z][A-Z0-9]{1,2}$")]
    private static partial Regex SegmentKey();

    [GeneratedRegex("^[a-z0-9_]+_[0-9]{2}$")]
    private static partial Regex ElementKey();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex("^[0-9]{2}:[0-9]{2}(:[0-9]{2})?$")]
    private static partial Regex IsoTime();
}
